package io.lakegate.engine.chdb;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds {@code libchdb.so}: an explicit path (flag or {@value #LIB_ENV}) wins; otherwise the pinned npm package is
 * fetched once with the npm client into a per-user cache, its tarball checked against the pinned integrity, and reused.
 */
public final class ChdbLibraryLocator {
    public static final String LIB_ENV = "LAKEGATE_CHDB_LIB";
    public static final String CACHE_ENV = "LAKEGATE_CACHE_DIR";
    public static final String PACKAGE = "@chdb/lib-linux-x64-gnu";
    public static final String VERSION = "26.7.3-stable.1";
    /** npm's integrity string of the pinned tarball (sha512, base64). */
    static final String INTEGRITY =
            "sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw==";
    private static final String LIB_ENTRY = "package/libchdb.so";
    private static final String MARKER = "verified";

    private final Path cacheRoot;

    public ChdbLibraryLocator(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The per-user cache: {@value #CACHE_ENV}, else {@code $XDG_CACHE_HOME/lakegate}, else {@code ~/.cache/lakegate}. */
    public static ChdbLibraryLocator forCurrentUser() {
        String explicit = System.getenv(CACHE_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return new ChdbLibraryLocator(Path.of(explicit));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ChdbLibraryLocator(base.resolve("lakegate"));
    }

    /**
     * @param explicitPath a user-supplied library, or null to use {@value #LIB_ENV} or the cache
     */
    public Path locate(Path explicitPath) {
        if (explicitPath == null) {
            String fromEnv = System.getenv(LIB_ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                explicitPath = Path.of(fromEnv);
            }
        }
        if (explicitPath != null) {
            if (!Files.isRegularFile(explicitPath)) {
                throw new ChdbUnavailableException("The chDB library " + explicitPath + " does not exist. Point --chdb-lib or "
                        + LIB_ENV + " at an existing libchdb.so, or unset it to let lakegate fetch " + PACKAGE + "@" + VERSION + ".");
            }
            return explicitPath;
        }
        Path dir = cacheRoot.resolve("chdb").resolve(VERSION);
        Path lib = dir.resolve("libchdb.so");
        if (isVerified(dir, lib)) {
            return lib;
        }
        fetch(dir, lib);
        return lib;
    }

    private static boolean isVerified(Path dir, Path lib) {
        try {
            Path marker = dir.resolve(MARKER);
            if (!Files.isRegularFile(lib) || !Files.isRegularFile(marker)) {
                return false;
            }
            // The marker records the checked tarball and the size of what it unpacked to; a truncated copy fails here.
            return Files.readString(marker).equals(markerText(Files.size(lib)));
        } catch (IOException e) {
            return false;
        }
    }

    private static String markerText(long size) {
        return INTEGRITY + "\n" + size + "\n";
    }

    private void fetch(Path dir, Path lib) {
        System.err.println("lakegate: fetching the embedded ClickHouse engine " + PACKAGE + "@" + VERSION
                + " (a download of about 170 MB, once; 540 MB unpacked there, and npm keeps its 170 MB copy in "
                + "its own cache) into " + dir + " ...");
        Path work = null;
        try (FetchProgress progress = new FetchProgress("downloading it with npm")) {
            Files.createDirectories(dir);
            work = Files.createTempDirectory(dir, "fetch-");
            Path tarball = npmPack(work);
            progress.stage("checking its integrity");
            verifyIntegrity(tarball);
            progress.stage("unpacking it");
            Path unpacked = work.resolve("libchdb.so");
            extractLibrary(tarball, unpacked);
            try {
                Files.move(unpacked, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(unpacked, lib, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve(MARKER), markerText(Files.size(lib)));
            System.err.println("lakegate: the embedded engine is in place (" + progress.seconds() + " s)");
        } catch (IOException e) {
            throw new ChdbUnavailableException("Could not store the chDB library in " + dir + ": " + e.getMessage()
                    + ". Set " + CACHE_ENV + " to a writable directory, or " + LIB_ENV + " to an existing libchdb.so.", e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static Path npmPack(Path work) {
        List<String> command = new ArrayList<>(List.of("npm", "pack", PACKAGE + "@" + VERSION, "--silent",
                "--pack-destination", work.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ChdbUnavailableException("The npm client is needed once to fetch the embedded ClickHouse engine ("
                    + PACKAGE + "@" + VERSION + ") but could not be started: " + e.getMessage()
                    + ". Install Node.js and npm (e.g. `apt-get install npm`), or set " + LIB_ENV
                    + " (or --chdb-lib) to an existing libchdb.so.", e);
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ChdbUnavailableException("npm pack " + PACKAGE + "@" + VERSION + " did not finish in 15 minutes.");
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ChdbUnavailableException("npm pack " + PACKAGE + "@" + VERSION + " failed: " + e.getMessage(), e);
        }
        if (process.exitValue() != 0) {
            throw new ChdbUnavailableException("npm could not fetch " + PACKAGE + "@" + VERSION + " (exit "
                    + process.exitValue() + "): " + output.strip() + "\nCheck that the npm registry is reachable "
                    + "(npm config get registry), or set " + LIB_ENV + " to an existing libchdb.so.");
        }
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new ChdbUnavailableException("npm pack reported success but left no tarball in "
                            + work + ". Output: " + output.strip()));
        } catch (IOException e) {
            throw new ChdbUnavailableException("Could not read " + work + ": " + e.getMessage(), e);
        }
    }

    static void verifyIntegrity(Path tarball) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(tarball)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        String actual = "sha512-" + Base64.getEncoder().encodeToString(digest.digest());
        if (!actual.equals(INTEGRITY)) {
            throw new ChdbUnavailableException("The downloaded " + PACKAGE + "@" + VERSION + " tarball failed its "
                    + "integrity check (expected " + INTEGRITY + ", got " + actual + "). It was discarded; check the npm "
                    + "registry you use, or set " + LIB_ENV + " to a trusted libchdb.so.");
        }
    }

    private static void extractLibrary(Path tarball, Path target) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (entry.getName().equals(LIB_ENTRY)) {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new ChdbUnavailableException(PACKAGE + "@" + VERSION + " holds no " + LIB_ENTRY + ".");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless; the next fetch makes a new one
        }
    }
}
