package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Queries that try to reach another org's rows, tables or metadata, or the server. Each must fail with a clear error
 * or return org 1500's own rows only; the gateway must keep serving afterwards.
 */
class AdversarialQueriesIT {
    private static final GatewayFixture FX = GatewayFixture.get();
    /** The prefix of every bcrypt hash in the credential store. */
    private static final String BCRYPT = "$2a$";

    static Stream<String> corpus() throws IOException {
        List<String> queries = new ArrayList<>();
        GatewayFixture.queries("/adversarial-queries.sql")
                .forEach(q -> queries.add(q.replace("{db}", FX.settings.database())));
        // enormous and deeply nested queries
        queries.add("SELECT entity_id FROM entity_operations WHERE schema IN ('" + "x', '".repeat(40_000) + "x')");
        queries.add("SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000) + " FROM entity_operations");
        queries.add("SELECT * FROM entity_operations WHERE " + "entity_id IN (SELECT entity_id FROM "
                .repeat(300) + "`1501_entity_operations`" + ")".repeat(300));
        queries.add("SELECT 1 FROM entity_operations WHERE '" + "a".repeat(300_000) + "' = ''");
        // comments end at a line break; what follows is SQL again
        queries.add("SELECT 1 FROM entity_operations // '\n UNION ALL SELECT password_hash FROM "
                + FX.settings.database() + ".lakegate_credentials -- '");
        queries.add("SELECT 1 FROM entity_operations # '\n, (SELECT max(password_hash) FROM "
                + FX.settings.database() + ".lakegate_credentials) -- '");
        return queries.stream();
    }

    @Test
    void theCorpusHasAtLeastAHundredQueries() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void nothingOfAnotherOrgEverComesBack(String sql) throws SQLException {
        try (Connection c = FX.connect(FX.tenant); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String value = rs.getString(i);
                        if (value != null) {
                            assertThat(value).as(sql).doesNotContain(GatewayFixture.NEIGHBOUR_MARKER)
                                    .doesNotContain(GatewayFixture.NEIGHBOUR + "_").isNotEqualTo(GatewayFixture.NEIGHBOUR)
                                    .doesNotContain(BCRYPT).doesNotContain(FX.neighbour.username());
                        }
                    }
                }
            } catch (SQLException refused) {
                assertCleanRefusal(sql, String.valueOf(refused.getMessage()));
                assertThat(refused.getMessage()).doesNotContain("\tat ");
            } catch (RuntimeException refused) {
                assertCleanRefusal(sql, String.valueOf(refused.getMessage()));
            }
            try (ResultSet rs = s.executeQuery("SELECT count() FROM entity_operations")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("still serving after: " + sql).isEqualTo(6);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void nothingOfAnotherOrgIsPreparedThroughTheJdbcDoor(String sql) throws SQLException {
        try (Connection c = FX.connect(FX.tenant)) {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        assertThat(String.valueOf(rs.getString(i))).as(sql)
                                .doesNotContain(GatewayFixture.NEIGHBOUR_MARKER).doesNotContain(BCRYPT)
                                .doesNotContain(GatewayFixture.NEIGHBOUR + "_");
                    }
                }
            } catch (SQLException | RuntimeException refused) {
                assertCleanRefusal(sql, String.valueOf(refused.getMessage()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void nothingOfAnotherOrgComesBackThroughTheClickHouseDoor(String sql) throws Exception {
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "database=" + FX.settings.database(), sql);
        if (r.statusCode() == 200) {
            assertThat(r.body()).as(sql).doesNotContain(GatewayFixture.NEIGHBOUR_MARKER)
                    .doesNotContain(GatewayFixture.NEIGHBOUR + "_").doesNotContain(BCRYPT)
                    .doesNotContain(FX.neighbour.username());
        } else {
            assertThat(r.body()).as(sql).startsWith("Code: ");
            assertCleanRefusal(sql, r.body());
        }
    }

    /**
     * Functions that describe the server answer harmless-looking values, so "nothing of another org" is not enough:
     * each is refused by the allowlist, through both doors, also inside a catalog query.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SELECT showCertificate()", "SELECT revision()", "SELECT buildId()",
        "SELECT structureToCapnProtoSchema('a UInt8')", "SELECT uptime() FROM entity_operations",
        "SELECT arrayMap(x -> fqdn(), _tags) FROM entity_operations", "SELECT getServerSetting('max_threads')",
        "SELECT connection_id()", "SELECT revision() FROM system.one",
        "SELECT name FROM system.tables WHERE database = buildId()"})
    void serverDescribingFunctionsAreRefusedByBothDoors(String sql) throws Exception {
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "", sql);
        assertThat(r.statusCode()).as(sql).isNotEqualTo(200);
        assertThat(r.body()).as(sql).contains("() is not allowed: it ", "(ACCESS_DENIED)");
        if (!sql.contains("system.")) {
            try (Connection c = FX.connect(FX.tenant); Statement s = c.createStatement()) {
                assertThat(GatewayFixture.told(catchThrowable(() -> s.executeQuery(sql)))).as(sql)
                        .contains("() is not allowed: it ");
            }
        }
    }

    /** A refusal says something, shows no stack trace, and names nothing of another org the query did not name. */
    private static void assertCleanRefusal(String sql, String message) {
        assertThat(message).as(sql).isNotBlank().doesNotContain(GatewayFixture.NEIGHBOUR_MARKER).doesNotContain(BCRYPT)
                .doesNotContain(FX.neighbour.username());
        if (!sql.contains(GatewayFixture.NEIGHBOUR)) {
            assertThat(message).as(sql).doesNotContain(GatewayFixture.NEIGHBOUR + "_");
        }
    }
}
