package io.lakegate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A gateway ({@code serve} or {@code demo}) running on a data directory, reached through its admin API. The embedded
 * engine is locked by the process that runs it, so while a gateway runs, the admin commands on the same directory
 * ({@code org}, {@code credentials}, {@code limits}) send their request to it instead. It is found from
 * {@value #FILE} in the data directory, which the gateway writes (mode 600: it holds the admin token) and removes
 * when it stops.
 */
final class RunningGateway {
    static final String FILE = "admin.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String url;
    private final String token;

    private RunningGateway(String url, String token) {
        this.url = url.replaceAll("/+$", "");
        this.token = token;
    }

    /** Records the running gateway's admin API in {@code dir}. */
    static Path write(Path dir, String url, String token) throws IOException {
        ObjectNode file = JSON.createObjectNode().put("admin_url", url).put("admin_token", token)
                .put("pid", ProcessHandle.current().pid());
        Path path = dir.resolve(FILE);
        DemoCommand.writePrivate(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n");
        return path;
    }

    /** Removes the record, if it is still this process's. */
    static void remove(Path dir) {
        Path path = dir.resolve(FILE);
        try {
            JsonNode file = JSON.readTree(path.toFile());
            if (file.path("pid").asLong() == ProcessHandle.current().pid()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // nothing to remove, or not ours to
        }
    }

    /** The process id of the gateway recorded in {@code dir}, when that process still runs. */
    static Optional<Long> recorded(Path dir) {
        try {
            long pid = JSON.readTree(dir.resolve(FILE).toFile()).path("pid").asLong();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The gateway running on the embedded engine of {@code ch}'s data directory, when there is one and it answers;
     * empty for a ClickHouse server ({@code --clickhouse-url}), which takes many clients, and when none runs.
     */
    static Optional<RunningGateway> find(ClickHouseOptions ch) {
        if (ch.url != null && !ch.url.isBlank()) {
            return Optional.empty();
        }
        Path path = ch.embedded.data.resolve(FILE);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            if (recorded(ch.embedded.data).isEmpty()) {
                return Optional.empty(); // left behind by a gateway that was killed
            }
            JsonNode file = JSON.readTree(path.toFile());
            RunningGateway gateway = new RunningGateway(file.path("admin_url").asText(),
                    file.path("admin_token").asText());
            HttpResponse<String> alive = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return alive.statusCode() == 200 ? Optional.of(gateway) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The admin URL, for messages. */
    String url() {
        return url;
    }

    /**
     * Sends one request to the admin API and returns its JSON answer.
     *
     * @throws IllegalArgumentException with the API's own message when it refuses the request (a 4xx: bad usage)
     */
    JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        if (r.statusCode() >= 400 && r.statusCode() < 500) {
            throw new IllegalArgumentException(answer.path("error").asText("the running gateway refused the request ("
                    + r.statusCode() + ")"));
        }
        if (r.statusCode() >= 500) {
            throw new IllegalStateException("The running gateway at " + url + " failed: "
                    + answer.path("error").asText(r.body()));
        }
        return answer;
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
