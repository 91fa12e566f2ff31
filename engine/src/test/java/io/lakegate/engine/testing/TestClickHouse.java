package io.lakegate.engine.testing;

import io.lakegate.engine.chdb.EmbeddedClickHouse;
import io.lakegate.engine.server.EngineEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The ClickHouse that integration tests talk to: a real server from {@code CLICKHOUSE_URL} (with
 * {@code CLICKHOUSE_USER}/{@code CLICKHOUSE_PASSWORD}), a Testcontainers server with {@code -Ptestcontainers}, or by
 * default the embedded engine served by lakegate's own endpoint. One per test JVM: chDB runs one engine per process.
 */
public final class TestClickHouse {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestClickHouse instance;

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedClickHouse embedded;

    private TestClickHouse(String url, String user, String password, EmbeddedClickHouse embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static synchronized TestClickHouse get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestClickHouse start() {
        String external = System.getenv("CLICKHOUSE_URL");
        if (external != null && !external.isBlank()) {
            return new TestClickHouse(external.replaceAll("/+$", ""), env("CLICKHOUSE_USER", "default"),
                    env("CLICKHOUSE_PASSWORD", ""), null);
        }
        if ("testcontainers".equals(System.getProperty("lakegate.test.target"))) {
            return Containers.start();
        }
        try {
            // under the module's target/, so `mvn clean` removes it; fresh for every run
            Path data = Path.of("target", "test-engine-data").toAbsolutePath();
            deleteRecursively(data);
            EmbeddedClickHouse engine = EmbeddedClickHouse.start(data, null);
            EngineEndpoint endpoint = EngineEndpoint.start(engine, "127.0.0.1", 0, "default", "", 16);
            engine.beforeShutdown(endpoint::close);
            return new TestClickHouse(endpoint.url(), "default", "", engine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Base URL of the ClickHouse HTTP interface, without a trailing slash. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:clickhouse:" + url + "/" + database;
    }

    public String basicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /**
     * Sends {@code sql} over ClickHouse's HTTP interface as this engine's user, with {@code urlParameters}
     * ({@code name=value&...}, or "") on the URL, and returns ClickHouse's answer, an error included.
     */
    public HttpResponse<String> post(String sql, String urlParameters) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/?" + urlParameters))
                    .header("Authorization", basicAuth())
                    .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The in-process engine, or null when the tests run against a server. */
    public EmbeddedClickHouse embedded() {
        return embedded;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Kept apart so Testcontainers classes load only when that profile is used. */
    private static final class Containers {
        static TestClickHouse start() {
            var container = new org.testcontainers.clickhouse.ClickHouseContainer("clickhouse/clickhouse-server:25.8");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestClickHouse("http://" + container.getHost() + ":" + container.getMappedPort(8123),
                    container.getUsername(), container.getPassword(), null);
        }
    }
}
