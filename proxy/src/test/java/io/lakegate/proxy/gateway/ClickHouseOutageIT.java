package io.lakegate.proxy.gateway;

import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ClickHouse goes away under a running gateway and comes back on the same address: tenants get a quick, clear error
 * while it is gone (no hang, no stack trace) and the gateway serves them again once it is back, without a restart.
 * Needs the embedded engine, whose HTTP endpoint the test can stop and start.
 */
class ClickHouseOutageIT {
    private static final String ORG = "1600";
    /** A failure must come well within this; Avatica's client would otherwise wait minutes for an answer. */
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private static final String QUERY = "SELECT count() AS n FROM entity_operations WHERE schema = 'opportunity'";

    private static RestartableEngine engine;
    private static SchemaSettings settings;
    private static Gateway gateway;
    private static IssuedCredential credential;

    @BeforeAll
    static void lakeOnItsOwnEndpoint() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        assumeTrue(ch.isEmbedded(), "ClickHouseOutageIT stops and restarts ClickHouse, which it can only do with "
                + "the embedded engine (CLICKHOUSE_URL or -Ptestcontainers is set)");
        engine = RestartableEngine.start();
        ClickHouseTarget target = ClickHouseTarget.remote(engine.url(), "default", "");
        settings = SchemaSettings.defaults().withDatabase("gw_outage_" + ProcessHandle.current().pid());
        try (Connection c = target.connect("default"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + settings.database() + " SYNC");
        }
        new SchemaManager(target, settings).update();
        try (Connection c = target.connect(settings.database()); Statement s = c.createStatement()) {
            new OrgProvisioner(c, settings, null).add(List.of(new OrgId(ORG)));
            s.execute("INSERT INTO entity_operations (activity_id, entity_id, org_id, operation, schema, timestamp, "
                    + "detail) SELECT concat('a', toString(number)), concat('e', toString(number % 5)), '" + ORG
                    + "', 'createEntity', if(number % 2 = 0, 'opportunity', 'contact'), "
                    + "toDateTime64('2024-01-01 00:00:00', 3) + number, '{\"payload\":{\"source\":{\"title\":\"W\"}}}' "
                    + "FROM numbers(10)");
            credential = new CredentialStore(target.dataSource(settings.database()), settings).create(new OrgId(ORG), "outage test");
        }
        gateway = Gateway.start(target, settings, new Gateway.Options("127.0.0.1", 0, -1, -1, null,
                TenantLimits.DEFAULTS));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (settings != null && TestClickHouse.get().isEmbedded()) {
            TestClickHouse ch = TestClickHouse.get();
            try (Connection c = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password()).connect("default");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + settings.database() + " SYNC");
            }
        }
    }

    @Test
    void tenantsGetAClearErrorWhileClickHouseIsDownAndAreServedAgainOnceItIsBack() throws Exception {
        Connection old = connect();
        Statement oldStatement = old.createStatement();
        assertThat(count(oldStatement)).isEqualTo(5);

        engine.stop();
        // the open connection's next query, and a new login, both fail quickly with a message that says what is wrong
        Exception onOpen = failureWithin(() -> count(oldStatement));
        assertClear(onOpen);
        Exception onLogin = failureWithin(() -> {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                return count(s);
            }
        });
        assertClear(onLogin);

        engine.restart();
        try (Connection fresh = connect(); Statement s = fresh.createStatement()) {
            assertThat(assertTimeoutPreemptively(QUICKLY, () -> count(s))).isEqualTo(5);
        }
        // the connection opened before the outage is served again too
        assertThat(assertTimeoutPreemptively(QUICKLY, () -> count(oldStatement))).isEqualTo(5);
        old.close();
    }

    private static void assertClear(Exception e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        String all = String.join("\n", messages);
        assertThat(e.getMessage()).as(all).containsIgnoringCase("ClickHouse");
        assertThat(all).doesNotContain("\tat ").doesNotContain("Exception:");
    }

    private interface Query {
        long run() throws Exception;
    }

    /**
     * The error of {@code query}, which must come quickly. Avatica's driver reports a failed login from
     * {@code DriverManager.getConnection} as a RuntimeException (AvaticaClientRuntimeException), the rest as
     * SQLExceptions.
     */
    private static Exception failureWithin(Query query) {
        return assertTimeoutPreemptively(QUICKLY, () -> {
            try {
                long n = query.run();
                throw new AssertionError("the query returned " + n + " while ClickHouse was down");
            } catch (SQLException | RuntimeException e) {
                return e;
            }
        }, "a query while ClickHouse is down must fail within " + QUICKLY.toSeconds() + " s, not hang");
    }

    private static long count(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(QUERY)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong("n");
        }
    }

    private static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("avatica_user", credential.username());
        p.setProperty("avatica_password", credential.password());
        return DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + gateway.avaticaPort()
                + ";serialization=protobuf;authentication=BASIC", p);
    }
}
