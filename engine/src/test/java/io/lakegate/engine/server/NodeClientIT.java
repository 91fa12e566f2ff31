package io.lakegate.engine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.engine.testing.TestClickHouse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The official Node.js client, @clickhouse/client, with its defaults: ping, JSON queries, inserts, typed errors. */
class NodeClientIT {
    @Test
    void nodeClientWorksWithDefaultSettings() throws Exception {
        Path dir = Path.of("target", "node-client");
        Files.createDirectories(dir);
        for (String file : List.of("package.json", "check.js")) {
            try (InputStream in = getClass().getResourceAsStream("/node-client/" + file)) {
                Files.copy(in, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@clickhouse/client"))) {
            run(dir, "npm", "install", "--no-audit", "--no-fund", "--silent");
        }
        TestClickHouse ch = TestClickHouse.get();
        String output = run(dir, "node", "check.js", ch.url(), ch.user(), ch.password());
        JsonNode result = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.get("ping").asBoolean()).isTrue();
        assertThat(result.get("rows")).hasSize(3);
        assertThat(result.get("rows").get(1).get("name").asText()).isEqualTo("two");
        assertThat(result.get("count").asText()).isEqualTo("3");
        assertThat(result.get("error").get("code").asText()).isEqualTo("60");
        assertThat(result.get("error").get("type").asText()).isEqualTo("UNKNOWN_TABLE");
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + text).isZero();
        return text;
    }
}
