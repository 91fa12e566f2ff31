package io.lakegate.proxy.gateway;

import io.lakegate.engine.server.EngineEndpoint;
import io.lakegate.engine.testing.TestClickHouse;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * The embedded test engine behind an HTTP endpoint of its own, which a test stops, to take ClickHouse away from a
 * gateway, and starts again on the same address. The data stays: it is the same engine.
 */
final class RestartableEngine implements AutoCloseable {
    private final int port;
    private EngineEndpoint endpoint;

    private RestartableEngine(int port) throws Exception {
        this.port = port;
        restart();
    }

    /** On a free port. */
    static RestartableEngine start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        return new RestartableEngine(port);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void stop() {
        endpoint.close();
    }

    /** Serves again on the same port, which may take a moment to be free. */
    void restart() throws Exception {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                endpoint = EngineEndpoint.start(TestClickHouse.get().embedded(), "127.0.0.1", port, "default", "", 8);
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
