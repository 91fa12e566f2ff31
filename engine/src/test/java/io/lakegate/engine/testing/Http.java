package io.lakegate.engine.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP requests against a ClickHouse HTTP interface. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static HttpRequest.Builder request(String pathAndQuery) {
        TestClickHouse ch = TestClickHouse.get();
        return HttpRequest.newBuilder(URI.create(ch.url() + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Authorization", ch.basicAuth());
    }

    public static HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    public static HttpResponse<String> post(String pathAndQuery, String body) {
        return send(request(pathAndQuery).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs one statement and returns its TabSeparated output; fails the test on any error. */
    public static String query(String sql) {
        HttpResponse<String> response = post("/", sql);
        if (response.statusCode() != 200) {
            throw new AssertionError("Query failed (" + response.statusCode() + "): " + response.body() + "\n" + sql);
        }
        return response.body();
    }
}
