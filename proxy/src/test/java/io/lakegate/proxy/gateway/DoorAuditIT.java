package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both doors run a query through the same lifecycle: for the same query, answered, refused by the policy or failed by
 * ClickHouse, their audit lines are the same but for the door and what differs by nature (time, duration, query id,
 * and the bytes, which are the door's own wire format). The rows of an answered query are the JDBC door's count; the
 * ClickHouse door passes ClickHouse's bytes through uncounted and takes ClickHouse's summary, which a streaming server
 * sends before the rows: those are compared for the queries that return none.
 */
class DoorAuditIT {
    private static final List<String> DIFFERENT_BY_NATURE = List.of("door", "time", "duration_ms", "query_id",
            "bytes");
    private final GatewayFixture fx = GatewayFixture.get();

    @ParameterizedTest
    @ValueSource(strings = {"SELECT schema, count() AS n FROM entity_operations GROUP BY schema ORDER BY schema",
        "SELECT showCertificate()", "SELECT * FROM `1501_entity_operations`",
        "SELECT entity_id FROM entity_operations SETTINGS max_execution_time = 999999",
        "SELECT throwIf(count() > 0, 'stop here') FROM entity_operations", "SELECT nope FROM entity_operations"})
    void theAuditLinesOfBothDoorsDifferOnlyInTheDoor(String sql) throws Exception {
        JsonNode viaClickHouse;
        JsonNode viaJdbc;
        try (AuditCapture audit = new AuditCapture()) {
            fx.clickHouseDoor(fx.tenant, "", sql);
            viaClickHouse = last(audit);
        }
        try (Connection c = fx.connect(fx.tenant); AuditCapture audit = new AuditCapture()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            } catch (SQLException | RuntimeException expected) {
                // refused or failed: the audit line says how
            }
            viaJdbc = last(audit);
        }
        assertThat(viaClickHouse.path("door").asText()).isEqualTo("clickhouse");
        assertThat(viaJdbc.path("door").asText()).isEqualTo("avatica");
        if (viaJdbc.path("outcome").asText().equals("ok")) {
            ((ObjectNode) viaJdbc).remove("rows");
            ((ObjectNode) viaClickHouse).remove("rows");
        }
        assertThat(withoutNaturalDifferences(viaJdbc)).as(sql).isEqualTo(withoutNaturalDifferences(viaClickHouse));
    }

    private JsonNode last(AuditCapture audit) {
        List<JsonNode> lines = audit.linesOf(fx.tenant.username());
        assertThat(lines).isNotEmpty();
        return lines.get(lines.size() - 1);
    }

    private static JsonNode withoutNaturalDifferences(JsonNode line) {
        ObjectNode copy = line.deepCopy();
        copy.remove(DIFFERENT_BY_NATURE);
        return copy;
    }
}
