package io.lakegate.proxy.bench;

import io.lakegate.engine.testing.BenchmarkReport;
import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.proxy.gateway.Gateway;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ClickHouse door against direct ClickHouse, in one run: streaming 1 M rows with clickhouse-jdbc at default
 * settings, and the latency of the catalog queries clients send with 1,000 orgs (12,000 views) provisioned.
 */
class ClickHouseDoorBenchmark {
    private static final int ORGS = 1000;
    private static final int ROWS = 1_000_000;
    private static final String ORG = "1001";

    @Test
    void clickHouseDoorFigures() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        ClickHouseTarget target = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
        SchemaSettings settings = SchemaSettings.defaults().withDatabase("chdoor_" + ProcessHandle.current().pid());
        String db = settings.database();
        new SchemaManager(target, settings).update();
        IssuedCredential tenant;
        try (Connection c = target.connect(db); Statement s = c.createStatement()) {
            new OrgProvisioner(c, settings, null).add(IntStream.rangeClosed(1, ORGS)
                    .mapToObj(i -> new OrgId(String.valueOf(1000 + i))).toList());
            s.execute("INSERT INTO entity_operations (activity_id, entity_id, org_id, operation, schema, timestamp, "
                    + "detail) SELECT concat('01H', leftPad(toString(number), 23, '0')), toString(generateUUIDv4()), '"
                    + ORG + "', ['createEntity', 'updateEntity', 'deleteEntity'][number % 3 + 1], ['opportunity', "
                    + "'contact', 'order'][number % 3 + 1], toDateTime('2024-01-01 00:00:00') + number * 30, "
                    + "concat('{\"payload\":{\"_title\":\"Entity ', toString(number), '\"}}') FROM numbers(" + ROWS
                    + ")");
            tenant = new CredentialStore(target.dataSource(settings.database()), settings).create(new OrgId(ORG), "benchmark");
        }
        TenantLimits limits = new TenantLimits(600, 1_000_000_000L, 1L << 40, 8L << 30, 8);
        try (Gateway gateway = Gateway.start(target, settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null,
                limits))) {
            String gatewayUrl = "http://127.0.0.1:" + gateway.httpPort();
            StringBuilder md = new StringBuilder("## Gateway, ClickHouse door\n\n" + BenchmarkReport.machine() + ", "
                    + (ch.isEmbedded() ? "embedded ClickHouse " + ch.embedded().version() : ch.url())
                    + ". Median of 3 runs after one warm-up (catalog: of 10), all in one JVM run; clients are "
                    + "clickhouse-jdbc 0.9 with default settings (compress=1) and raw HTTP.\n\n");

            String query = "SELECT activity_id, entity_id, timestamp FROM %s LIMIT " + ROWS;
            double direct = seconds(3, () -> stream(jdbc(target.url(), db, ch.user(), ch.password()),
                    String.format(query, "`" + db + "`.`" + ORG + "_entity_operations`")));
            double viaGateway = seconds(3, () -> stream(jdbc(gatewayUrl, db, tenant.username(), tenant.password()),
                    String.format(query, "entity_operations")));
            md.append("### Streaming 1 M rows (activity_id, entity_id, timestamp)\n\n| path | rows/s | ratio |\n"
                    + "|---|---:|---:|\n")
                    .append(String.format(Locale.ROOT, "| direct ClickHouse + clickhouse-jdbc | %,.0f | 1.00 |%n",
                            ROWS / direct))
                    .append(String.format(Locale.ROOT, "| gateway ClickHouse door + clickhouse-jdbc | %,.0f | %.2f "
                            + "|%n%n", ROWS / viaGateway, direct / viaGateway));

            md.append("### Catalog queries with " + ORGS + " orgs (" + ORGS * 12 + " views) provisioned\n\n"
                    + "| query | direct ClickHouse | gateway (tenant-scoped) |\n|---|---:|---:|\n");
            String sqlTables = "SELECT CAST(database, 'Nullable(String)') AS TABLE_CAT, CAST(NULL, 'Nullable(String)') "
                    + "AS TABLE_SCHEM, CAST(name, 'Nullable(String)') AS TABLE_NAME, CAST('TABLE', 'Nullable(String)') "
                    + "AS TABLE_TYPE, CAST(NULL, 'Nullable(String)') AS REMARKS FROM system.tables WHERE (1 == 1) AND "
                    + "isNotNull(TABLE_CAT) AND coalesce(TABLE_CAT, '') LIKE '" + db + "' ORDER BY TABLE_TYPE, "
                    + "TABLE_CAT, TABLE_SCHEM, TABLE_NAME";
            String sqlColumns = "SELECT database, table, name, type, position FROM system.columns WHERE database = '"
                    + db + "' AND table LIKE '%entity_operations' ORDER BY table, position";
            for (String[] q : new String[][] {{"ODBC SQLTables (ODBCDriver2)", sqlTables}, {"ODBC-style columns of "
                    + "entity_operations", sqlColumns}, {"SHOW TABLES", "SHOW TABLES FROM " + db}}) {
                double d = seconds(10, () -> http(target.url(), ch.user(), ch.password(), q[1]));
                double g = seconds(10, () -> http(gatewayUrl, tenant.username(), tenant.password(), q[1]));
                md.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms |%n", q[0], d * 1000, g * 1000));
            }
            double d = seconds(10, () -> tables(jdbc(target.url(), db, ch.user(), ch.password()), db));
            double g = seconds(10, () -> tables(jdbc(gatewayUrl, db, tenant.username(), tenant.password()), db));
            md.append(String.format(Locale.ROOT, "| clickhouse-jdbc DatabaseMetaData.getTables | %.1f ms | %.1f ms |%n",
                    d * 1000, g * 1000));
            md.append("\nDirect ClickHouse lists every org's views (12,000+ rows); the gateway answers with the "
                    + "tenant's 12, filtered by ClickHouse (`additional_table_filters`) after checking the query's "
                    + "syntax tree (`EXPLAIN AST`, one extra round trip).\n");
            BenchmarkReport.writeSection("gateway-clickhouse-door", md.toString());
        }
    }


    private static Connection jdbc(String url, String db, String user, String password) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:clickhouse:" + url + "/" + db, p);
    }

    private static void stream(Connection c, String sql) throws Exception {
        long rows = 0;
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getString(1);
                rs.getString(2);
                rs.getObject(3);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(ROWS);
    }

    private static void tables(Connection c, String db) throws Exception {
        try (c; ResultSet rs = c.getMetaData().getTables(null, db, "%", null)) {
            assertThat(rs.next()).isTrue();
            while (rs.next()) {
                rs.getString("TABLE_NAME");
            }
        }
    }

    private static void http(String url, String user, String password, String sql) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                        + "/query?default_format=ODBCDriver2")).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
    }

    private static double seconds(int runs, BenchmarkReport.Timed body) throws Exception {
        return BenchmarkReport.medianMillis(runs, body) / 1000;
    }
}
