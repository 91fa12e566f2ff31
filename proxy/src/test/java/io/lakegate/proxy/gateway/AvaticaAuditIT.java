package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakegate.proxy.credentials.IssuedCredential;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.lakegate.proxy.gateway.AvaticaJson.execute;
import static io.lakegate.proxy.gateway.AvaticaJson.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the JDBC door writes to the audit log: one line for every request that reaches ClickHouse, with what ran. */
class AvaticaAuditIT {
    private final GatewayFixture fx = GatewayFixture.get();
    private final AvaticaJson avatica = new AvaticaJson(fx.gateway.avaticaPort());

    /** The SQL the gateway runs for the tenant's {@code sql}. */
    private String planned(IssuedCredential credential, String sql) {
        return fx.gateway.pipeline().plan(new Tenant(credential.username(), credential.orgId()), sql, Map.of()).sql();
    }

    @Test
    void aPrepareWritesOneAuditLineAndItsExecuteAnother() throws Exception {
        String sql = "SELECT count() AS n FROM entity_operations WHERE schema = ?";
        try (Connection c = fx.connect(fx.tenant); AuditCapture audit = new AuditCapture()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<JsonNode> prepared = audit.linesOf(fx.tenant.username());
                assertThat(prepared).as("audit lines after the prepare").hasSize(1);
                JsonNode line = prepared.get(0);
                assertThat(line.path("door").asText()).isEqualTo("avatica");
                assertThat(line.path("org").asText()).isEqualTo(GatewayFixture.ORG);
                assertThat(line.path("step").asText()).isEqualTo("prepare");
                assertThat(line.path("sql_received").asText()).isEqualTo(sql);
                assertThat(line.path("sql_run").asText()).isEqualTo(planned(fx.tenant, sql));
                assertThat(line.path("outcome").asText()).isEqualTo("ok");

                ps.setString(1, "opportunity");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong("n")).isEqualTo(5);
                }
                List<JsonNode> lines = audit.linesOf(fx.tenant.username());
                assertThat(lines).as("audit lines after the execute").hasSize(2);
                JsonNode executed = lines.get(1);
                assertThat(executed.has("step")).as("an execute is a query run, not a step").isFalse();
                assertThat(executed.path("sql_received").asText()).isEqualTo(sql);
                assertThat(executed.path("sql_run").asText()).isEqualTo(planned(fx.tenant, sql));
                assertThat(executed.path("rows").asLong()).isEqualTo(1);
                assertThat(executed.path("query_id").asText()).isNotEqualTo(line.path("query_id").asText());
            }
        }
    }

    @Test
    void aRefusedPrepareIsAuditedToo() throws Exception {
        try (Connection c = fx.connect(fx.tenant); AuditCapture audit = new AuditCapture()) {
            assertThat(GatewayFixture.told(catchThrowable(() -> c.prepareStatement("DROP TABLE entity_operations"))))
                    .contains("DROP is not allowed");
            List<JsonNode> lines = audit.linesOf(fx.tenant.username());
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).path("step").asText()).isEqualTo("prepare");
            assertThat(lines.get(0).path("outcome").asText()).isEqualTo("error");
            assertThat(lines.get(0).path("error").asText()).contains("DROP is not allowed");
            assertThat(lines.get(0).has("sql_run")).as("nothing ran").isFalse();
        }
    }

    /**
     * An execute request carries the statement handle back from the client, signature and SQL included: a client can
     * put any SQL there. The audit line must name what ClickHouse ran, the statement as it was prepared.
     */
    @Test
    void theAuditOfAnExecuteNamesThePreparedSqlNotTheSignatureTheClientSendsBack() throws Exception {
        String connection = "forger-" + UUID.randomUUID();
        String sql = "SELECT count() AS n FROM entity_operations";
        String forged = "SELECT 'forged'";
        assertThat(avatica.send(fx.tenant, request("openConnection", connection)).path("response").asText())
                .isEqualTo("openConnection");
        JsonNode prepared = avatica.send(fx.tenant, request("prepare", connection).put("sql", sql)
                .put("maxRowCount", -1));
        ObjectNode handle = (ObjectNode) prepared.path("statement").deepCopy();
        assertThat(handle.path("signature").isObject()).as(prepared.toString()).isTrue();
        ((ObjectNode) handle.path("signature")).put("sql", forged);

        try (AuditCapture audit = new AuditCapture()) {
            String answer = avatica.post(fx.tenant, execute(handle));
            JsonNode result = AvaticaJson.JSON.readTree(answer);
            assertThat(result.path("response").asText()).as(answer).isEqualTo("executeResults");
            assertThat(result.path("results").path(0).path("firstFrame").path("rows").toString())
                    .as("the prepared statement's rows: the org's 6 operations").isEqualTo("[[6]]");
            assertThat(answer).as("nothing of the forged SQL comes back").doesNotContain("forged");

            List<JsonNode> lines = audit.linesOf(fx.tenant.username());
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).path("sql_received").asText()).isEqualTo(sql);
            assertThat(lines.get(0).path("sql_run").asText()).isEqualTo(planned(fx.tenant, sql))
                    .doesNotContain("forged");
            assertThat(lines.get(0).path("rows").asLong()).isEqualTo(1);
        } finally {
            avatica.send(fx.tenant, request("closeConnection", connection));
        }
    }
}
