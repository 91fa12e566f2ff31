package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A JDBC-door prepare makes ClickHouse analyse the statement, scalar subqueries and all, so it counts against the
 * org's concurrency limit like a query does.
 */
class AvaticaPermitsIT {
    private static final int MAX_CONCURRENT = 2;
    /** The door's smallest frame. */
    private static final int FRAME_ROWS = 5_000;
    /** More rows than the first frame holds, so that each query stays running until the rest is fetched. */
    private static final String LONG_RESULT = "SELECT arrayJoin(range(" + 3 * FRAME_ROWS + ")) AS x";

    private static final GatewayFixture FX = GatewayFixture.get();
    /** A gateway whose results may outgrow a frame: the fixture's stop at 1,000 rows. */
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = Gateway.start(FX.target, FX.settings, new Gateway.Options("127.0.0.1", 0, -1, -1, null,
                new TenantLimits(60, 1_000_000, 1L << 30, 2L << 30, MAX_CONCURRENT)));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("avatica_user", FX.tenant.username());
        p.setProperty("avatica_password", FX.tenant.password());
        return DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + gateway.avaticaPort()
                + ";serialization=protobuf;authentication=BASIC", p);
    }

    @Test
    void aPrepareIsRefusedAtOnceWhenTheOrgsQueriesHoldEveryPermit() throws Exception {
        String sql = "SELECT count() AS n FROM entity_operations";
        try (Connection c = connect(); AuditCapture audit = new AuditCapture()) {
            List<Statement> held = new ArrayList<>();
            List<ResultSet> running = new ArrayList<>();
            for (int i = 0; i < MAX_CONCURRENT; i++) {
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(LONG_RESULT);
                assertThat(rs.next()).isTrue();
                held.add(s);
                running.add(rs);
            }
            long started = System.nanoTime();
            SQLException refusal = catchThrowableOfType(SQLException.class, () -> c.prepareStatement(sql));
            assertThat((Throwable) refusal).as("the prepare is refused").isNotNull();
            assertThat(refusal.getSQLState()).isEqualTo("53000");
            assertThat(GatewayFixture.told(refusal))
                    .contains("Tenant limit max_concurrent_queries (" + MAX_CONCURRENT + ") reached");
            assertThat((System.nanoTime() - started) / 1_000_000).as("refused at once, ms").isLessThan(5_000);
            JsonNode refused = audit.linesOf(FX.tenant.username()).stream()
                    .filter(l -> l.path("step").asText().equals("prepare")).findFirst().orElseThrow();
            assertThat(refused.path("outcome").asText()).isEqualTo("error");
            assertThat(refused.path("error").asText()).contains("max_concurrent_queries");

            // a query read to its end gives its permit back: the prepare goes through, and so does its execute
            ResultSet first = running.get(0);
            long rows = 1;
            while (first.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(3L * FRAME_ROWS);
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("n")).isEqualTo(6);
            }
            for (Statement s : held) {
                s.close();
            }
        }
    }

    @Test
    void aPrepareGivesItsPermitBack() throws Exception {
        try (Connection c = connect()) {
            // more prepares, one after the other, than the org has permits
            for (int i = 0; i < 3 * MAX_CONCURRENT; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count() FROM entity_operations")) {
                    assertThat(ps.getMetaData().getColumnCount()).isEqualTo(1);
                }
            }
            // and a refused prepare gives back the permit it took
            for (int i = 0; i < 3 * MAX_CONCURRENT; i++) {
                assertThat(GatewayFixture.told(catchThrowable(() ->
                        c.prepareStatement("SELECT nope FROM entity_operations")))).contains("nope");
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
