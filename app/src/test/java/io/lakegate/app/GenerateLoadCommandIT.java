package io.lakegate.app;

import io.lakegate.engine.testing.TestClickHouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.lakegate.app.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** `generate` and `load` end to end through the command line against the test ClickHouse. */
class GenerateLoadCommandIT {
    @TempDir
    Path dir;

    @Test
    void generateThenLoad() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        String[] target = {"--clickhouse-url", ch.url(), "--clickhouse-user", ch.user(), "--clickhouse-password",
                ch.password(), "--database", "cli_data", "--no-progress"};
        CommandLineTest.Result notUpdated = run(concat(new String[] {"generate", "--org-count", "1"}, target));
        assertThat(notUpdated.exit()).isEqualTo(1);
        assertThat(notUpdated.err()).contains("run `lakegate schema update` first");
        assertThat(run("schema", "update", "--clickhouse-url", ch.url(), "--clickhouse-user", ch.user(),
                "--clickhouse-password", ch.password(), "--database", "cli_data").exit()).isZero();

        CommandLineTest.Result generated = run(concat(new String[] {"generate", "--orgs", "77,78", "--scale", "0.02",
            "--seed", "11"}, target));
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("entity_operations", "portal_events", "Generated ", "rows/s",
                "org(s) 77, 78", "2 org(s) newly provisioned");
        assertThat(run(concat(new String[] {"org", "list"}, List.of(target).subList(0, 8).toArray(String[]::new)))
                .out()).contains("77 ", "78 ");

        Path file = Files.writeString(dir.resolve("events.ndjson"), String.join("\n",
                "{\"id\":\"e1\",\"org_id\":\"77\",\"session_id\":\"s1\",\"journey_id\":\"j1\",\"type\":"
                        + "\"journey_load_time\",\"details\":{\"loadTime\":412.5},\"created_at\":\"2024-08-01T10:00:00Z\"}",
                "{\"id\":\"e2\",\"org_id\":\"77\",\"session_id\":\"s1\",\"journey_id\":\"j1\",\"type\":\"journey_exit\","
                        + "\"details\":null,\"created_at\":\"not a time\"}",
                "") + "\n");
        CommandLineTest.Result loaded = run(concat(new String[] {"load", "--dataset", "journey_events",
            file.toString()}, target));
        assertThat(loaded.exit()).as(loaded.err()).isEqualTo(LoadCommand.SOME_REJECTED);
        assertThat(loaded.out()).contains("Loaded 1 record(s) into cli_data.journey_events, rejected 1",
                "events.ndjson.rejects.ndjson");
        assertThat(Files.readString(dir.resolve("events.ndjson.rejects.ndjson")))
                .contains("\"line\":2", "'not a time' is not a timestamp");

        Path fromStdin = Files.writeString(dir.resolve("one.ndjson"), "{\"id\":\"e3\",\"org_id\":\"79\",\"session_id\":"
                + "\"s1\",\"journey_id\":\"j1\",\"type\":\"journey_submit\",\"details\":\"{}\",\"created_at\":"
                + "\"2024-08-01 10:05:00\"}\n");
        CommandLineTest.Result again = run(concat(new String[] {"load", "--dataset", "journey_events",
            fromStdin.toString(), "--rejects", dir.resolve("r.ndjson").toString()}, target));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Loaded 1 record(s)", "rejected 0", "org(s) 79 are not provisioned");
        assertThat(Files.exists(dir.resolve("r.ndjson"))).isFalse();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
