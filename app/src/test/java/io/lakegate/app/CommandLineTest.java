package io.lakegate.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {
    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Lakegate.run(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpExplainsEveryCommandAndOption() {
        Result top = run("--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out()).contains("engine");
        Result engine = run("engine", "--help");
        assertThat(engine.exit()).isZero();
        assertThat(engine.out()).contains("--data", "--host", "--port", "--password", "--chdb-lib",
                "--max-concurrent-queries", "LAKEGATE_ENGINE_PASSWORD");
    }

    @Test
    void unknownCommandsAndOptionsAreClearErrors() {
        Result unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument").contains("frobnicate");
        Result badOption = run("engine", "--no-such-option");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option: '--no-such-option'");
        Result badPort = run("engine", "--port", "eighty");
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.err()).contains("eighty");
        Result missing = run();
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing command");
    }

    @Test
    void serveExplainsItsOptionsAndBadInput() {
        Result help = run("serve", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--avatica-port", "--tls-cert", "--tls-key", "--max-execution-seconds",
                "--max-result-rows", "--max-concurrent-queries", "--clickhouse-url");
        Result halfTls = run("serve", "--tls-cert", "cert.pem", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(halfTls.exit()).isEqualTo(1);
        assertThat(halfTls.err()).contains("--tls-cert and --tls-key go together").doesNotContain("Exception");
        Result badLimit = run("serve", "--max-concurrent-queries", "0", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(badLimit.exit()).isEqualTo(1);
        assertThat(badLimit.err()).contains("positive").doesNotContain("Exception");
        Result unreachable = run("serve", "--clickhouse-url", "http://127.0.0.1:9", "--avatica-port", "0");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot reach ClickHouse").doesNotContain("\tat ");
    }

    @Test
    void aMissingLibraryFileIsAClearError() {
        Result r = run("engine", "--chdb-lib", "/nonexistent/libchdb.so", "--data", "target/cli-missing-lib");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("/nonexistent/libchdb.so does not exist").doesNotContain("Exception");
    }

    @Test
    void schemaAndOrgCommandsExplainBadInput() {
        Result badOrg = run("org", "add", "12; DROP TABLE x", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(badOrg.exit()).isEqualTo(1);
        assertThat(badOrg.err()).contains("Invalid org id '12; DROP TABLE x'");
        Result unreachable = run("schema", "status", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot reach ClickHouse at http://127.0.0.1:9")
                .doesNotContain("\tat ");
        Result notUrl = run("schema", "update", "--clickhouse-url", "localhost:8123");
        assertThat(notUrl.exit()).isEqualTo(1);
        assertThat(notUrl.err()).contains("is not an HTTP URL");
        Result noCount = run("schema", "rollback", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(noCount.exit()).isEqualTo(2);
        assertThat(noCount.err()).contains("Missing required option: '--count");
        Result badDatabase = run("schema", "update", "--database", "", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(badDatabase.exit()).isEqualTo(1);
        assertThat(badDatabase.err()).contains("Invalid database name");
        Result help = run("schema", "--help");
        assertThat(help.out()).contains("update", "update-sql", "status", "rollback", "tag", "drift", "release-locks");
        assertThat(run("schema", "drift", "--help").out()).contains("--clickhouse-url", "--data", "--cluster");
    }
}
