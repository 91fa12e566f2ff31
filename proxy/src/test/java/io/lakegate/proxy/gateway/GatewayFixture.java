package io.lakegate.proxy.gateway;

import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import org.apache.calcite.avatica.AvaticaSqlException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One gateway per test JVM over a fresh lake with two orgs whose data overlaps in ids and values: org 1500 (the tenant
 * under test) and org 1501 (the neighbour), whose rows carry the marker {@value #NEIGHBOUR_MARKER}.
 */
public final class GatewayFixture {
    public static final String ORG = "1500";
    public static final String NEIGHBOUR = "1501";
    public static final String NEIGHBOUR_MARKER = "NEIGHBOUR-SECRET";
    /** Concurrency and result limits low enough to reach in tests. */
    public static final TenantLimits LIMITS = new TenantLimits(60, 1000, 64L << 20, 2L << 30, 3);

    /** The data model's reference query, exactly as tenants send it (a trailing semicolon included). */
    public static final String REFERENCE_QUERY = "SELECT count(*) AS count,\n"
            + "       JSONExtractString(detail, 'payload', 'source', 'title') AS journey_source,\n"
            + "       toStartOfYear(timestamp) AS year, toStartOfMonth(timestamp) AS month\n"
            + "FROM entity_operations\n"
            + "WHERE schema = 'opportunity' AND operation = 'createEntity'\n"
            + "GROUP BY journey_source, year, month;";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static GatewayFixture instance;

    public final ClickHouseTarget target;
    public final SchemaSettings settings;
    public final Gateway gateway;
    public final IssuedCredential tenant;
    public final IssuedCredential neighbour;

    private GatewayFixture(ClickHouseTarget target, SchemaSettings settings, Gateway gateway, IssuedCredential tenant,
                           IssuedCredential neighbour) {
        this.target = target;
        this.settings = settings;
        this.gateway = gateway;
        this.tenant = tenant;
        this.neighbour = neighbour;
    }

    public static synchronized GatewayFixture get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static GatewayFixture start() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        ClickHouseTarget target = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
        SchemaSettings settings = SchemaSettings.defaults().withDatabase("gw_" + ProcessHandle.current().pid());
        try (Connection c = target.connect("default"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + settings.database() + " SYNC");
        }
        new SchemaManager(target, settings).update();
        IssuedCredential tenant;
        IssuedCredential neighbour;
        try (Connection c = target.connect(settings.database()); Statement s = c.createStatement()) {
            new OrgProvisioner(c, settings, null).add(List.of(new OrgId(ORG), new OrgId(NEIGHBOUR)));
            s.execute("INSERT INTO entity_operations (activity_id, entity_id, org_id, operation, schema, timestamp, "
                    + "detail) VALUES " + String.join(",",
                    op("a1", "e1", ORG, "createEntity", "opportunity", "2024-01-10 10:00:00", "Opp 1", "Wallbox"),
                    op("a2", "e2", ORG, "createEntity", "opportunity", "2024-01-11 10:00:00", "Opp 2", "Wallbox"),
                    op("a3", "e3", ORG, "createEntity", "opportunity", "2024-02-01 09:00:00", "Opp 3",
                            "Energieausweis"),
                    op("a4", "e1", ORG, "updateEntity", "opportunity", "2024-02-02 09:00:00", "Opp 1 v2", "Wallbox"),
                    op("a5", "e2", ORG, "deleteEntity", "opportunity", "2024-02-03 09:00:00", "Opp 2", "Wallbox"),
                    op("a6", "c1", ORG, "createEntity", "contact", "2024-02-04 09:00:00", "Contact", null),
                    // the neighbour reuses ids and values, and has more of them
                    op("a1", "e1", NEIGHBOUR, "createEntity", "opportunity", "2024-01-10 10:00:00", NEIGHBOUR_MARKER,
                            "Wallbox"),
                    op("a2", "e2", NEIGHBOUR, "createEntity", "opportunity", "2024-01-11 10:00:00", NEIGHBOUR_MARKER,
                            "Wallbox"),
                    op("a7", "e7", NEIGHBOUR, "createEntity", "opportunity", "2024-01-12 10:00:00", NEIGHBOUR_MARKER,
                            "Wallbox"),
                    op("a8", "e8", NEIGHBOUR, "createEntity", "opportunity", "2024-03-12 10:00:00", NEIGHBOUR_MARKER,
                            "Photovoltaik")));
            s.execute("INSERT INTO journey_sessions (id, org_id, journey_id, start_time, end_time, details, "
                    + "last_updated_at) VALUES "
                    + "('s1', '" + ORG + "', 'j1', '2024-08-02 10:00:00', NULL, '{\"deviceType\":\"Desktop\"}', "
                    + "'2024-08-02 10:00:00'),"
                    + "('s2', '" + ORG + "', 'j1', '2024-07-30 10:00:00', NULL, NULL, '2024-07-30 10:00:00'),"
                    + "('s1', '" + NEIGHBOUR + "', 'j1', '2024-08-05 10:00:00', NULL, '{\"deviceType\":\""
                    + NEIGHBOUR_MARKER + "\"}', '2024-08-05 10:00:00'),"
                    + "('s3', '" + NEIGHBOUR + "', 'j1', '2024-08-06 10:00:00', NULL, NULL, '2024-08-06 10:00:00')");
            // the neighbour's entity schema views exist, so the corpus's attempts on them name real views (the
            // tenant's own are left out: tests count its twelve views)
            new io.lakegate.schema.entity.EntityViews(c, settings, null).refresh(new OrgId(NEIGHBOUR));
            CredentialStore store = new CredentialStore(target.dataSource(settings.database()), settings);
            tenant = store.create(new OrgId(ORG), "tests");
            neighbour = store.create(new OrgId(NEIGHBOUR), "tests");
        }
        Gateway gateway = Gateway.start(target, settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null, LIMITS));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                gateway.close();
            } catch (Exception ignored) {
                // the JVM is ending
            }
        }));
        return new GatewayFixture(target, settings, gateway, tenant, neighbour);
    }

    private static String op(String activity, String entity, String org, String operation, String schema, String ts,
                             String title, String source) {
        String detail = "{\"entity\":\"" + entity + "\",\"org\":\"" + org + "\",\"operation\":\"" + operation
                + "\",\"payload\":{\"_id\":\"" + entity + "\",\"_org\":\"" + org + "\",\"_schema\":\"" + schema
                + "\",\"_title\":\"" + title + "\",\"_tags\":[\"t\"],\"_created_at\":\"2024-01-01T00:00:00Z\""
                + (source == null ? "" : ",\"source\":{\"title\":\"" + source + "\"}") + "}}";
        return "('" + activity + "', '" + entity + "', '" + org + "', '" + operation + "', '" + schema + "', '" + ts
                + "', '" + detail.replace("'", "\\'") + "')";
    }

    /** {@code sql} sent to the ClickHouse door as {@code credential}, with {@code urlParameters} ("a=b&..."). */
    public HttpResponse<String> clickHouseDoor(IssuedCredential credential, String urlParameters, String sql)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/?"
                        + urlParameters))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((credential.username() + ":"
                        + credential.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The queries of a test resource: one a line, without blank lines and {@code --} comments. */
    public static List<String> queries(String resource) throws IOException {
        List<String> queries = new ArrayList<>();
        try (InputStream in = GatewayFixture.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    queries.add(line);
                }
            }
        }
        return queries;
    }

    /** Runs the reference query (or SQL with its columns) on {@code c}: count per "journey yyyy-MM". */
    public static Map<String, Long> referenceCounts(Connection c, String sql) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString("journey_source") + " " + rs.getString("month").substring(0, 7),
                        rs.getLong("count"));
            }
        }
        return counts;
    }

    /**
     * What an error from the JDBC door tells the tenant. On a failed prepare Avatica's driver leaves the gateway's
     * message out of the exception's own and keeps it with the server's traces, where the door puts it.
     */
    public static String told(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof AvaticaSqlException a ? message + " " + String.join(" ", a.getStackTraces()) : message;
    }

    /** The Avatica JDBC URL of the gateway's JDBC door. */
    public String avaticaUrl(String serialization) {
        return "jdbc:avatica:remote:url=http://127.0.0.1:" + gateway.avaticaPort() + ";serialization="
                + serialization + ";authentication=BASIC";
    }

    /** A connection through the JDBC door with Avatica's own driver. */
    public Connection connect(IssuedCredential credential) throws SQLException {
        return connect(credential.username(), credential.password(), "protobuf");
    }

    public Connection connect(String user, String password, String serialization) throws SQLException {
        Properties p = new Properties();
        p.setProperty("avatica_user", user);
        p.setProperty("avatica_password", password);
        return DriverManager.getConnection(avaticaUrl(serialization), p);
    }
}
