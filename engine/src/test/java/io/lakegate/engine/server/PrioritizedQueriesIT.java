package io.lakegate.engine.server;

import io.lakegate.engine.protocol.QueryRequest;
import io.lakegate.engine.testing.TestClickHouse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query with ClickHouse's {@code priority} setting does not wait behind the others for one of the engine's
 * connections: the gateway's revocation poll must answer within a second while tenants' scans fill them all.
 */
class PrioritizedQueriesIT {
    private final HttpClient http = HttpClient.newHttpClient();

    private CompletableFuture<HttpResponse<String>> post(EngineEndpoint endpoint, String parameters, String sql) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(endpoint.url() + "/?" + parameters))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPrioritizedQueryIsAnsweredWhileEveryOtherConnectionIsBusy() throws Exception {
        try (EngineEndpoint endpoint = EngineEndpoint.start(TestClickHouse.get().embedded(), "127.0.0.1", 0,
                "default", "", 1)) {
            // the one ordinary connection, busy for 3 s
            CompletableFuture<HttpResponse<String>> busy = post(endpoint, "", "SELECT sleep(3)");
            Thread.sleep(300);
            CompletableFuture<HttpResponse<String>> ordinary = post(endpoint, "", "SELECT 'ordinary'");
            long t0 = System.nanoTime();
            HttpResponse<String> urgent = post(endpoint, "priority=1", "SELECT 'urgent'").get(10, TimeUnit.SECONDS);
            long urgentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(urgent.body()).as(urgent.body()).isEqualTo("urgent\n");
            // answered while the ordinary query still waits for the busy connection
            assertThat(ordinary).as("answered after %d ms", urgentMillis).isNotDone();
            assertThat(ordinary.get(10, TimeUnit.SECONDS).body()).isEqualTo("ordinary\n");
            assertThat(busy.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyAPositivePriorityCounts() {
        assertThat(EmbeddedQueryBackend.isPrioritized(request("1"))).isTrue();
        assertThat(EmbeddedQueryBackend.isPrioritized(request("10"))).isTrue();
        assertThat(EmbeddedQueryBackend.isPrioritized(request("0"))).isFalse();
        assertThat(EmbeddedQueryBackend.isPrioritized(request("-1"))).isFalse();
        assertThat(EmbeddedQueryBackend.isPrioritized(request("x"))).isFalse();
        assertThat(EmbeddedQueryBackend.isPrioritized(request(null))).isFalse();
    }

    private static QueryRequest request(String priority) {
        Map<String, String> settings = new HashMap<>();
        if (priority != null) {
            settings.put("priority", priority);
        }
        return new QueryRequest("SELECT 1", null, null, null, "TSV", "TSV", null, null,
                settings, Map.of(), false, false, false, null, null, null);
    }
}
