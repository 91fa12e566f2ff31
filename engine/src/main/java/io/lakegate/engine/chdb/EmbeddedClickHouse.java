package io.lakegate.engine.chdb;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.lakegate.engine.protocol.ClickHouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ClickHouse's engine loaded in-process (chDB). chDB boots one engine per process on one storage path, so this is a
 * process-wide singleton; a keeper connection stays open for its whole life because closing the last connection
 * shuts the engine down.
 */
public final class EmbeddedClickHouse {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedClickHouse.class);
    private static EmbeddedClickHouse instance;

    private final ChdbLibrary lib;
    private final Path dataDir;
    private final ChdbConnection keeper;
    private final String version;
    private final String timezone;
    private final java.util.Set<ChdbConnection> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Deque<Runnable> shutdownActions = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private EmbeddedClickHouse(ChdbLibrary lib, Path dataDir) {
        this.lib = lib;
        this.dataDir = dataDir;
        // chDB's own SIGSEGV handlers kill the JVM, which uses SIGSEGV internally (implicit null checks).
        lib.chdb_set_signal_handlers_enabled(0);
        // Closed only at exit: chDB boots once per process, and booting it again after the last connection closed is
        // known to corrupt the allocator.
        this.keeper = connect(Map.of());
        // At exit the C runtime destroys chDB's globals while its threads still run, which crashes the JVM. So the
        // engine is stopped first: servers, then connections, then chDB's own threads.
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "chdb-shutdown"));
        ChdbResult info = keeper.query("SELECT version(), timezone()", "TabSeparated", Map.of());
        String[] fields = info.text().strip().split("\t");
        this.version = fields[0];
        this.timezone = fields.length > 1 ? fields[1] : "UTC";
    }

    /**
     * Starts the engine on {@code dataDir}, or returns the running one if it already uses that directory.
     *
     * @param libraryPath an explicit libchdb.so, or null to use {@link ChdbLibraryLocator}
     */
    public static synchronized EmbeddedClickHouse start(Path dataDir, Path libraryPath) {
        Path dir = dataDir.toAbsolutePath().normalize();
        ChdbLibraryLocator locator = ChdbLibraryLocator.forCurrentUser();
        if (libraryPath != null) {
            locator.locate(libraryPath); // an explicit library that does not exist is an error even when running
        }
        if (instance != null) {
            if (!instance.dataDir.equals(dir)) {
                throw new ChdbUnavailableException("The embedded engine already runs on " + instance.dataDir
                        + " in this process; chDB supports one data directory per process (asked for " + dir + ").");
            }
            return instance;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ChdbUnavailableException("Cannot create the data directory " + dir + ": " + e.getMessage()
                    + ". Choose a writable directory with --data.", e);
        }
        Path lib = locator.locate(libraryPath);
        long started = System.nanoTime();
        StandardInputGuard.detachFromEngine();
        ChdbLibrary library;
        try {
            library = Native.load(lib.toString(), ChdbLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            throw new ChdbUnavailableException("Cannot load the chDB library " + lib + ": " + e.getMessage()
                    + ". It must be the Linux x86-64 libchdb.so of chDB 26.x.", e);
        }
        instance = new EmbeddedClickHouse(library, dir);
        LOG.info("Embedded ClickHouse {} on {} started in {} ms", instance.version, dir,
                (System.nanoTime() - started) / 1_000_000);
        return instance;
    }

    /** Opens a connection; {@code settings} become connection-level settings ({@code --name=value}). */
    public ChdbConnection connect(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        args.add("clickhouse");
        args.add("--path=" + dataDir);
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        Pointer ref = lib.chdb_connect(args.size(), args.toArray(new String[0]));
        if (ref == null || ref.getPointer(0) == null) {
            throw new ClickHouseException(io.lakegate.engine.protocol.ErrorCode.NETWORK_ERROR,
                    "The embedded engine refused a connection on " + dataDir
                            + " (is another process using this data directory?)");
        }
        ChdbConnection connection = new ChdbConnection(lib, ref, open::remove);
        open.add(connection);
        return connection;
    }

    /** Runs {@code action} at process exit, before the engine stops (e.g. to stop a server using it). */
    public void beforeShutdown(Runnable action) {
        shutdownActions.push(action);
    }

    private void shutdown() {
        for (Runnable action; (action = shutdownActions.poll()) != null; ) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("Shutdown action failed: {}", e.toString());
            }
        }
        for (ChdbConnection connection : open.toArray(new ChdbConnection[0])) {
            connection.close();
        }
        if (lib.chdb_shutdown() != 0) {
            // chDB 26.7 answers 1 whenever a MergeTree table exists (its background pools keep running), so this
            // is the normal case and no warning: every insert had written its parts before it returned, and merges
            // left undone are chosen again at the next start.
            LOG.debug("The embedded engine left background threads running at exit");
        }
    }

    public String version() {
        return version;
    }

    public String timezone() {
        return timezone;
    }

    public Path dataDir() {
        return dataDir;
    }
}
