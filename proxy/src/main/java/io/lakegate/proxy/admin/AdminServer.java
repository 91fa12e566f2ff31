package io.lakegate.proxy.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin port: the JDK's HTTP server (the ClickHouse door's too), since the API is a handful of small JSON
 * requests and needs nothing a servlet container adds. Everything under {@code /api} and {@code /metrics} needs a
 * bearer token; {@code /healthz} and {@code /readyz} do not (probes carry none, and they tell nothing of a tenant),
 * nor do the credentials page's static files at {@code /} (the page asks for a token and sends it with its calls).
 * A request with a wrong token gets 401 and nothing else, whatever it asks for.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest request body: the API's bodies are a few fields. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService threads;

    private AdminServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** @param tls null for plain HTTP; the doors' certificate when they speak HTTPS, so tokens never cross in clear */
    public static AdminServer start(String host, int port, SSLContext tls, AdminTokens tokens, AdminApi api,
                                    Health health) throws IOException {
        HttpServer server;
        try {
            if (tls == null) {
                server = HttpServer.create(new InetSocketAddress(host, port), 64);
            } else {
                HttpsServer https = HttpsServer.create(new InetSocketAddress(host, port), 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (BindException e) {
            throw new IOException("Cannot listen on " + host + ":" + port + " for the admin API (" + e.getMessage()
                    + "): choose another port with --admin-port, or -1 to turn it off", e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "lakegate-admin");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> handle(exchange, tokens, api, health));
        server.start();
        return new AdminServer(server, threads);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, AdminTokens tokens, AdminApi api, Health health)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            try {
                if (path.equals("/healthz")) {
                    only(method, "GET");
                    send(exchange, 200, JSON.createObjectNode().put("status", "alive"));
                    return;
                }
                if (path.equals("/readyz")) {
                    only(method, "GET");
                    Health.Readiness r = health.readiness();
                    send(exchange, r.ready() ? 200 : 503, JSON.valueToTree(r));
                    return;
                }
                if (CredentialsPage.serves(path)) {
                    only(method, "GET");
                    CredentialsPage.serve(exchange, path);
                    return;
                }
                Optional<AdminTokens.Scope> scope = tokens.authorize(exchange.getRequestHeaders()
                        .getFirst("Authorization"));
                if (scope.isEmpty()) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"lakegate admin\"");
                    throw new ApiException(401, "A valid admin token is required: send Authorization: Bearer TOKEN");
                }
                if (path.equals("/metrics")) {
                    only(method, "GET");
                    if (!scope.get().operator()) {
                        throw new ApiException(403, "This token is for org " + scope.get().orgId() + " only; "
                                + "metrics need an operator token");
                    }
                    byte[] text = api.metrics().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    exchange.sendResponseHeaders(200, text.length);
                    exchange.getResponseBody().write(text);
                    return;
                }
                if (!path.equals("/api") && !path.startsWith("/api/")) {
                    throw new ApiException(404, "No such resource: " + path + " (the API is under /api/orgs)");
                }
                List<String> parts = Arrays.stream(path.substring(4).split("/")).filter(p -> !p.isEmpty())
                        .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
                AdminApi.Answer answer = api.handle(scope.get(), method, parts, body(exchange));
                send(exchange, answer.status(), answer.body());
            } catch (ApiException e) {
                send(exchange, e.status(), error(e.status(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("Admin request {} {} failed", method, path, e);
                send(exchange, 500, error(500, "The gateway failed: " + e.getMessage()));
            }
        }
    }

    static void only(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ApiException(405, "Method " + method + " is not allowed here: use " + allowed);
        }
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            if (bytes.length == 0) {
                return null;
            }
            try {
                return JSON.readTree(bytes);
            } catch (JsonProcessingException e) {
                throw new ApiException(400, "The request body is not JSON: " + e.getOriginalMessage());
            }
        }
    }

    private static JsonNode error(int status, String message) {
        return JSON.createObjectNode().put("status", status).put("error", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0]
                : JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
