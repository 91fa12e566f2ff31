package io.lakegate.engine.protocol;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The ClickHouse HTTP interface, written once: ping, authentication, the protocol's parameters, output formats,
 * native and HTTP compression, error codes and statuses. What answers the query is a {@link QueryBackend}.
 */
public final class ClickHouseHttpHandler<P> implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseHttpHandler.class);

    private final QueryBackend<P> backend;
    private final Authenticator<P> authenticator;
    private final RequestParser parser;
    private final String displayName;

    public ClickHouseHttpHandler(QueryBackend<P> backend, Authenticator<P> authenticator, long maxQueryBytes,
                                 String displayName) {
        this.backend = backend;
        this.authenticator = authenticator;
        this.parser = new RequestParser(maxQueryBytes);
        this.displayName = displayName;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            boolean isGet = exchange.getRequestMethod().equalsIgnoreCase("GET")
                    || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            if (isGet && (path.equals("/ping") || path.equals("/") && (query == null || query.isEmpty()))) {
                sendText(exchange, 200, "Ok.\n");
                return;
            }
            if (!path.equals("/") && !path.equals("/query")) {
                sendText(exchange, 404, "There is no handler " + path + ". Send queries to / or /query; ping with "
                        + "/ping.\n");
                return;
            }
            serve(exchange);
        } catch (IOException e) {
            LOG.debug("Client went away: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("Unexpected error in the HTTP handler", e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        QueryRequest request;
        QueryResult result;
        String queryId = exchange.getRequestHeaders().getFirst("X-ClickHouse-Query-Id");
        try {
            RequestHead head = parser.head(exchange);
            queryId = head.queryId();
            // Before the body: a body (and what its headers claim about it) is read only for someone who logged in.
            P principal = authenticator.authenticate(head.credentials(), head.remoteAddress());
            request = parser.parse(head, exchange);
            result = backend.execute(request, principal);
        } catch (ClickHouseException e) {
            sendError(exchange, queryId, e);
            return;
        }
        try (result) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("X-ClickHouse-Query-Id", request.queryId());
            headers.set("X-ClickHouse-Format", request.outputFormat());
            headers.set("X-ClickHouse-Timezone", backend.serverTimezone());
            headers.set("X-ClickHouse-Server-Display-Name", displayName);
            headers.set("X-ClickHouse-Summary", result.summary().toHeader());
            headers.set("Content-Type", contentType(request.outputFormat()));
            if (request.session() != null) {
                headers.set("Keep-Alive", "timeout=" + Math.max(1, request.session().timeoutSeconds()));
            }
            boolean nativeCompression = request.compressResponse();
            boolean compressedAlready = nativeCompression && result.compressed();
            String encoding = !nativeCompression && request.httpCompression()
                    ? HttpCompression.choose(exchange.getRequestHeaders().getFirst("Accept-Encoding")) : null;
            if (encoding != null) {
                headers.set("Content-Encoding", encoding);
            }
            exchange.sendResponseHeaders(200, 0);
            OutputStream raw = exchange.getResponseBody();
            OutputStream out = compressedAlready ? raw : nativeCompression ? new NativeBlockOutputStream(raw)
                    : encoding != null ? HttpCompression.encode(encoding, raw) : raw;
            try {
                result.writeTo(out);
            } catch (RuntimeException e) {
                // Once streaming began the status is sent: ClickHouse appends the error to the body.
                ClickHouseException error = e instanceof ClickHouseException ch ? ch
                        : new ClickHouseException(ErrorCode.LOGICAL_ERROR, "Internal error while streaming: " + e, e);
                byte[] text = error.toWireText(backend.serverVersion()).getBytes(StandardCharsets.UTF_8);
                if (compressedAlready) {
                    // in a block of its own, as the client reads everything after the headers as blocks
                    NativeBlockOutputStream block = new NativeBlockOutputStream(raw);
                    block.write(text);
                    block.flush();
                } else {
                    out.write(text);
                }
                LOG.warn("Query {} failed while streaming: {}", request.queryId(), error.getMessage());
            }
            // Release what the query holds (a session) before the last bytes go out: a client may send its next
            // request on the session as soon as it has read this response.
            result.close();
            out.close();
        }
    }

    private void sendError(HttpExchange exchange, String queryId, ClickHouseException e) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        if (queryId != null) {
            headers.set("X-ClickHouse-Query-Id", queryId);
        }
        headers.set("X-ClickHouse-Exception-Code", String.valueOf(e.code()));
        headers.set("X-ClickHouse-Server-Display-Name", displayName);
        if (e.httpStatus() == 401) {
            headers.set("WWW-Authenticate", "Basic realm=\"ClickHouse\"");
        }
        sendText(exchange, e.httpStatus(), e.toWireText(backend.serverVersion()));
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    static String contentType(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.startsWith("json") || f.equals("ndjson")) {
            return "application/json; charset=UTF-8";
        }
        if (f.startsWith("csv")) {
            return "text/csv; charset=UTF-8; header=" + (f.contains("names") ? "present" : "absent");
        }
        if (f.startsWith("tabseparated") || f.startsWith("tsv")) {
            return "text/tab-separated-values; charset=UTF-8";
        }
        if (f.startsWith("pretty") || f.equals("vertical") || f.equals("markdown") || f.equals("values")) {
            return "text/plain; charset=UTF-8";
        }
        return "application/octet-stream";
    }
}
