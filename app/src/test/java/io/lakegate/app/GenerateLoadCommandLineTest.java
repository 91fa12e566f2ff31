package io.lakegate.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.lakegate.app.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `generate` and `load` explain bad input in one line, before touching ClickHouse, and never show a stack trace. */
class GenerateLoadCommandLineTest {
    private static final String NOWHERE = "http://127.0.0.1:9";

    @TempDir
    Path dir;

    private static void assertOneLineError(CommandLineTest.Result r, int exit, String... parts) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).contains(parts).doesNotContain("\tat ").doesNotContain("Exception");
        if (r.err().startsWith("lakegate: ")) {
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
    }

    @Test
    void helpExplainsEveryOption() {
        CommandLineTest.Result generate = run("generate", "--help");
        assertThat(generate.exit()).isZero();
        assertThat(generate.out().replaceAll("\\s+", " ")).contains("--orgs", "--org-count", "--scale", "--seed", "--from", "--to",
                "--threads", "--[no-]progress", "--data", "--clickhouse-url", "--database", "100,000 rows per org");
        CommandLineTest.Result load = run("load", "--help");
        assertThat(load.exit()).isZero();
        assertThat(load.out().replaceAll("\\s+", " ")).contains("--dataset", "FILE|-", "--rejects", "--batch-size", "--[no-]progress",
                "--clickhouse-url", "entity_operations", "portal_events", "rejects.ndjson");
        assertThat(run("--help").out()).contains("generate", "load");
    }

    @Test
    void generateRejectsBadOptions() {
        assertOneLineError(run("generate", "--scale", "-1", "--clickhouse-url", NOWHERE), 2,
                "--scale must be a number above 0");
        assertOneLineError(run("generate", "--scale", "lots", "--clickhouse-url", NOWHERE), 2, "lots");
        assertOneLineError(run("generate", "--org-count", "0", "--clickhouse-url", NOWHERE), 2,
                "--org-count must be between 1 and 100000");
        assertOneLineError(run("generate", "--orgs", "12,x;DROP", "--clickhouse-url", NOWHERE), 2,
                "Invalid org id 'x;DROP'");
        assertOneLineError(run("generate", "--orgs", "12,12", "--clickhouse-url", NOWHERE), 2,
                "--orgs lists an org more than once");
        assertOneLineError(run("generate", "--from", "2025-01-01", "--to", "2024-01-01", "--clickhouse-url",
                NOWHERE), 2, "--from (2025-01-01) must be a day before --to (2024-01-01)");
        assertOneLineError(run("generate", "--from", "yesterday", "--clickhouse-url", NOWHERE), 2,
                "--from 'yesterday' is not a date: use yyyy-MM-dd");
        assertOneLineError(run("generate", "--threads", "0", "--clickhouse-url", NOWHERE), 2,
                "--threads must be 1 or more");
        CommandLineTest.Result both = run("generate", "--orgs", "1", "--org-count", "2", "--clickhouse-url", NOWHERE);
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertOneLineError(run("generate", "--org-count", "1", "--clickhouse-url", NOWHERE, "--no-progress"), 1,
                "Cannot reach ClickHouse at " + NOWHERE);
    }

    @Test
    void loadRejectsBadInputWithOneLine() throws Exception {
        Path good = Files.writeString(dir.resolve("good.ndjson"), "{}\n");
        assertOneLineError(run("load", "--dataset", "entity_ops", good.toString(), "--clickhouse-url", NOWHERE), 2,
                "Unknown dataset 'entity_ops': choose one of entity_operations, workflow_executions");
        assertOneLineError(run("load", "--dataset", "journey_events", dir.resolve("missing.ndjson").toString(),
                "--clickhouse-url", NOWHERE), 2, "missing.ndjson does not exist");
        assertOneLineError(run("load", "--dataset", "journey_events", dir.toString(), "--clickhouse-url", NOWHERE),
                2, "is a directory, not a file of JSON lines");
        Path empty = Files.createFile(dir.resolve("empty.ndjson"));
        assertOneLineError(run("load", "--dataset", "journey_events", empty.toString(), "--clickhouse-url", NOWHERE),
                2, "empty.ndjson is empty: no records to load");
        Path binary = Files.write(dir.resolve("garbage.bin"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 0, 0, -1, -2});
        assertOneLineError(run("load", "--dataset", "journey_events", binary.toString(), "--clickhouse-url",
                NOWHERE), 2, "garbage.bin is binary, not newline-delimited JSON text");
        Path gzip = Files.write(dir.resolve("x.ndjson.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        assertOneLineError(run("load", "--dataset", "journey_events", gzip.toString(), "--clickhouse-url", NOWHERE),
                2, "is gzip-compressed: decompress it first");
        assertOneLineError(run("load", "--dataset", "journey_events", good.toString(), "--clickhouse-url", NOWHERE,
                "--no-progress"), 1, "Cannot reach ClickHouse at " + NOWHERE);
        assertOneLineError(run("load", "--dataset", "journey_events", good.toString(), "--batch-size", "0",
                "--clickhouse-url", NOWHERE), 2, "--batch-size must be 1 or more");
        CommandLineTest.Result noDataset = run("load", good.toString(), "--clickhouse-url", NOWHERE);
        assertThat(noDataset.exit()).isEqualTo(2);
        assertThat(noDataset.err()).contains("Missing required option: '--dataset=NAME'");
        CommandLineTest.Result noFile = run("load", "--dataset", "journey_events", "--clickhouse-url", NOWHERE);
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("Missing required parameter: 'FILE|-'");
    }
}
