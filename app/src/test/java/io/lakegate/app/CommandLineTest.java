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
                "--max-result-rows", "--max-concurrent-queries", "--max-connections-per-credential",
                "--max-connections-per-org", "--clickhouse-url");
        Result halfTls = run("serve", "--tls-cert", "cert.pem", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(halfTls.exit()).isEqualTo(ErrorReporter.USAGE);
        assertThat(halfTls.err()).contains("--tls-cert and --tls-key go together").doesNotContain("Exception");
        Result badLimit = run("serve", "--max-concurrent-queries", "0", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(badLimit.exit()).isEqualTo(ErrorReporter.USAGE);
        assertThat(badLimit.err()).contains("positive").doesNotContain("Exception");
        Result badCap = run("serve", "--max-connections-per-org", "0", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(badCap.exit()).isEqualTo(ErrorReporter.USAGE);
        assertThat(badCap.err()).contains("positive").doesNotContain("Exception");
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
        assertThat(badOrg.exit()).isEqualTo(ErrorReporter.USAGE);
        assertThat(badOrg.err()).contains("Invalid org id '12; DROP TABLE x'");
        Result unreachable = run("schema", "status", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot reach ClickHouse at http://127.0.0.1:9")
                .doesNotContain("\tat ");
        Result notUrl = run("schema", "update", "--clickhouse-url", "localhost:8123");
        assertThat(notUrl.exit()).isEqualTo(ErrorReporter.USAGE);
        assertThat(notUrl.err()).contains("is not an HTTP URL");
        Result noCount = run("schema", "rollback", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(noCount.exit()).isEqualTo(2);
        assertThat(noCount.err()).contains("Missing required option: '--count");
        Result badDatabase = run("schema", "update", "--database", "", "--clickhouse-url", "http://127.0.0.1:9");
        assertThat(badDatabase.exit()).isEqualTo(ErrorReporter.USAGE);
        assertThat(badDatabase.err()).contains("Invalid database name");
        Result help = run("schema", "--help");
        assertThat(help.out()).contains("update", "update-sql", "status", "rollback", "tag", "drift", "release-locks");
        assertThat(run("schema", "drift", "--help").out()).contains("--clickhouse-url", "--data", "--cluster");
    }

    @Test
    void demoExplainsItsOptionsAndBadInputInOneLine() {
        Result help = run("demo", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--data", "--orgs", "--scale", "--host", "--avatica-port", "--http-port",
                "--clickhouse-url", "connections.json");
        // the validation comes first: nothing starts (the unreachable URL would be the next error otherwise)
        String[] target = {"--data", "target/cli-demo", "--clickhouse-url", "http://127.0.0.1:9"};
        assertOneLineError(run(concat(target, "demo", "--orgs", "0")), "--orgs must be between 1 and 1000", "not 0");
        assertOneLineError(run(concat(target, "demo", "--orgs", "-3")), "--orgs must be between 1 and 1000");
        assertOneLineError(run(concat(target, "demo", "--scale", "-1")), "--scale must be a number above 0",
                "not -1.0");
        assertOneLineError(run(concat(target, "demo", "--scale", "0")), "--scale must be a number above 0");
        assertOneLineError(run(concat(target, "demo", "--avatica-port", "70000")),
                "--avatica-port 70000 is not a TCP port");
        assertOneLineError(run(concat(target, "demo", "--avatica-port", "-1")), "--avatica-port -1 is not a TCP port");
        assertOneLineError(run(concat(target, "demo", "--http-port", "-2")), "--http-port -2 is not a TCP port",
                "-1 to turn the ClickHouse door off");
        assertOneLineError(run(concat(target, "demo", "--avatica-port", "9000", "--http-port", "9000")),
                "the two doors need different ports");
        Result notANumber = run(concat(target, "demo", "--http-port", "eighty"));
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).contains("'eighty' is not an int").doesNotContain("\tat ");
        Result unreachable = run(concat(target, "demo", "--avatica-port", "0", "--http-port", "0"));
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("Cannot reach ClickHouse at http://127.0.0.1:9")
                .doesNotContain("\tat ");
    }

    private static void assertOneLineError(Result r, String... expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ErrorReporter.USAGE);
        assertThat(r.err()).startsWith("lakegate: ").contains(expected).doesNotContain("Exception", "\tat ");
        assertThat(r.err().strip()).as("one line").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    private static String[] concat(String[] options, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + options.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return all;
    }
}
