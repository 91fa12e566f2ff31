package io.lakegate.engine.server;

import io.lakegate.engine.chdb.EmbeddedClickHouse;
import io.lakegate.engine.protocol.ClickHouseHttpHandler;
import io.lakegate.engine.protocol.ClickHouseHttpServer;

import java.io.IOException;
import java.net.InetAddress;

/** The embedded engine served over the ClickHouse HTTP interface. */
public final class EngineEndpoint implements AutoCloseable {
    public static final long DEFAULT_MAX_QUERY_BYTES = 256L << 20;

    private final EmbeddedQueryBackend backend;
    private final ClickHouseHttpServer server;

    private EngineEndpoint(EmbeddedQueryBackend backend, ClickHouseHttpServer server) {
        this.backend = backend;
        this.server = server;
    }

    /**
     * @param password required unless the endpoint listens on loopback only
     */
    public static EngineEndpoint start(EmbeddedClickHouse engine, String host, int port, String user, String password,
                                       int maxConcurrentQueries) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress() && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("The engine listens on " + host + ", which is reachable from other "
                    + "machines: set a password (--password or LAKEGATE_ENGINE_PASSWORD), or listen on 127.0.0.1");
        }
        EmbeddedQueryBackend backend = new EmbeddedQueryBackend(engine, maxConcurrentQueries, 1000);
        ClickHouseHttpHandler<String> handler = new ClickHouseHttpHandler<>(backend,
                new PasswordAuthenticator(user, password), DEFAULT_MAX_QUERY_BYTES, "lakegate-engine");
        try {
            return new EngineEndpoint(backend, ClickHouseHttpServer.start(host, port, handler,
                    Math.max(64, maxConcurrentQueries * 4)));
        } catch (IOException e) {
            backend.close();
            throw new IOException("Cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "). Is the port in use? Choose another with --port.", e);
        }
    }

    public int port() {
        return server.port();
    }

    public String url() {
        String host = server.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
            backend.close();
        }
    }
}
