package io.lakegate.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.proxy.gateway.Gateway;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The admin API driven with the JDK's HTTP client against a real gateway on ClickHouse: orgs, credentials that log in
 * through both doors and stop at once when revoked, limits changed and enforced on the next query, tokens refused
 * or confined to their org, and metrics that count what the audit table records.
 */
class AdminApiIT {
    private static final String ORG = AdminFixture.ORG;
    private static final String OTHER = AdminFixture.OTHER;
    private static final String OPERATOR_TOKEN = AdminFixture.OPERATOR_TOKEN;
    private static final String ORG_TOKEN = AdminFixture.ORG_TOKEN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIVE_ROWS = "SELECT activity_id FROM entity_operations ORDER BY activity_id";

    private final AdminFixture fx = AdminFixture.get();
    private final SchemaSettings settings = fx.settings;
    private final Gateway gateway = fx.gateway;

    @Test
    void aWrongOrMissingTokenGets401AndNothingElse() throws Exception {
        for (String token : new String[] {null, "", "wrong-token-of-enough-length", OPERATOR_TOKEN + "x"}) {
            for (String path : new String[] {"/api/orgs", "/api/orgs/" + ORG + "/credentials", "/api/orgs/999/limits",
                    "/metrics", "/api/nothing"}) {
                HttpResponse<String> r = fx.call("GET", path, token, null);
                assertThat(r.statusCode()).as(path + " with " + token).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                        assertThat(v).startsWith("Bearer"));
                JsonNode body = JSON.readTree(r.body());
                assertThat(body.path("error").asText()).contains("admin token");
                assertThat(r.body()).doesNotContain(ORG).doesNotContain("999");
            }
        }
        HttpResponse<String> writing = fx.call("POST", "/api/orgs", "not-the-token-but-long", "{\"org_id\": \"42\"}");
        assertThat(writing.statusCode()).isEqualTo(401);
        assertThat(orgIds(OPERATOR_TOKEN)).doesNotContain("42");
    }

    @Test
    void orgsAreProvisionedListedAndRemoved() throws Exception {
        assertThat(orgIds(OPERATOR_TOKEN)).contains(ORG, OTHER);
        HttpResponse<String> created = fx.call("POST", "/api/orgs", OPERATOR_TOKEN, "{\"org_id\": \"1709\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("views_current").asBoolean()).isTrue();
        assertThat(fx.call("POST", "/api/orgs", OPERATOR_TOKEN, "{\"org_id\": \"1709\"}").statusCode()).isEqualTo(200);
        assertThat(orgIds(OPERATOR_TOKEN)).contains("1709");
        assertThat(fx.sql("SELECT count() FROM system.tables WHERE database = currentDatabase() "
                + "AND name = '1709_entity_operations'")).isEqualTo("1");

        assertThat(fx.call("DELETE", "/api/orgs/1709", OPERATOR_TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(orgIds(OPERATOR_TOKEN)).doesNotContain("1709");
        HttpResponse<String> again = fx.call("DELETE", "/api/orgs/1709", OPERATOR_TOKEN, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(again.body()).path("error").asText()).contains("1709 is not provisioned");
    }

    @Test
    void badInputGetsA4xxSayingWhatIsWrong() throws Exception {
        assertError(fx.call("POST", "/api/orgs", OPERATOR_TOKEN, "{\"org_id\": \"12; DROP\"}"), 400, "org");
        assertError(fx.call("POST", "/api/orgs", OPERATOR_TOKEN, "{\"org\": \"12\"}"), 400, "org_id");
        assertError(fx.call("POST", "/api/orgs", OPERATOR_TOKEN, "{\"org_id\": 12"), 400, "not JSON");
        assertError(fx.call("POST", "/api/orgs", OPERATOR_TOKEN, null), 400, "JSON object");
        assertError(fx.call("PUT", "/api/orgs", OPERATOR_TOKEN, "{}"), 405, "GET, POST");
        assertError(fx.call("GET", "/api/orgs/424242/credentials", OPERATOR_TOKEN, null), 404, "not provisioned");
        assertError(fx.call("GET", "/api/orgs/" + ORG + "/tables", OPERATOR_TOKEN, null), 404, "/credentials");
        assertError(fx.call("DELETE", "/api/orgs/" + ORG + "/credentials/nobody", OPERATOR_TOKEN, null), 404,
                "no active credential named 'nobody'");
        assertError(fx.call("POST", "/api/orgs/" + ORG + "/credentials", OPERATOR_TOKEN, "{\"label\": 5}"), 400,
                "label must be a string");
        String limits = "/api/orgs/" + ORG + "/limits";
        assertError(fx.call("PUT", limits, OPERATOR_TOKEN, "{\"max_result_rows\": -1}"), 400, "max_result_rows");
        assertError(fx.call("PUT", limits, OPERATOR_TOKEN, "{\"max_result_rows\": \"many\"}"), 400, "whole number");
        assertError(fx.call("PUT", limits, OPERATOR_TOKEN, "{\"max_rows\": 5}"), 400, "Unknown limit 'max_rows'");
        assertError(fx.call("PUT", limits, OPERATOR_TOKEN, "{\"max_concurrent_queries\": 0}"), 400,
                "max_concurrent_queries");
        assertError(fx.call("PUT", limits, OPERATOR_TOKEN, "[1]"), 400, "JSON object");
        assertError(fx.call("POST", "/api/orgs", OPERATOR_TOKEN, "x".repeat(AdminServer.MAX_BODY_BYTES + 1)), 413,
                "larger than");
        // nothing of the refused changes was kept
        assertThat(JSON.readTree(fx.call("GET", limits, OPERATOR_TOKEN, null).body()).path("own").size()).isZero();
    }

    @Test
    void aCredentialIsIssuedUsedThroughBothDoorsListedAndRevoked() throws Exception {
        HttpResponse<String> issued = fx.call("POST", "/api/orgs/" + ORG + "/credentials", OPERATOR_TOKEN,
                "{\"label\": \"Power BI, finance\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode c = JSON.readTree(issued.body());
        String user = c.path("username").asText();
        String password = c.path("password").asText();
        assertThat(c.path("org_id").asText()).isEqualTo(ORG);
        assertThat(c.path("clickhouse_jdbc_url").asText())
                .isEqualTo("jdbc:clickhouse:http://127.0.0.1:" + gateway.httpPort() + "/" + settings.database());
        assertThat(c.path("odbc_connection_string").asText()).contains("UID=" + user, "PWD=" + password);

        assertThat(fx.clickHouseDoor(user, password, "SELECT count() FROM entity_operations").body().strip())
                .isEqualTo("5");
        Connection open = fx.avatica(user, password);
        assertThat(count(open)).isEqualTo(5);

        HttpResponse<String> listed = fx.call("GET", "/api/orgs/" + ORG + "/credentials", OPERATOR_TOKEN, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode mine = find(JSON.readTree(listed.body()), user);
        assertThat(mine.path("label").asText()).isEqualTo("Power BI, finance");
        assertThat(mine.path("active").asBoolean()).isTrue();
        assertThat(mine.path("created_at").asText()).isNotEmpty();
        assertThat(listed.body()).doesNotContain(password).doesNotContain("password").doesNotContain("$2a$");
        // another org's list does not show it
        assertThat(fx.call("GET", "/api/orgs/" + OTHER + "/credentials", OPERATOR_TOKEN, null).body())
                .doesNotContain(user);
        // nor can it be revoked through another org
        assertThat(fx.call("DELETE", "/api/orgs/" + OTHER + "/credentials/" + user, OPERATOR_TOKEN, null).statusCode())
                .isEqualTo(404);

        assertThat(fx.call("DELETE", "/api/orgs/" + ORG + "/credentials/" + user, OPERATOR_TOKEN, null).statusCode())
                .isEqualTo(200);
        assertThat(fx.clickHouseDoor(user, password, "SELECT 1").statusCode()).isIn(401, 403, 516);
        assertThat(catchThrowable(() -> fx.avatica(user, password))).isNotNull();
        // the connection opened before the revocation ends within seconds
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Throwable ended = null;
        while (ended == null && System.nanoTime() < deadline) {
            ended = catchThrowable(() -> count(open));
            Thread.sleep(200);
        }
        assertThat(ended).as("the open connection of a revoked credential ends").isNotNull();
        JsonNode after = find(JSON.readTree(fx.call("GET", "/api/orgs/" + ORG + "/credentials", OPERATOR_TOKEN, null)
                .body()), user);
        assertThat(after.path("active").asBoolean()).isFalse();
        // its queries are in the audit trail, which says when it was last used
        assertThat(after.path("last_used_at").asText()).startsWith(mine.path("created_at").asText().substring(0, 10));
        assertThat(after.path("revoked_at").asText()).isNotEmpty();
    }

    @Test
    void limitsChangedThroughTheApiHoldOnTheNextQueryOfBothDoors() throws Exception {
        JsonNode c = JSON.readTree(fx.call("POST", "/api/orgs/" + OTHER + "/credentials", OPERATOR_TOKEN, null).body());
        String user = c.path("username").asText();
        String password = c.path("password").asText();
        String limits = "/api/orgs/" + OTHER + "/limits";
        JsonNode before = JSON.readTree(fx.call("GET", limits, OPERATOR_TOKEN, null).body());
        assertThat(before.path("limits").path("max_result_rows").asLong())
                .isEqualTo(TenantLimits.DEFAULTS.maxResultRows());
        assertThat(before.path("own").size()).isZero();
        try (Connection jdbc = fx.avatica(user, password)) {
            assertThat(rows(jdbc, FIVE_ROWS)).isEqualTo(5);

            HttpResponse<String> set = fx.call("PUT", limits, OPERATOR_TOKEN, "{\"max_result_rows\": 2}");
            assertThat(set.statusCode()).isEqualTo(200);
            JsonNode now = JSON.readTree(set.body());
            assertThat(now.path("limits").path("max_result_rows").asLong()).isEqualTo(2);
            assertThat(now.path("own").path("max_result_rows").asLong()).isEqualTo(2);
            assertThat(now.path("defaults").path("max_result_rows").asLong())
                    .isEqualTo(TenantLimits.DEFAULTS.maxResultRows());
            assertThat(fx.sql("SELECT max_result_rows FROM lakegate_limits FINAL WHERE org_id = '"
                    + OTHER + "'")).isEqualTo("2");

            HttpResponse<String> overClickHouse = fx.clickHouseDoor(user, password, FIVE_ROWS);
            assertThat(overClickHouse.statusCode()).isNotEqualTo(200);
            // ClickHouse's own words here: it fails the query while the door streams its answer
            assertThat(overClickHouse.body()).contains("max rows: 2", "TOO_MANY_ROWS_OR_BYTES");
            assertThat(catchThrowable(() -> rows(jdbc, FIVE_ROWS))).hasMessageContaining("max_result_rows (2)");
            // another org keeps the defaults
            JsonNode other = JSON.readTree(fx.call("GET", "/api/orgs/" + ORG + "/limits", OPERATOR_TOKEN, null).body());
            assertThat(other.path("limits").path("max_result_rows").asLong())
                    .isEqualTo(TenantLimits.DEFAULTS.maxResultRows());

            assertThat(fx.call("PUT", limits, OPERATOR_TOKEN, "{\"max_result_rows\": null, \"max_queries_per_minute\": 3}")
                    .statusCode()).isEqualTo(200);
            assertThat(rows(jdbc, FIVE_ROWS)).isEqualTo(5);
            assertThat(fx.clickHouseDoor(user, password, FIVE_ROWS).statusCode()).isEqualTo(200);
            assertThat(rows(jdbc, FIVE_ROWS)).isEqualTo(5);
            HttpResponse<String> fourth = fx.clickHouseDoor(user, password, FIVE_ROWS);
            assertThat(fourth.statusCode()).isNotEqualTo(200);
            assertThat(fourth.body()).contains("max_queries_per_minute (3) reached for org " + OTHER);
            assertThat(catchThrowable(() -> rows(jdbc, FIVE_ROWS))).hasMessageContaining("max_queries_per_minute");

            assertThat(fx.call("PUT", limits, OPERATOR_TOKEN, "{\"max_queries_per_minute\": null}").statusCode())
                    .isEqualTo(200);
            assertThat(rows(jdbc, FIVE_ROWS)).isEqualTo(5);
            assertThat(JSON.readTree(fx.call("GET", limits, OPERATOR_TOKEN, null).body()).path("own").size()).isZero();
        }
    }

    @Test
    void anOrgTokenManagesItsOrgAndNoOther() throws Exception {
        assertThat(orgIds(ORG_TOKEN)).containsExactly(ORG);
        assertThat(fx.call("GET", "/api/orgs/" + ORG + "/credentials", ORG_TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(fx.call("GET", "/api/orgs/" + ORG + "/limits", ORG_TOKEN, null).statusCode()).isEqualTo(200);
        HttpResponse<String> own = fx.call("POST", "/api/orgs/" + ORG + "/credentials", ORG_TOKEN, "{}");
        assertThat(own.statusCode()).isEqualTo(201);

        JsonNode neighbours = JSON.readTree(fx.call("POST", "/api/orgs/" + OTHER + "/credentials", OPERATOR_TOKEN, null)
                .body());
        String theirs = neighbours.path("username").asText();
        for (String[] request : new String[][] {{"GET", "/api/orgs/" + OTHER + "/credentials", null},
                {"POST", "/api/orgs/" + OTHER + "/credentials", "{}"},
                {"DELETE", "/api/orgs/" + OTHER + "/credentials/" + theirs, null},
                {"GET", "/api/orgs/" + OTHER + "/limits", null},
                {"PUT", "/api/orgs/" + OTHER + "/limits", "{\"max_result_rows\": 1}"},
                {"DELETE", "/api/orgs/" + OTHER, null},
                {"GET", "/api/orgs/424242/credentials", null}}) {
            HttpResponse<String> r = fx.call(request[0], request[1], ORG_TOKEN, request[2]);
            assertThat(r.statusCode()).as(String.join(" ", request[0], request[1])).isEqualTo(403);
            assertThat(r.body()).contains("only").doesNotContain(theirs);
        }
        assertError(fx.call("POST", "/api/orgs", ORG_TOKEN, "{\"org_id\": \"1708\"}"), 403, "operator token");
        assertError(fx.call("DELETE", "/api/orgs/" + ORG, ORG_TOKEN, null), 403, "operator token");
        assertError(fx.call("GET", "/metrics", ORG_TOKEN, null), 403, "operator token");
        // its own org's path does not reach another org's credential either
        assertThat(fx.call("DELETE", "/api/orgs/" + ORG + "/credentials/" + theirs, ORG_TOKEN, null).statusCode())
                .isEqualTo(404);
        assertThat(fx.clickHouseDoor(theirs, neighbours.path("password").asText(), "SELECT 1").statusCode())
                .isEqualTo(200);
        assertThat(fx.sql("SELECT count() FROM lakegate_limits WHERE org_id = '" + OTHER
                + "' AND max_result_rows = 1")).isEqualTo("0");
        assertThat(orgIds(OPERATOR_TOKEN)).contains(OTHER);
    }

    @Test
    void healthAndReadinessNeedNoToken() throws Exception {
        HttpResponse<String> alive = fx.call("GET", "/healthz", null, null);
        assertThat(alive.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(alive.body()).path("status").asText()).isEqualTo("alive");
        HttpResponse<String> ready = fx.call("GET", "/readyz", null, null);
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode r = JSON.readTree(ready.body());
        assertThat(r.path("ready").asBoolean()).isTrue();
        assertThat(r.path("clickhouse").asBoolean()).isTrue();
        assertThat(r.path("schema_current").asBoolean()).isTrue();
    }

    /**
     * A mix of queries through both doors (answered, refused by the gateway, failed by ClickHouse, JDBC prepares),
     * then a scrape: its query counts for the org are the audit table's, door by door and outcome by outcome.
     */
    @Test
    void aScrapeCountsWhatTheAuditTableRecords() throws Exception {
        String org = "1702";
        assertThat(fx.call("POST", "/api/orgs", OPERATOR_TOKEN, "{\"org_id\": \"" + org + "\"}").statusCode())
                .isEqualTo(201);
        JsonNode c = JSON.readTree(fx.call("POST", "/api/orgs/" + org + "/credentials", OPERATOR_TOKEN, null).body());
        String user = c.path("username").asText();
        String password = c.path("password").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(fx.clickHouseDoor(user, password, "SELECT count() FROM entity_operations").statusCode())
                    .isEqualTo(200);
        }
        assertThat(fx.clickHouseDoor(user, password, "DROP TABLE entity_operations").statusCode()).isNotEqualTo(200);
        assertThat(fx.clickHouseDoor(user, password, "SELECT throwIf(count() = 0, 'none') FROM entity_operations")
                .statusCode()).isNotEqualTo(200);
        try (Connection jdbc = fx.avatica(user, password)) {
            assertThat(count(jdbc)).isZero();
            assertThat(count(jdbc)).isZero();
            try (var ps = jdbc.prepareStatement("SELECT count() AS n FROM entity_operations WHERE schema = ?")) {
                ps.setString(1, "opportunity");
                ps.executeQuery().close();
            }
            assertThat(catchThrowable(() -> rows(jdbc, "SELECT * FROM system.processes"))).isNotNull();
        }
        Map<String, Long> audited = waitForAuditRows(org, 10);
        Map<String, Long> scraped = scrapedQueries(org);
        assertThat(scraped).isEqualTo(audited);
        assertThat(audited).containsEntry("clickhouse/query/ok", 3L).containsEntry("clickhouse/query/error", 2L)
                .containsEntry("avatica/prepare/ok", 1L).containsEntry("avatica/query/ok", 3L)
                .containsEntry("avatica/query/error", 1L);
        String metrics = fx.call("GET", "/metrics", OPERATOR_TOKEN, null).body();
        assertThat(metrics).contains("lakegate_query_duration_seconds_bucket{door=\"clickhouse\"")
                .contains("lakegate_query_errors_total{door=\"clickhouse\",kind=\"refused\"}")
                .contains("lakegate_query_errors_total{door=\"clickhouse\",kind=\"clickhouse\"}")
                .contains("lakegate_jdbc_connections_open").contains("lakegate_login_failures_total{reason=\"wrong\"}")
                .contains("lakegate_audit_written_total").contains("lakegate_credential_reads_total")
                .contains("lakegate_result_bytes_total{door=\"clickhouse\",org=\""
                        + org + "\"}");
        assertThat(fx.sql("SELECT sum(bytes) > 0, countIf(error_kind = 'refused'), "
                + "countIf(error_kind = 'clickhouse') FROM lakegate_audit WHERE org_id = '" + org + "' AND door = "
                + "'clickhouse'")).isEqualTo("1\t1\t1");
    }

    private Map<String, Long> waitForAuditRows(String org, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Map<String, Long> counts = new TreeMap<>();
            long total = 0;
            for (String line : fx.sql("SELECT door, if(step = '', 'query', step), outcome, "
                    + "count() FROM lakegate_audit WHERE org_id = '" + org + "' GROUP BY ALL").split("\n")) {
                if (!line.isBlank()) {
                    String[] f = line.split("\t");
                    counts.put(f[0] + "/" + f[1] + "/" + f[2], Long.parseLong(f[3]));
                    total += Long.parseLong(f[3]);
                }
            }
            if ((total >= atLeast && gateway.auditTable().buffered() == 0) || System.nanoTime() > deadline) {
                return counts;
            }
            Thread.sleep(100);
        }
    }

    private Map<String, Long> scrapedQueries(String org) throws Exception {
        Pattern line = Pattern.compile("lakegate_queries_total\\{door=\"([a-z]+)\",org=\"" + org
                + "\",outcome=\"([a-z]+)\",step=\"([a-z]+)\"} ([0-9.E]+)");
        Map<String, Long> counts = new TreeMap<>();
        Matcher m = line.matcher(fx.call("GET", "/metrics", OPERATOR_TOKEN, null).body());
        while (m.find()) {
            counts.put(m.group(1) + "/" + m.group(3) + "/" + m.group(2), (long) Double.parseDouble(m.group(4)));
        }
        return counts;
    }

    private static void assertError(HttpResponse<String> r, int status, String says) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("application/json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).contains(says).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static JsonNode find(JsonNode list, String username) {
        for (JsonNode c : list) {
            if (c.path("username").asText().equals(username)) {
                return c;
            }
        }
        throw new AssertionError(username + " is not in " + list);
    }

    private java.util.List<String> orgIds(String token) throws Exception {
        HttpResponse<String> r = fx.call("GET", "/api/orgs", token, null);
        assertThat(r.statusCode()).isEqualTo(200);
        java.util.List<String> ids = new java.util.ArrayList<>();
        JSON.readTree(r.body()).forEach(o -> ids.add(o.path("org_id").asText()));
        return ids;
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count() AS n FROM "
                + "entity_operations")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }
}
