package io.lakegate.app;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a running gateway listens, as its tenants reach it: {@code serve} and {@code demo} write it to
 * {@code DIR/gateway.json} while they run (removed when they stop), so that {@code credentials create} on the same
 * directory prints the host and ports the gateway really has rather than the defaults.
 */
record GatewayAddress(String host, int avaticaPort, int httpPort, long pid) {
    static final String FILE = "gateway.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** This process's gateway. */
    static GatewayAddress of(String host, int avaticaPort, int httpPort) {
        return new GatewayAddress(host, avaticaPort, httpPort, ProcessHandle.current().pid());
    }

    /** Writes the file into {@code dir} if it exists (a serve on a remote ClickHouse may have none), until exit. */
    void publish(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            return; // credentials create then says it found no running gateway and shows the defaults
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next reader sees its process is gone
            }
        }));
    }

    /** The gateway running on {@code dir}, if its file is there and its process alive. */
    static Optional<GatewayAddress> find(Path dir) {
        try {
            GatewayAddress running = JSON.readValue(dir.resolve(FILE).toFile(), GatewayAddress.class);
            return ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive).map(p -> running);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
