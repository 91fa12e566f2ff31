package io.lakegate.app;

import io.lakegate.engine.protocol.ClickHouseHttpServer;
import io.lakegate.schema.data.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.lakegate.app.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 19: what the command prints says what it is, and nothing in it is for a terminal when none is there. */
class QuietOutputTest {
    @TempDir
    Path dir;

    @Test
    void versionNamesTheReleaseAndTheCommit() {
        CommandLineTest.Result r = run("-V");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("development build")
                .containsPattern("^lakegate \\d+\\.\\d+\\.\\d+\\S* \\(commit \\S+\\)");
    }

    @Test
    void everyUsageErrorExitsWithTheDocumentedCode() {
        assertThat(run("engine", "--no-such-option").exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("engine", "--port", "70000").exit()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("serve", "--max-concurrent-queries", "0", "--clickhouse-url", "http://127.0.0.1:9").exit())
                .isEqualTo(CommandLine.ExitCode.USAGE);
        // not the user's input: a failure, not bad usage
        assertThat(run("schema", "status", "--clickhouse-url", "http://127.0.0.1:9").exit())
                .isEqualTo(ErrorReporter.FAILURE);
        assertThat(run("--help").out()).contains("Exit codes").containsPattern("2\\s+bad usage");
    }

    @Test
    void noProgressBarWhenStderrIsNotATerminal() {
        // surefire's stderr is a pipe: without --progress the bar stays off, --progress and --no-progress decide
        ProgressOption auto = new ProgressOption();
        assertThat(auto.enabled()).isFalse();
        auto.on = true;
        assertThat(auto.enabled()).isTrue();
        auto.on = false;
        assertThat(auto.enabled()).isFalse();
        assertThat(Progress.stderrIsTerminal()).isFalse();
    }

    @Test
    void aProgressBarInAFileHasNoCarriageReturnsAndEndsItsLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.bar("load x", 100, " rows", 1, out, false)) {
            for (int i = 0; i < 10; i++) {
                p.step(10);
                Thread.sleep(60);
            }
        }
        out.print("Loaded 100 record(s)");
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(lines.size() - 1)).as(text).isEqualTo("Loaded 100 record(s)");
        assertThat(lines.get(lines.size() - 2)).as(text).contains("load x", "100%");
    }

    @Test
    void aBarClosedAtOnceStillEndsItsLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        for (int i = 0; i < 20; i++) {
            try (Progress p = Progress.bar("load x", 10, " rows", 1, out, true)) {
                p.step(10);
            }
            out.println("summary " + i);
        }
        // every summary on a line of its own: none glued to a bar, and no bar frame after a summary
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("summary")))
                .allSatisfy(l -> assertThat(l).startsWith("summary"));
    }

    @Test
    void aDemoInterruptedWhileGeneratingSaysSo() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            DemoCommand.Stopper stopper = new DemoCommand.Stopper();
            stopper.whileStopping("interrupted while generating org(s) 16581729");
            stopper.stop();
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("interrupted while generating org(s) 16581729");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ClickHouseHttpServer.start("127.0.0.1", port, null, 1))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("127.0.0.1:" + port).hasMessageContaining("in use");
        }
    }

    @Test
    void theLauncherRebuildsForMainSourcesButNotForTests() throws Exception {
        Path root = dir.resolve("repo");
        Files.createDirectories(root.resolve("app/target"));
        Files.createDirectories(root.resolve("app/src/main/java"));
        Files.createDirectories(root.resolve("app/src/test/java"));
        Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("..", "lakegate"), root.resolve("lakegate"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("app/pom.xml"), "<project/>");
        Path main = Files.writeString(root.resolve("app/src/main/java/A.java"), "class A {}");
        Path test = Files.writeString(root.resolve("app/src/test/java/ATest.java"), "class ATest {}");
        Path jar = Files.writeString(root.resolve("app/target/lakegate-all.jar"), "jar");
        Path log = root.resolve("mvn.log");
        fake(root.resolve("bin/mvn"), "echo \"mvn $*\" >> " + log + "\n");
        fake(root.resolve("bin/java"), "exit 0\n");
        Instant built = Instant.now().minusSeconds(60);
        // directories too: a source added or deleted changes its directory, and that counts as a change
        for (Path p : List.of(root.resolve("pom.xml"), root.resolve("app/pom.xml"), main, test,
                main.getParent(), main.getParent().getParent(), test.getParent(), test.getParent().getParent())) {
            Files.setLastModifiedTime(p, FileTime.from(built.minusSeconds(60)));
        }
        Files.setLastModifiedTime(jar, FileTime.from(built));

        Files.setLastModifiedTime(test, FileTime.from(Instant.now()));
        launch(root);
        assertThat(log).doesNotExist();

        Files.setLastModifiedTime(main, FileTime.from(Instant.now()));
        launch(root);
        assertThat(Files.readString(log)).contains("package", "-Dstyle.color=never");
    }

    private static void fake(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void launch(Path root) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("lakegate").toString(), "--help")
                .redirectErrorStream(true);
        pb.environment().put("PATH", root.resolve("bin") + ":/usr/bin:/bin");
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
