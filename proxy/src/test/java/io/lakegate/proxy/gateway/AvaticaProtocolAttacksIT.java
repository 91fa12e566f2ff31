package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakegate.proxy.credentials.IssuedCredential;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.lakegate.proxy.gateway.AvaticaJson.JSON;
import static io.lakegate.proxy.gateway.AvaticaJson.execute;
import static io.lakegate.proxy.gateway.AvaticaJson.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant speaking Avatica's JSON protocol by hand, naming the neighbour's connection and statements on its own
 * requests. Statement ids are small numbers counted across all connections, so they are easy to guess; none of
 * these requests may return the neighbour's rows or disturb its statements.
 */
class AvaticaProtocolAttacksIT {
    private final GatewayFixture fx = GatewayFixture.get();
    private final AvaticaJson avatica = new AvaticaJson(fx.gateway.avaticaPort());

    /** A request of the attacker: no answer may carry the neighbour's marker. */
    private JsonNode send(IssuedCredential as, ObjectNode request) throws Exception {
        String body = avatica.post(as, request);
        assertThat(body).as("answer to " + request).doesNotContain(GatewayFixture.NEIGHBOUR_MARKER);
        return JSON.readTree(body);
    }

    /** The neighbour's own requests, whose answers may carry its marker. */
    private JsonNode victimAnswer(IssuedCredential victim, ObjectNode request) throws Exception {
        return avatica.send(victim, request);
    }

    private static void assertRefused(JsonNode answer, String what) {
        assertThat(answer.path("response").asText()).as(what + ": " + answer).isEqualTo("error");
        assertThat(answer.path("errorMessage").asText()).as(what).isNotBlank();
    }

    @Test
    void theNeighboursStatementsCannotBeNamedFromAnotherConnection() throws Exception {
        IssuedCredential victim = fx.neighbour;
        IssuedCredential attacker = fx.tenant;
        String victimConnection = "victim-" + UUID.randomUUID();
        String attackerConnection = "attacker-" + UUID.randomUUID();
        JsonNode opened = victimAnswer(victim, request("openConnection", victimConnection));
        assertThat(opened.path("response").asText()).isEqualTo("openConnection");
        // the neighbour's prepared statement reads its own rows, marker included
        JsonNode prepared = victimAnswer(victim, request("prepare", victimConnection)
                .put("sql", "SELECT entity_id, detail FROM entity_operations").put("maxRowCount", -1));
        JsonNode handle = prepared.path("statement");
        int statementId = handle.path("id").asInt();
        assertThat(handle.path("connectionId").asText()).isEqualTo(victimConnection);

        assertThat(send(attacker, request("openConnection", attackerConnection)).path("response").asText())
                .isEqualTo("openConnection");
        ObjectNode stolenHandle = ((ObjectNode) handle.deepCopy()).put("connectionId", attackerConnection);

        assertRefused(send(attacker, execute(stolenHandle)), "execute of the neighbour's statement");

        assertRefused(send(attacker, request("fetch", attackerConnection).put("statementId", statementId)
                .put("offset", 0).put("fetchMaxRowCount", 100)), "fetch from the neighbour's statement");
        assertRefused(send(attacker, request("prepareAndExecute", attackerConnection).put("statementId", statementId)
                .put("sql", "SELECT count() FROM entity_operations").put("maxRowCount", -1)),
                "prepareAndExecute on the neighbour's statement");
        assertRefused(send(attacker, request("closeStatement", attackerConnection).put("statementId", statementId)),
                "closeStatement of the neighbour's statement");
        // and on the neighbour's connection itself
        assertRefused(send(attacker, execute(handle)), "execute on the neighbour's connection");

        // the neighbour's statement is untouched: it still runs, for the neighbour
        JsonNode result = victimAnswer(victim, execute(handle));
        assertThat(result.path("response").asText()).as(result.toString()).isEqualTo("executeResults");
        assertThat(result.toString()).contains(GatewayFixture.NEIGHBOUR_MARKER);

        // the attacker's own statements still work
        JsonNode created = send(attacker, request("createStatement", attackerConnection));
        JsonNode ownResult = send(attacker, request("prepareAndExecute", attackerConnection)
                .put("statementId", created.path("statementId").asInt())
                .put("sql", "SELECT count() AS n FROM entity_operations").put("maxRowCount", -1));
        assertThat(ownResult.path("response").asText()).as(ownResult.toString()).isEqualTo("executeResults");
        assertThat(ownResult.toString()).contains("6");
        victimAnswer(victim, request("closeConnection", victimConnection));
        send(attacker, request("closeConnection", attackerConnection));
    }

    @Test
    void catalogRequestsOnTheNeighboursConnectionAreRefused() throws Exception {
        String victimConnection = "victim-" + UUID.randomUUID();
        assertThat(victimAnswer(fx.neighbour, request("openConnection", victimConnection)).path("response").asText())
                .isEqualTo("openConnection");
        for (String catalogRequest : new String[] {"getCatalogs", "getTableTypes", "getTypeInfo", "getSchemas",
                "getTables", "getColumns", "databaseProperties"}) {
            assertRefused(send(fx.tenant, request(catalogRequest, victimConnection)),
                    catalogRequest + " on the neighbour's connection");
        }
        victimAnswer(fx.neighbour, request("closeConnection", victimConnection));
    }

    @Test
    void connectionSyncCannotMoveTheConnectionToAnotherDatabase() throws Exception {
        String connection = "sync-" + UUID.randomUUID();
        send(fx.tenant, request("openConnection", connection));
        ObjectNode sync = request("connectionSync", connection);
        sync.putObject("connProps").put("connProps", "connPropsImpl").put("catalog", "system").put("schema", "system")
                .put("dirty", true);
        send(fx.tenant, sync);
        JsonNode created = send(fx.tenant, request("createStatement", connection));
        JsonNode result = send(fx.tenant, request("prepareAndExecute", connection)
                .put("statementId", created.path("statementId").asInt())
                .put("sql", "SELECT currentDatabase() AS d").put("maxRowCount", -1));
        assertThat(result.path("results").path(0).path("firstFrame").path("rows").toString()).as(result.toString())
                .contains(fx.settings.database()).doesNotContain("system");
        send(fx.tenant, request("closeConnection", connection));
    }
}
