package io.lakegate.engine.protocol;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves a {@link ClickHouseHttpHandler} on the JDK's HTTP server, one worker thread per request in flight. */
public final class ClickHouseHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;

    private ClickHouseHttpServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    public static ClickHouseHttpServer start(String host, int port, ClickHouseHttpHandler<?> handler, int maxThreads)
            throws IOException {
        return start(host, port, handler, maxThreads, null);
    }

    /** @param tls an SSL context for HTTPS, or null for plain HTTP */
    public static ClickHouseHttpServer start(String host, int port, ClickHouseHttpHandler<?> handler, int maxThreads,
                                             javax.net.ssl.SSLContext tls) throws IOException {
        // Without TCP_NODELAY a keep-alive client waits for the delayed ACK (about 40 ms) on every small response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
        HttpServer server;
        try {
            if (tls == null) {
                server = HttpServer.create(address, 128);
            } else {
                com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
                server = https;
            }
        } catch (java.net.BindException e) {
            // the JDK's message is only "Address already in use": the user has to know which port to free or change
            throw bindFailure(host, port, e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "clickhouse-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
        server.createContext("/", handler);
        server.setExecutor(workers);
        server.start();
        return new ClickHouseHttpServer(server, workers);
    }

    /** A {@link java.net.BindException} that names the address, for any server of lakegate that cannot listen. */
    public static java.net.BindException bindFailure(String host, int port, java.net.BindException e) {
        java.net.BindException named = new java.net.BindException("Cannot listen on " + host + ":" + port + ": "
                + e.getMessage() + " (another program, or another lakegate, may be using port " + port + ")");
        named.initCause(e);
        return named;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return server.getAddress().getHostString();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            // let requests in flight finish their current call into the engine before it is torn down
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
