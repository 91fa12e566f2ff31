package io.lakegate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.engine.testing.TestClickHouse;
import org.junit.jupiter.api.Test;

import static io.lakegate.app.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The schema, org and credentials commands end to end against the test ClickHouse. */
class CredentialsCommandIT {
    @Test
    void issueListRevoke() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        String[] target = {"--clickhouse-url", ch.url(), "--clickhouse-user", ch.user(), "--clickhouse-password",
                ch.password(), "--database", "cli_creds"};
        assertThat(run(concat(new String[] {"schema", "update"}, target)).exit()).isZero();
        CommandLineTest.Result add = run(concat(new String[] {"org", "add", "5", "6"}, target));
        assertThat(add.out()).contains("2 org(s) provisioned");
        assertThat(run(concat(new String[] {"org", "add", "5"}, target)).out()).contains("0 org(s) provisioned");
        assertThat(run(concat(new String[] {"org", "list"}, target)).out()).contains("5 ", "6 ", "(current)");

        CommandLineTest.Result created = run(concat(new String[] {"credentials", "create", "--org", "5", "--json",
                "--label", "analyst"}, target));
        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(created.out());
        String username = json.get("username").asText();
        String password = json.get("password").asText();
        assertThat(json.get("database").asText()).isEqualTo("cli_creds");
        assertThat(json.get("odbc_connection_string").asText()).contains("Database=cli_creds");

        CommandLineTest.Result list = run(concat(new String[] {"credentials", "list", "--org", "5"}, target));
        assertThat(list.out()).contains(username, "active", "(analyst)").doesNotContain(password);
        assertThat(run(concat(new String[] {"credentials", "revoke", username}, target)).exit()).isZero();
        assertThat(run(concat(new String[] {"credentials", "list"}, target)).out()).contains("REVOKED");
        CommandLineTest.Result again = run(concat(new String[] {"credentials", "revoke", username}, target));
        assertThat(again.exit()).isEqualTo(ErrorReporter.USAGE);
        assertThat(again.err()).contains("no active credential");
        CommandLineTest.Result unknownOrg = run(concat(new String[] {"credentials", "create", "--org", "77"}, target));
        assertThat(unknownOrg.exit()).isEqualTo(ErrorReporter.USAGE);
        assertThat(unknownOrg.err()).contains("not provisioned");

        CommandLineTest.Result limited = run(concat(new String[] {"limits", "set", "5", "--max-queries-per-minute",
                "10", "--max-result-rows", "500"}, target));
        assertThat(limited.exit()).as(limited.err()).isZero();
        assertThat(limited.out()).containsPattern("max_queries_per_minute +10 +\\(the org's own\\)")
                .containsPattern("max_result_rows +500 +\\(the org's own\\)")
                .containsPattern("max_execution_seconds +300 +\\(default\\)");
        CommandLineTest.Result reset = run(concat(new String[] {"limits", "set", "5", "--default",
                "max_result_rows"}, target));
        assertThat(reset.out()).containsPattern("max_result_rows +100,000,000 +\\(default\\)")
                .containsPattern("max_queries_per_minute +10 +\\(the org's own\\)");
        assertThat(run(concat(new String[] {"limits", "show", "5"}, target)).out())
                .containsPattern("max_queries_per_minute +10 +\\(the org's own\\)");
        for (String[] bad : new String[][] {{"limits", "set", "5"}, {"limits", "set", "77", "--max-result-rows", "1"},
                {"limits", "set", "5", "--max-concurrent-queries", "0"}, {"limits", "set", "5", "--default", "rows"}}) {
            CommandLineTest.Result refused = run(concat(bad, target));
            assertThat(refused.exit()).as(String.join(" ", bad)).isEqualTo(ErrorReporter.USAGE);
            assertThat(refused.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(run(concat(new String[] {"org", "remove", "6"}, target)).out()).contains("Removed org 6");
    }

    @Test
    void createPrintsTheHostAndPortsOfTheRunningGateway(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        String[] target = {"--clickhouse-url", ch.url(), "--clickhouse-user", ch.user(), "--clickhouse-password",
                ch.password(), "--database", "cli_running", "--data", dir.toString()};
        assertThat(run(concat(new String[] {"schema", "update"}, target)).exit()).isZero();
        assertThat(run(concat(new String[] {"org", "add", "7"}, target)).exit()).isZero();
        String[] create = {"credentials", "create", "--org", "7", "--json"};

        CommandLineTest.Result none = run(concat(create, target));
        assertThat(none.err()).contains("no running gateway found in " + dir);
        JsonNode defaults = new ObjectMapper().readTree(none.out());
        assertThat(defaults.get("host").asText()).isEqualTo("localhost");
        assertThat(defaults.get("avatica_port").asInt()).isEqualTo(8765);

        // a gateway of this very process (alive), as serve and demo publish it
        GatewayAddress.of("gw.example.com", 18765, 18123).publish(dir);
        CommandLineTest.Result found = run(concat(create, target));
        assertThat(found.err()).doesNotContain("no running gateway");
        JsonNode json = new ObjectMapper().readTree(found.out());
        assertThat(json.get("host").asText()).isEqualTo("gw.example.com");
        assertThat(json.get("avatica_port").asInt()).isEqualTo(18765);
        assertThat(json.get("http_port").asInt()).isEqualTo(18123);
        assertThat(json.get("clickhouse_jdbc_url").asText()).isEqualTo("jdbc:clickhouse:http://gw.example.com:18123/"
                + "cli_running");
        // what the user gives still wins
        JsonNode given = new ObjectMapper().readTree(run(concat(new String[] {"credentials", "create", "--org", "7",
                "--json", "--http-port", "9123"}, target)).out());
        assertThat(given.get("http_port").asInt()).isEqualTo(9123);
        assertThat(given.get("avatica_port").asInt()).isEqualTo(18765);

        // a gateway that is gone (its process ended) is not taken for a running one
        java.nio.file.Files.writeString(dir.resolve(GatewayAddress.FILE), "{\"host\":\"gone\",\"avaticaPort\":1,"
                + "\"httpPort\":2,\"pid\":" + Long.MAX_VALUE + "}");
        assertThat(new ObjectMapper().readTree(run(concat(create, target)).out()).get("host").asText())
                .isEqualTo("localhost");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
