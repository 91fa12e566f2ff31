package io.lakegate.proxy.bench;

import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.policy.ServerFunctions;
import io.lakegate.proxy.policy.FunctionAllowlist;
import io.lakegate.engine.testing.BenchmarkReport;
import io.lakegate.proxy.gateway.GatewayFixture;
import io.lakegate.proxy.gateway.Tenant;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.gateway.TenantGateway;
import io.lakegate.proxy.sql.ClickHouseFunctions;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlRewriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning (read, parse, validate, bind, print: {@code TenantSqlRewriter.rewrite} on the org's catalog) on every query
 * of the tenant corpus, on the reference queries, and on two queries of about 100 KB: the gateway's own cost before
 * ClickHouse sees a query the first time; and {@code TenantGateway.plan} of a query seen before (the plan cache).
 */
class PlanBenchmark {
    private static final int WARM_UP = 5;
    private static final int RUNS = 11;

    @Test
    void planTimes() throws Exception {
        GatewayFixture fx = GatewayFixture.get();
        TenantGateway pipeline = fx.gateway.pipeline();
        Tenant tenant = new Tenant(fx.tenant.username(), GatewayFixture.ORG);
        TenantCatalog catalog = pipeline.catalog(tenant);
        TenantSqlRewriter rewriter;
        try (Connection c = fx.target.connect(fx.settings.database())) {
            ServerFunctions functions = ServerFunctions.load(c);
            rewriter = new TenantSqlRewriter(ClickHouseFunctions.of(functions),
                    new TenantPolicy(FunctionAllowlist.review(functions)));
        }

        List<Double> corpus = new ArrayList<>();
        int refused = 0;
        for (String sql : GatewayFixture.queries("/tenant-queries.sql")) {
            try {
                corpus.add(median(() -> rewriter.rewrite(sql, catalog)));
            } catch (TenantSqlException e) {
                refused++;
            }
        }
        List<Double> reference = new ArrayList<>();
        List<Double> planned = new ArrayList<>();
        for (String sql : group("reference queries")) {
            reference.add(median(() -> rewriter.rewrite(sql, catalog)));
            planned.add(median(() -> pipeline.plan(tenant, sql, Map.of())));
        }
        String inList = "SELECT count() FROM entity_operations WHERE entity_id IN ("
                + IntStream.range(0, 7_000).mapToObj(i -> "'entity-" + i + "'").collect(Collectors.joining(", "))
                + ")";
        String wide = "SELECT " + IntStream.range(0, 2_900).mapToObj(i -> "countIf(schema = 's" + i + "') AS c" + i)
                .collect(Collectors.joining(", ")) + " FROM entity_operations";
        assertThat(inList.length()).isBetween(95_000, 110_000);
        assertThat(wide.length()).isBetween(95_000, 110_000);
        assertThat(corpus).hasSizeGreaterThan(400);
        double inListMs = median(() -> rewriter.rewrite(inList, catalog));
        double wideMs = median(() -> rewriter.rewrite(wide, catalog));

        String md = "## Planning: `TenantGateway.plan` on the tenant corpus\n\n" + BenchmarkReport.machine()
                + ". Each query planned " + WARM_UP + " times, then the median of " + RUNS + " calls; the figures "
                + "are percentiles over queries. Planned: `TenantSqlRewriter.rewrite` on the org's catalog, what a "
                + "query costs the first time the gateway sees it; seen before: `TenantGateway.plan`, answered by "
                + "the plan cache (org, catalog, limits, SQL, settings). Goal (issue 11): at most 1 ms at p50.\n\n"
                + "| queries | count | p50 | p90 | max |\n|---|---:|---:|---:|---:|\n"
                + row("tenant corpus (tenant-queries.sql), planned", corpus)
                + row("reference queries (data-lake docs)", reference)
                + row("reference queries, seen before (plan cache)", planned)
                + String.format("| `IN` list of 7,000 strings (%,d characters) | 1 | %.2f ms | | |%n", inList.length(),
                inListMs)
                + String.format("| 2,900 `countIf` columns (%,d characters) | 1 | %.2f ms | | |%n", wide.length(),
                wideMs)
                + "\n" + refused + " corpus queries are refused by the gateway and not timed.\n";
        BenchmarkReport.writeSection("plan", md);
    }

    private static String row(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        return String.format("| %s | %d | %.2f ms | %.2f ms | %.2f ms |%n", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)), sorted.get(sorted.size() - 1));
    }

    private static double median(BenchmarkReport.Timed plan) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            plan.run();
        }
        return BenchmarkReport.medianMillis(RUNS, plan);
    }

    /** The queries of one {@code -- group:} of the corpus. */
    private static List<String> group(String prefix) throws IOException {
        String text;
        try (InputStream in = Objects.requireNonNull(PlanBenchmark.class.getResourceAsStream("/tenant-queries.sql"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> queries = new ArrayList<>();
        boolean inGroup = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("-- group:")) {
                inGroup = line.substring("-- group:".length()).strip().startsWith(prefix);
            } else if (inGroup && !line.isBlank() && !line.startsWith("--")) {
                queries.add(line);
            }
        }
        assertThat(queries).as("the corpus group %s", prefix).isNotEmpty();
        return queries;
    }
}
