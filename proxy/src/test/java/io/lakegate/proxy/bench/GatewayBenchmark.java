package io.lakegate.proxy.bench;

import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.policy.ServerFunctions;
import io.lakegate.proxy.policy.FunctionAllowlist;
import io.lakegate.engine.testing.BenchmarkReport;
import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.proxy.gateway.AuditTable;
import io.lakegate.proxy.gateway.Gateway;
import io.lakegate.proxy.gateway.GatewayAuthenticator;
import io.lakegate.proxy.gateway.GatewayFixture;
import io.lakegate.proxy.gateway.ResultCache;
import io.lakegate.proxy.gateway.Tenant;
import io.lakegate.proxy.gateway.TenantGateway;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.proxy.sql.ClickHouseFunctions;
import io.lakegate.proxy.sql.TenantSqlRewriter;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant queries through both gateway doors (the JDBC door with Avatica's remote driver, protobuf; the ClickHouse door
 * with clickhouse-jdbc) against the same queries run directly with clickhouse-jdbc, on 10 M operations of one org:
 * per-query latency, the gateway's own planning time, a trivial round trip, and rows per second streaming 1 M rows.
 * Run with {@code mvn -B -Pbenchmark verify}; writes its section of docs/benchmarks.md.
 */
class GatewayBenchmark {
    private static final String ORG = "2000";
    private static final String SMALL_ORG = "2001";
    /** 10 M; a smaller number (at least 1 M) with -Dlakegate.bench.gateway.rows=... for a quick try of the benchmark. */
    private static final long ROWS = Long.getLong("lakegate.bench.gateway.rows", 10_000_000);
    private static final long SMALL_ROWS = 20_000;
    private static final long ENTITIES = ROWS / 10;
    private static final int RUNS = 5;
    private static final int ROUND_TRIPS = 21;
    /** Trivial round trips differ by a millisecond or two: many, taking turns, so the machine's drift cancels. */
    private static final int TRIVIAL_ROUND_TRIPS = 201;
    private static final int STREAM_ROWS = 1_000_000;
    private static final TenantLimits LIMITS = new TenantLimits(900, 100_000_000L, 16L << 30, 8L << 30, 8);

    private static final String REFERENCE = GatewayFixture.REFERENCE_QUERY;

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("reference query (createEntity of opportunities by journey and month)", REFERENCE);
        QUERIES.put("count by schema and operation", "SELECT schema, operation, count() AS n FROM entity_operations "
                + "GROUP BY schema, operation ORDER BY schema, operation");
        QUERIES.put("`uniqExact` entities per month", "SELECT toStartOfMonth(timestamp) AS month, "
                + "uniqExact(entity_id) AS entities FROM entity_operations GROUP BY month ORDER BY month");
        QUERIES.put("`current_entities_final`, count by schema", "SELECT schema, count() AS n "
                + "FROM current_entities_final GROUP BY schema ORDER BY schema");
        QUERIES.put("join of the last quarter's operations with `current_entities_final`",
                "SELECT c.schema, count() AS ops, uniqExact(e.entity_id) AS entities "
                + "FROM entity_operations e JOIN current_entities_final c ON e.entity_id = c.entity_id "
                + "WHERE e.timestamp >= '2025-10-01 00:00:00' GROUP BY c.schema ORDER BY c.schema");
        QUERIES.put("window functions over monthly counts", "SELECT month, schema, n, "
                + "sum(n) OVER (PARTITION BY schema ORDER BY month) AS running, "
                + "rank() OVER (PARTITION BY month ORDER BY n DESC) AS rnk "
                + "FROM (SELECT toStartOfMonth(timestamp) AS month, schema, count() AS n FROM entity_operations "
                + "GROUP BY month, schema) t ORDER BY month, schema");
    }

    private static final String TRIVIAL = "SELECT 1 FROM entity_operations LIMIT 1";
    private static final String STREAM = "SELECT activity_id, entity_id, timestamp FROM entity_operations LIMIT "
            + STREAM_ROWS;

    @Test
    void gatewayAgainstDirectClickHouse() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        ClickHouseTarget target = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
        SchemaSettings settings = SchemaSettings.defaults().withDatabase("gwbench_" + ProcessHandle.current().pid());
        IssuedCredential credential;
        long loadStart = System.nanoTime();
        try (Connection c = target.connect("default"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + settings.database() + " SYNC");
        }
        new SchemaManager(target, settings).update();
        try (Connection c = target.connect(settings.database()); Statement s = c.createStatement()) {
            new OrgProvisioner(c, settings, null).add(List.of(new OrgId(ORG), new OrgId(SMALL_ORG)));
            s.execute(insert(ORG, ROWS, ENTITIES));
            s.execute(insert(SMALL_ORG, SMALL_ROWS, SMALL_ROWS / 10));
            // measured on merged tables: what a lake looks like between loads, and repeatable
            s.execute("OPTIMIZE TABLE entity_operations FINAL");
            s.execute("OPTIMIZE TABLE current_entities FINAL");
            try (ResultSet rs = s.executeQuery("SELECT count() FROM entity_operations WHERE org_id = '" + ORG + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(ROWS);
            }
            credential = new CredentialStore(target.dataSource(settings.database()), settings).create(new OrgId(ORG), "benchmark");
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        StringBuilder md = new StringBuilder();
        try (Gateway gateway = Gateway.start(target, settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null,
                LIMITS));
             Connection viaGateway = avatica(gateway, credential, "protobuf", "");
             Connection viaDoor = clickhouseDoor(gateway, credential, settings.database());
             Gateway caching = Gateway.start(target, settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null,
                     LIMITS, null, AuditTable.Settings.DEFAULTS, new ResultCache.Settings(Duration.ofHours(1),
                     ResultCache.Settings.DEFAULT_MAX_BYTES)));
             Connection viaCache = clickhouseDoor(caching, credential, settings.database());
             Connection direct = DriverManager.getConnection(target.jdbcUrl(settings.database()),
                     target.credentials())) {
            TenantGateway pipeline = gateway.pipeline();
            Tenant tenant = new Tenant(credential.username(), ORG);

            md.append("## Gateway: tenant queries through both doors against direct ClickHouse\n\n")
                    .append(BenchmarkReport.machine()).append(", ")
                    .append(ch.isEmbedded() ? "embedded ClickHouse " + ch.embedded().version() + " (chDB)" : ch.url())
                    .append(". ").append(String.format("%,d", ROWS)).append(" rows in `entity_operations` for org ")
                    .append(ORG).append(" (").append(String.format("%,d", ENTITIES)).append(" entities, 6 schemas, "
                    + "2 years, `detail` JSON with a journey as `payload.source.title`) and ")
                    .append(String.format("%,d", SMALL_ROWS)).append(" for a second org; both tables merged "
                    + "(`OPTIMIZE ... FINAL`) before measuring; generating, loading and merging took ")
                    .append(String.format("%.0f s", loadSeconds)).append(".\n\n")
                    .append("JDBC door: Avatica's remote driver (`serialization=protobuf`, default fetch size) to "
                    + "the JDBC door, which rewrites the query for the org and runs it with "
                    + "clickhouse-jdbc. ClickHouse door: clickhouse-jdbc 0.9 with default settings, logged in as "
                    + "the tenant; the gateway rewrites the query and streams ClickHouse's answer through unchanged. "
                    + "Direct: clickhouse-jdbc 0.9 on the same ClickHouse, running the SQL the "
                    + "gateway runs (`TenantGateway.plan`: the org's views "
                    + "`` `db`.`" + ORG + "_entity_operations` `` etc., with the tenant limits as `SETTINGS`). "
                    + "Every row and column is read (`getObject`). Median of " + RUNS + " runs after one warm-up, "
                    + "all in one JVM run.\n\n")
                    .append("The last two columns: the ClickHouse door of a second gateway with the result cache on "
                    + "(`--cache-ttl`), the query repeated, so every run after the first is answered from the cache.\n\n")
                    .append("| query | rows | direct | JDBC door | ratio | ClickHouse door | ratio "
                    + "| ClickHouse door, repeated, result cache on | ratio |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            Map<String, String> plannedSql = new LinkedHashMap<>();
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                String run = pipeline.plan(tenant, q.getValue(), Map.of()).sql();
                plannedSql.put(q.getKey(), run);
                long rowsGateway = rows(viaGateway, q.getValue());
                long rowsDirect = rows(direct, run);
                long rowsDoor = rows(viaDoor, q.getValue());
                long rowsCached = rows(viaCache, q.getValue());
                assertThat(rowsGateway).as(q.getKey()).isEqualTo(rowsDirect).isEqualTo(rowsDoor).isEqualTo(rowsCached)
                        .isPositive();
                double dr = BenchmarkReport.medianMillis(RUNS, () -> rows(direct, run));
                double gw = BenchmarkReport.medianMillis(RUNS, () -> rows(viaGateway, q.getValue()));
                double door = BenchmarkReport.medianMillis(RUNS, () -> rows(viaDoor, q.getValue()));
                double cached = BenchmarkReport.medianMillis(RUNS, () -> rows(viaCache, q.getValue()));
                md.append(String.format("| %s | %,d | %,.1f ms | %,.1f ms | %.2f | %,.1f ms | %.2f | %,.1f ms | %.2f |%n",
                        q.getKey(), rowsGateway, dr, gw, gw / dr, door, door / dr, cached, cached / dr));
            }
            Map<String, Long> expected = GatewayFixture.referenceCounts(direct, plannedSql.values().iterator().next());
            assertThat(expected).isNotEmpty();
            assertThat(GatewayFixture.referenceCounts(viaGateway, REFERENCE)).isEqualTo(expected);
            assertThat(GatewayFixture.referenceCounts(viaDoor, REFERENCE)).isEqualTo(expected);

            md.append("\n### The gateway's own time\n\n")
                    .append("Planning is what the gateway does before ClickHouse sees a query: read the "
                    + "ClickHouse SQL, parse, validate against the tenant's catalog, bind to the org's views, print "
                    + "it back (`TenantSqlRewriter.rewrite`): what a query costs the first time. A query seen before "
                    + "is answered by the plan cache (`TenantGateway.plan`). Median of " + ROUND_TRIPS
                    + " calls after " + RUNS + " warm-up calls.\n\n| measurement | first time | seen before |\n"
                    + "|---|---:|---:|\n");
            ServerFunctions functions = ServerFunctions.load(direct);
            TenantSqlRewriter rewriter = new TenantSqlRewriter(ClickHouseFunctions.of(functions),
                    new TenantPolicy(FunctionAllowlist.review(functions)));
            TenantCatalog catalog = pipeline.catalog(tenant);
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                for (int i = 0; i < RUNS; i++) {
                    rewriter.rewrite(q.getValue(), catalog);
                    pipeline.plan(tenant, q.getValue(), Map.of());
                }
                double first = BenchmarkReport.medianMillis(ROUND_TRIPS, () -> rewriter.rewrite(q.getValue(), catalog)
                        .sql().length());
                double seen = BenchmarkReport.medianMillis(ROUND_TRIPS, () -> pipeline.plan(tenant, q.getValue(),
                        Map.of()).sql().length());
                md.append(String.format("| plan: %s | %.2f ms | %.3f ms |%n", q.getKey(), first, seen));
            }
            md.append("\n| measurement | median |\n|---|---:|\n");
            String trivialRun = pipeline.plan(tenant, TRIVIAL, Map.of()).sql();
            rows(viaGateway, TRIVIAL);
            rows(direct, trivialRun);
            rows(viaDoor, TRIVIAL);
            BenchmarkReport.Interleaved turns = BenchmarkReport.Interleaved.run(TRIVIAL_ROUND_TRIPS,
                    () -> rows(direct, trivialRun), () -> rows(viaGateway, TRIVIAL), () -> rows(viaDoor, TRIVIAL));
            double[] trivial = turns.medians();
            double trivialDirect = trivial[0];
            double trivialGateway = trivial[1];
            double trivialDoor = trivial[2];
            md.append(String.format("| round trip of `%s`, direct (median of %d, the three paths taking turns) "
                    + "| %.2f ms |%n", TRIVIAL, TRIVIAL_ROUND_TRIPS, trivialDirect));
            md.append(String.format("| the same through the JDBC door | %.2f ms |%n", trivialGateway));
            md.append(String.format("| the same through the ClickHouse door | %.2f ms |%n", trivialDoor));
            md.append(String.format("| added per query by the JDBC door (median of the differences in a turn; the "
                    + "difference of the medians: %.2f ms) | %.2f ms |%n", trivialGateway - trivialDirect,
                    turns.addedMedian(1, 0)));
            md.append(String.format("| added per query by the ClickHouse door (the same; the difference of the "
                    + "medians: %.2f ms) | %.2f ms |%n", trivialDoor - trivialDirect, turns.addedMedian(2, 0)));
            try (Connection c = target.connect(settings.database())) {
                CredentialStore store = new CredentialStore(target.dataSource(settings.database()), settings);
                GatewayAuthenticator reading = new GatewayAuthenticator(store);
                GatewayAuthenticator trusting = new GatewayAuthenticator(store, () -> 0);
                trusting.authenticate(credential.username(), credential.password(), "127.0.0.1");
                double read = BenchmarkReport.medianMillis(ROUND_TRIPS, () -> reading.authenticate(
                        credential.username(), credential.password(), "127.0.0.1").orgId().length());
                double trusted = BenchmarkReport.medianMillis(ROUND_TRIPS, () -> trusting.authenticate(
                        credential.username(), credential.password(), "127.0.0.1").orgId().length());
                md.append(String.format("| the credential check of an HTTP request (a statement takes 3 requests or "
                        + "more through the JDBC door), verified in the current revocation epoch: no read | %.3f ms |%n",
                        trusted));
                md.append(String.format("| the same when the epoch moved or cannot be read: a read of "
                        + "`lakegate_credentials` in ClickHouse, no bcrypt | %.2f ms |%n", read));
            }

            String streamRun = pipeline.plan(tenant, STREAM, Map.of()).sql();
            double directRate;
            double gatewayRate;
            double doorRate;
            double bigFrames;
            double jsonRate;
            try (Connection big = avatica(gateway, credential, "protobuf", ";fetch_size=50000");
                 Connection json = avatica(gateway, credential, "json", "")) {
                double[] ms = BenchmarkReport.interleavedMedians(RUNS, () -> streamed(direct, streamRun),
                        () -> streamed(viaGateway, STREAM), () -> streamed(viaDoor, STREAM),
                        () -> streamed(big, STREAM), () -> streamed(json, STREAM));
                directRate = STREAM_ROWS / (ms[0] / 1000);
                gatewayRate = STREAM_ROWS / (ms[1] / 1000);
                doorRate = STREAM_ROWS / (ms[2] / 1000);
                bigFrames = STREAM_ROWS / (ms[3] / 1000);
                jsonRate = STREAM_ROWS / (ms[4] / 1000);
            }
            md.append("\n### Streaming 1 M rows\n\n`").append(STREAM).append("` (String, String, DateTime64), "
                    + "every value read. Median of ").append(RUNS).append(" runs after one warm-up, the paths taking "
                    + "turns.\n\n")
                    .append("| path | rows/s | ratio to direct |\n|---|---:|---:|\n")
                    .append(String.format("| direct, clickhouse-jdbc 0.9 | %,.0f | 1.00 |%n", directRate))
                    .append(String.format("| ClickHouse door, clickhouse-jdbc 0.9 | %,.0f | %.2f |%n", doorRate,
                            doorRate / directRate))
                    .append(String.format("| JDBC door, Avatica protobuf, default fetch size (the door sends 5,000 "
                            + "rows per frame) "
                            + "| %,.0f | %.2f |%n", gatewayRate, gatewayRate / directRate))
                    .append(String.format("| JDBC door, Avatica protobuf, `fetch_size=50000` in the URL "
                            + "| %,.0f | %.2f |%n",
                            bigFrames, bigFrames / directRate))
                    .append(String.format("| JDBC door, Avatica JSON (the driver's default serialization) "
                            + "| %,.0f | %.2f |%n", jsonRate, jsonRate / directRate))
                    .append("\nThe ClickHouse door passes ClickHouse's bytes through unchanged. Through the JDBC "
                    + "door every value is decoded from ClickHouse and encoded again in protobuf, and every frame of "
                    + "rows is one more HTTP request; the door sends at least 5,000 rows per frame whatever the "
                    + "client asks (Avatica's driver asks for 100), at most 50,000.\n");
        }
        try (Connection c = target.connect("default"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + settings.database() + " SYNC");
        }
        BenchmarkReport.writeSection("gateway-jdbc", md.toString());
    }

    /**
     * {@code rows} operations of {@code org} on {@code entities} entities over two years (2024-2025), built in
     * ClickHouse: each entity is created once, then updated; the last tenth of the operations deletes some.
     */
    private static String insert(String org, long rows, long entities) {
        long spanMs = 2L * 365 * 24 * 3600 * 1000;
        return "INSERT INTO entity_operations (activity_id, entity_id, org_id, operation, schema, timestamp, detail) "
                + "SELECT activity_id, entity_id, '" + org + "', operation, schema, ts, concat('{\"entity\":\"', "
                + "entity_id, '\",\"org\":\"" + org + "\",\"operation\":\"', operation, '\",\"payload\":{\"_id\":\"', "
                + "entity_id, '\",\"_org\":\"" + org + "\",\"_schema\":\"', schema, '\",\"_title\":\"', schema, ' ', "
                + "toString(e), '\",\"_tags\":[\"', tag, '\"],\"_created_at\":\"2024-01-01T00:00:00Z\","
                + "\"_updated_at\":\"', formatDateTime(ts, '%Y-%m-%dT%H:%i:%SZ'), '\",\"amount\":', "
                + "toString(e % 9973), ',\"source\":{\"title\":\"', journey, '\"}}}') "
                + "FROM (SELECT number AS n, n % " + entities + " AS e, "
                + "concat(lower(hex(cityHash64(n, '" + org + "'))), lower(hex(n))) AS activity_id, "
                + "concat('ent-', toString(e)) AS entity_id, "
                + "multiIf(n < " + entities + ", 'createEntity', n >= " + (rows - rows / 10) + " AND e % 7 = 0, "
                + "'deleteEntity', 'updateEntity') AS operation, "
                + "['opportunity', 'contact', 'account', 'order', 'appointment', 'ticket'][1 + e % 6] AS schema, "
                + "fromUnixTimestamp64Milli(toInt64(1704067200000 + intDiv(n * " + spanMs + ", " + rows + ")), "
                + "'UTC') AS ts, "
                + "['Wallbox', 'Energieausweis', 'Photovoltaik', 'Waermepumpe', 'Heizungstausch'][1 + cityHash64(e) % 5] "
                + "AS journey, ['new', 'hot', 'cold', 'vip'][1 + e % 4] AS tag FROM numbers(" + rows + "))";
    }

    static Connection avatica(Gateway gateway, IssuedCredential credential, String serialization, String extra)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("avatica_user", credential.username());
        p.setProperty("avatica_password", credential.password());
        return DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + gateway.avaticaPort()
                + ";serialization=" + serialization + ";authentication=BASIC" + extra, p);
    }

    private static Connection clickhouseDoor(Gateway gateway, IssuedCredential credential, String database)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", credential.username());
        p.setProperty("password", credential.password());
        return DriverManager.getConnection("jdbc:clickhouse:http://127.0.0.1:" + gateway.httpPort() + "/" + database,
                p);
    }

    /** Runs {@code sql} and reads every column of every row; the number of rows. */
    private static long rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            long n = 0;
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                n++;
            }
            return n;
        }
    }

    private static long streamed(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long n = 0;
            long check = 0;
            while (rs.next()) {
                check += rs.getString(1).length() + rs.getString(2).length();
                rs.getObject(3);
                n++;
            }
            assertThat(n).isEqualTo(STREAM_ROWS);
            assertThat(check).isPositive();
            return n;
        }
    }
}
