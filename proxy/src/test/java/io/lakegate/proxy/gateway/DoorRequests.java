package io.lakegate.proxy.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Raw HTTP requests to a gateway's ClickHouse door, as curl sends them. */
final class DoorRequests {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    DoorRequests(int port) {
        this.port = port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code body} to {@code pathAndQuery}, with Basic credentials unless {@code user} is null. */
    HttpResponse<String> post(String pathAndQuery, byte[] body, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> query(String sql, String user, String password) throws IOException, InterruptedException {
        return post("/", sql.getBytes(StandardCharsets.UTF_8), user, password);
    }

    static String code(HttpResponse<?> r) {
        return r.headers().firstValue("X-ClickHouse-Exception-Code").orElse("none");
    }
}
