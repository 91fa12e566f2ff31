package io.lakegate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakegate.proxy.gateway.OrgLimits;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code lakegate limits ...}: an org's own tenant limits, stored in ClickHouse for every gateway replica. */
@Command(name = "limits", mixinStandardHelpOptions = true,
        description = {"Shows and changes an org's own tenant limits. An org without its own value of a limit has the "
                + "gateway's default, the `serve` flag of the same name. Stored in ClickHouse (lakegate_limits), so "
                + "every gateway replica uses them: a gateway running on the same data directory at once, others "
                + "within 5 seconds.", "Limits: " + LimitsCommand.NAMES},
        subcommands = picocli.CommandLine.HelpCommand.class)
final class LimitsCommand {
    static final String NAMES = "max_execution_seconds, max_result_rows, max_result_bytes, max_memory_bytes, "
            + "max_concurrent_queries, max_connections_per_credential, max_connections_per_org, "
            + "max_queries_per_minute (0: no limit)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints an org's limits and where each "
            + "comes from.")
    int show(@Mixin ClickHouseOptions ch, @Parameters(paramLabel = "ORG") String org) throws Exception {
        print(limits(ch, new OrgId(org), Map.of()));
        return 0;
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {"Changes an org's own limits; the ones "
            + "not named stay as they are. Effective on the org's next query.",
            "Example: lakegate limits set 16581729 --max-result-rows 1000000 --max-queries-per-minute 120"})
    int set(@Mixin ClickHouseOptions ch, @Parameters(paramLabel = "ORG") String org,
            @Option(names = "--max-execution-seconds", paramLabel = "N") Long maxExecutionSeconds,
            @Option(names = "--max-result-rows", paramLabel = "N") Long maxResultRows,
            @Option(names = "--max-result-bytes", paramLabel = "N") Long maxResultBytes,
            @Option(names = "--max-memory-bytes", paramLabel = "N") Long maxMemoryBytes,
            @Option(names = "--max-concurrent-queries", paramLabel = "N") Long maxConcurrentQueries,
            @Option(names = "--max-connections-per-credential", paramLabel = "N") Long maxConnectionsPerCredential,
            @Option(names = "--max-connections-per-org", paramLabel = "N") Long maxConnectionsPerOrg,
            @Option(names = "--max-queries-per-minute", paramLabel = "N",
                    description = "0: no limit.") Long maxQueriesPerMinute,
            @Option(names = "--default", paramLabel = "LIMIT", split = ",",
                    description = "Gives these limits back the gateway's default, e.g. --default max_result_rows.")
            List<String> reset) throws Exception {
        Map<String, Long> changes = new LinkedHashMap<>();
        Long[] given = {maxExecutionSeconds, maxResultRows, maxResultBytes, maxMemoryBytes, maxConcurrentQueries,
                maxConnectionsPerCredential, maxConnectionsPerOrg, maxQueriesPerMinute};
        for (int i = 0; i < given.length; i++) {
            if (given[i] != null) {
                changes.put(TenantLimits.NAMES.get(i), given[i]);
            }
        }
        for (String name : reset == null ? List.<String>of() : reset) {
            String n = name.strip().replace('-', '_').replaceFirst("^__", "");
            if (changes.containsKey(n)) {
                throw new IllegalArgumentException("Limit " + n + " is both set and given --default: choose one");
            }
            changes.put(n, null);
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("Name a limit to change, e.g. --max-result-rows 1000000, or "
                    + "--default max_result_rows (`lakegate limits set --help` lists them)");
        }
        print(limits(ch, new OrgId(org), changes));
        return 0;
    }

    /** The org's limits after {@code changes}, as the admin API answers them: limits, own, defaults. */
    private static JsonNode limits(ClickHouseOptions ch, OrgId org, Map<String, Long> changes) throws Exception {
        Optional<RunningGateway> running = RunningGateway.find(ch);
        String path = "/api/orgs/" + RunningGateway.segment(org.value()) + "/limits";
        if (running.isPresent()) {
            if (changes.isEmpty()) {
                return running.get().call("GET", path, null);
            }
            ObjectNode body = JSON.createObjectNode();
            changes.forEach((name, value) -> {
                if (value == null) {
                    body.putNull(name);
                } else {
                    body.put(name, value);
                }
            });
            return running.get().call("PUT", path, body);
        }
        try (ClickHouseTarget target = ch.open(); Connection c = target.connect(ch.settings().database())) {
            if (!new OrgProvisioner(c, ch.settings(), null).isProvisioned(org)) {
                throw new IllegalArgumentException("Org " + org + " is not provisioned: run `lakegate org add " + org
                        + "` first");
            }
            // without a running gateway its flags are unknown here: the defaults shown are serve's own defaults
            OrgLimits limits = new OrgLimits(target.dataSource(ch.settings().database()), ch.settings().database(), TenantLimits.DEFAULTS, Duration.ZERO);
            if (!changes.isEmpty()) {
                limits.change(org.value(), changes);
            }
            return JSON.valueToTree(limits.describe(org.value()));
        }
    }

    private static void print(JsonNode limits) {
        System.out.println("Limits of org " + limits.path("org_id").asText() + ":");
        JsonNode own = limits.path("own");
        limits.path("limits").properties().forEach(e -> System.out.printf("  %-32s %,22d  %s%n", e.getKey(),
                e.getValue().asLong(), own.has(e.getKey()) ? "(the org's own)" : "(default)"));
    }
}
