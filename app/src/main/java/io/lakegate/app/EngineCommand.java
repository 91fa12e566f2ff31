package io.lakegate.app;

import io.lakegate.engine.chdb.EmbeddedClickHouse;
import io.lakegate.engine.server.EngineEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code lakegate engine}: the embedded ClickHouse served over the ClickHouse HTTP interface. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = {"Runs ClickHouse embedded in this process (chDB) and serves it over the ClickHouse HTTP "
                + "interface, so clickhouse-jdbc, curl and @clickhouse/client connect to it like to a server.",
                "Stops cleanly on Ctrl-C; the data stays in --data."})
final class EngineCommand implements Callable<Integer> {
    @Mixin
    EmbeddedEngineOptions engineOptions;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any non-loopback address requires "
                    + "--password.")
    String host;

    @Option(names = "--port", defaultValue = "8123", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", defaultValue = "default", description = "The one user of the endpoint (default: "
            + "${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "${env:LAKEGATE_ENGINE_PASSWORD}",
            description = "Password of that user; also from LAKEGATE_ENGINE_PASSWORD. Empty by default, which is "
                    + "only allowed on loopback.")
    String password;

    @Option(names = "--max-concurrent-queries", defaultValue = "16",
            description = "Queries the engine runs at once; more wait (default: ${DEFAULT-VALUE}).")
    int maxConcurrentQueries;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not a TCP port: give 1-65535 (or 0 for any free port)");
        }
        if (maxConcurrentQueries < 1) {
            throw new IllegalArgumentException("--max-concurrent-queries must be at least 1");
        }
        EmbeddedClickHouse engine = engineOptions.start();
        CountDownLatch stopped = new CountDownLatch(1);
        try (EngineEndpoint endpoint = EngineEndpoint.start(engine, host, port, user, password, maxConcurrentQueries)) {
            engine.beforeShutdown(() -> {
                endpoint.close();
                stopped.countDown();
            });
            System.out.println("lakegate engine: ClickHouse " + engine.version() + " (embedded) on "
                    + endpoint.url() + ", data in " + engine.dataDir());
            System.out.println("  try: curl '" + endpoint.url() + "/?query=SELECT+version()'");
            System.out.println("  JDBC: jdbc:clickhouse:" + endpoint.url() + "/default");
            System.out.println("Press Ctrl-C to stop.");
            System.out.flush();
            stopped.await();
        }
        return 0;
    }
}
