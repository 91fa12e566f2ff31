package io.lakegate.app;

import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.SchemaSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;

/** Which ClickHouse a command talks to (a server, or the embedded engine) and the changelog properties. */
final class ClickHouseOptions {
    @Option(names = "--clickhouse-url", defaultValue = "${env:CLICKHOUSE_URL}",
            description = "A ClickHouse server's HTTP interface, e.g. http://localhost:8123; also from "
                    + "CLICKHOUSE_URL. Without it the embedded engine in --data is used.")
    String url;

    @Option(names = "--clickhouse-user", defaultValue = "${env:CLICKHOUSE_USER:-default}",
            description = "User for --clickhouse-url; also from CLICKHOUSE_USER (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--clickhouse-password", defaultValue = "${env:CLICKHOUSE_PASSWORD}",
            description = "Password for --clickhouse-url; also from CLICKHOUSE_PASSWORD.")
    String password;

    @Mixin
    EmbeddedEngineOptions embedded;

    @Option(names = "--database", defaultValue = "${env:LAKEGATE_DATABASE:-datawarehouse}",
            description = "The lake's database (default: ${DEFAULT-VALUE}; also from LAKEGATE_DATABASE).")
    String database;

    @Option(names = "--cluster", defaultValue = "${env:LAKEGATE_CLUSTER:-}",
            description = "Run every DDL ON CLUSTER this cluster and use Replicated engines; also from "
                    + "LAKEGATE_CLUSTER. Empty (default) for a single server.")
    String cluster;

    @Option(names = "--retention-days", defaultValue = "${env:LAKEGATE_RETENTION_DAYS:-0}",
            description = "Drop event-stream data older than this many days (TTL); 0 keeps everything (default).")
    int retentionDays;

    ClickHouseTarget open() {
        if (url != null && !url.isBlank()) {
            return ClickHouseTarget.remote(url, user, password);
        }
        try {
            return ClickHouseTarget.embedded(embedded.start());
        } catch (RuntimeException e) {
            Optional<Long> gateway = RunningGateway.recorded(embedded.data);
            if (gateway.isPresent()) {
                throw new IllegalStateException("A lakegate gateway (process " + gateway.get() + ") runs on "
                        + embedded.data + " and holds its embedded engine. `org add/list/remove`, `credentials "
                        + "create/list/revoke` and `limits show/set` go through it; for this command stop it first "
                        + "(Ctrl-C), or run both on a ClickHouse server (--clickhouse-url)", e);
            }
            throw e;
        }
    }

    SchemaSettings settings() {
        return new SchemaSettings(database, cluster, retentionDays);
    }
}
