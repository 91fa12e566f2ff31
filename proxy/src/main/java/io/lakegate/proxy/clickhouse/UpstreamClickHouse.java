package io.lakegate.proxy.clickhouse;

import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ClickHouse behind the gateway, spoken to over its own HTTP interface, so the answer's bytes (in whatever format
 * the tenant's client asked for) can be streamed through unchanged. Errors come back as ClickHouse's own.
 */
public final class UpstreamClickHouse {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String authorization;

    public UpstreamClickHouse(String baseUrl, String authorization) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.authorization = authorization;
    }

    /** Runs {@code sql} and returns the streaming answer; a non-200 answer is thrown as ClickHouse's error. */
    public HttpResponse<InputStream> post(String sql, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/" + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String text;
                try (InputStream body = response.body()) {
                    text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                }
                throw ClickHouseException.fromServerText(text);
            }
            return response;
        } catch (IOException e) {
            throw new ClickHouseException(ErrorCode.NETWORK_ERROR, "The ClickHouse behind the gateway cannot be "
                    + "reached (" + e.getClass().getSimpleName() + "): try again shortly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException(ErrorCode.QUERY_WAS_CANCELLED, "The query was cancelled", e);
        }
    }

    /** Runs {@code sql} and returns its whole answer as text. */
    public String text(String sql) {
        return text(sql, Map.of("default_format", "TabSeparatedRaw"));
    }

    /**
     * {@link #text}, at ClickHouse's highest {@code priority}: for the gateway's own small reads that must not wait
     * behind tenants' queries (the revocation poll, which must answer within a second however busy ClickHouse is).
     */
    public String urgentText(String sql) {
        return text(sql, Map.of("default_format", "TabSeparatedRaw", "priority", "1"));
    }

    private String text(String sql, Map<String, String> parameters) {
        try (InputStream body = post(sql, parameters).body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ClickHouseException(ErrorCode.NETWORK_ERROR, "Reading ClickHouse's answer failed: "
                    + e.getMessage(), e);
        }
    }
}
