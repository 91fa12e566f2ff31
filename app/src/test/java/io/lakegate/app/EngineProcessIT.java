package io.lakegate.app;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lakegate engine} as a separate process, the way users run it. */
class EngineProcessIT {
    private static final Pattern URL = Pattern.compile("on (http://\\S+),");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = Files.createTempDirectory("lakegate-restart");
        Engine first = Engine.start(data);
        try {
            assertThat(post(first.url, "CREATE TABLE kept (x Int32) ENGINE = MergeTree ORDER BY x")).isEmpty();
            assertThat(post(first.url, "INSERT INTO kept SELECT number FROM numbers(1000)")).isEmpty();
        } finally {
            first.stop();
        }
        assertThat(first.process.exitValue()).isNotEqualTo(-1);
        Engine second = Engine.start(data);
        try {
            assertThat(post(second.url, "SELECT count(), sum(x) FROM kept")).isEqualTo("1000\t499500\n");
        } finally {
            second.stop();
        }
    }

    @Test
    void aPublicAddressWithoutPasswordIsRefused() throws Exception {
        Process p = command(Files.createTempDirectory("lakegate-public"), "--host", "0.0.0.0").start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(ErrorReporter.USAGE);
        assertThat(out).contains("set a password");
    }

    private String post(String url, String sql) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static ProcessBuilder command(Path data, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Lakegate.class.getName(), "engine", "--data", data.toString(), "--port", "0"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    private record Engine(Process process, String url) {
        static Engine start(Path data) throws IOException {
            Process p = command(data).start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            reader.transferTo(java.io.Writer.nullWriter());
                        } catch (IOException ignored) {
                            // the process ended
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return new Engine(p, m.group(1));
                }
            }
            throw new AssertionError("lakegate engine did not start:\n" + seen);
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: the shutdown hook stops the endpoint
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("lakegate engine did not stop on SIGTERM");
            }
        }
    }
}
