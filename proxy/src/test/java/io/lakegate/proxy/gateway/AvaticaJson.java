package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakegate.proxy.credentials.IssuedCredential;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Avatica's JSON protocol written by hand, as a client other than Avatica's driver may send it: any connection or
 * statement id, any statement handle, one HTTP request each.
 */
final class AvaticaJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    AvaticaJson(int port) {
        this.port = port;
    }

    /** The answer's body as it came. */
    String post(IssuedCredential as, ObjectNode request) throws Exception {
        String auth = Base64.getEncoder().encodeToString((as.username() + ":" + as.password())
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    JsonNode send(IssuedCredential as, ObjectNode request) throws Exception {
        return JSON.readTree(post(as, request));
    }

    static ObjectNode request(String name, String connectionId) {
        return JSON.createObjectNode().put("request", name).put("connectionId", connectionId);
    }

    static ObjectNode execute(JsonNode statementHandle) {
        ObjectNode execute = JSON.createObjectNode().put("request", "execute");
        execute.set("statementHandle", statementHandle);
        execute.putArray("parameterValues");
        return execute.put("maxRowCount", 100);
    }

    /** prepareAndExecute of {@code sql} on a new statement of {@code connectionId}. */
    JsonNode query(IssuedCredential as, String connectionId, String sql) throws Exception {
        JsonNode created = send(as, request("createStatement", connectionId));
        return send(as, request("prepareAndExecute", connectionId)
                .put("statementId", created.path("statementId").asInt()).put("sql", sql).put("maxRowCount", -1));
    }
}
