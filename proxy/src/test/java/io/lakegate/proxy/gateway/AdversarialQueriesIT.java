package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries that try to reach another org's rows, tables or metadata, or the server. Each must fail with a clear error
 * or return org 1500's own rows only; the gateway must keep serving afterwards.
 */
class AdversarialQueriesIT {
    private static final GatewayFixture FX = GatewayFixture.get();

    static Stream<String> corpus() throws IOException {
        List<String> queries = new ArrayList<>();
        try (InputStream in = AdversarialQueriesIT.class.getResourceAsStream("/adversarial-queries.sql")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("-- ")) {
                    queries.add(line.replace("{db}", FX.settings.database()));
                }
            }
        }
        // enormous and deeply nested queries
        queries.add("SELECT entity_id FROM entity_operations WHERE schema IN ('" + "x', '".repeat(40_000) + "x')");
        queries.add("SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000) + " FROM entity_operations");
        queries.add("SELECT * FROM entity_operations WHERE " + "entity_id IN (SELECT entity_id FROM "
                .repeat(300) + "`1501_entity_operations`" + ")".repeat(300));
        queries.add("SELECT 1 FROM entity_operations WHERE '" + "a".repeat(300_000) + "' = ''");
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
                                    .doesNotContain(GatewayFixture.NEIGHBOUR + "_").isNotEqualTo(GatewayFixture.NEIGHBOUR);
                        }
                    }
                }
            } catch (SQLException refused) {
                String message = String.valueOf(refused.getMessage());
                assertThat(message).as(sql).isNotBlank().doesNotContain(GatewayFixture.NEIGHBOUR_MARKER)
                        .doesNotContain("\tat ");
            } catch (RuntimeException refused) {
                assertThat(String.valueOf(refused.getMessage())).as(sql).isNotBlank()
                        .doesNotContain(GatewayFixture.NEIGHBOUR_MARKER);
            }
            try (ResultSet rs = s.executeQuery("SELECT count() FROM entity_operations")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("still serving after: " + sql).isEqualTo(6);
            }
        }
    }
}
