package io.lakegate.proxy.gateway;

import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.admin.AdminTokens;
import io.lakegate.proxy.clickhouse.UpstreamClickHouse;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ClickHouse goes away under a running gateway: readiness turns false, audit records wait in the buffer (bounded:
 * beyond it they are counted as lost) and reach the table once ClickHouse is back, each once. Needs the embedded
 * engine, whose HTTP endpoint the test stops and starts.
 */
class AuditOutageIT {
    private static final String TOKEN = AdminTokens.generate();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RestartableEngine engine;
    private static SchemaSettings settings;
    private static Gateway gateway;

    @BeforeAll
    static void gatewayOnItsOwnEndpoint() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        assumeTrue(ch.isEmbedded(), "AuditOutageIT stops and restarts ClickHouse, which it can only do with the "
                + "embedded engine (CLICKHOUSE_URL or -Ptestcontainers is set)");
        engine = RestartableEngine.start();
        ClickHouseTarget target = ClickHouseTarget.remote(engine.url(), "default", "");
        settings = SchemaSettings.defaults().withDatabase("gw_audit_" + ProcessHandle.current().pid());
        ch.post("DROP DATABASE IF EXISTS " + settings.database() + " SYNC", "");
        new SchemaManager(target, settings).update();
        gateway = Gateway.start(target, settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null,
                TenantLimits.DEFAULTS, new Gateway.Admin(0, AdminTokens.operator(TOKEN), "127.0.0.1"),
                new AuditTable.Settings(5, 100, Duration.ofMillis(100), Duration.ofSeconds(2))));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (settings != null && TestClickHouse.get().isEmbedded()) {
            TestClickHouse.get().post("DROP DATABASE IF EXISTS " + settings.database() + " SYNC", "");
        }
    }

    @Test
    void recordsWaitForClickHouseAndAreWrittenOnceWhileReadinessSaysItIsGone() throws Exception {
        AuditTable table = gateway.auditTable();
        String run = UUID.randomUUID().toString();
        assertThat(readyz().statusCode()).isEqualTo(200);
        table.accept(record(run, 0));
        waitFor(() -> rows(run) == 1, "the first record reaches the table");

        engine.stop();
        try {
            whileClickHouseIsAway(table, run);
        } finally {
            engine.restart();
        }
        waitFor(() -> table.buffered() == 0, "the buffered records are written once ClickHouse is back");
        assertThat(readyz().statusCode()).isEqualTo(200);
        assertThat(rows(run)).isEqualTo(6);
        assertThat(TestClickHouse.get().post("SELECT uniqExact(query_id) FROM " + settings.database()
                + ".lakegate_audit WHERE sql_received = '" + run + "'", "").body().strip()).isEqualTo("6");
    }

    private static void whileClickHouseIsAway(AuditTable table, String run) throws Exception {
        HttpResponse<String> notReady = readyz();
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"clickhouse\" : false", "ClickHouse does not answer");
        long lostBefore = table.lost();
        for (int i = 1; i <= 7; i++) {
            table.accept(record(run, i));
        }
        waitFor(() -> table.failedInserts() > 0, "an insert is tried and fails");
        // the buffer holds 5; the 2 beyond it are counted as lost (their log lines are the record)
        assertThat(table.buffered()).isEqualTo(5);
        assertThat(table.lost() - lostBefore).isEqualTo(2);
        assertThat(gateway.metrics().scrape()).contains("lakegate_audit_lost_total " + (double) table.lost());
    }

    /** A batch sent again after its answer was lost carries the same token, and ClickHouse keeps one copy. */
    @Test
    void aBatchSentTwiceIsStoredOnce() throws Exception {
        UpstreamClickHouse upstream = new UpstreamClickHouse(engine.url(), "Basic "
                + java.util.Base64.getEncoder().encodeToString("default:".getBytes()));
        String run = UUID.randomUUID().toString();
        String body = "{\"time\":\"2026-01-01 00:00:00.000\",\"door\":\"clickhouse\",\"org_id\":\"1\",\"user\":\"u\","
                + "\"query_id\":\"q\",\"sql_received\":\"" + run + "\",\"outcome\":\"ok\"}\n";
        String token = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            try (InputStream answer = upstream.post(body, Map.of("query", "INSERT INTO " + settings.database()
                    + ".lakegate_audit FORMAT JSONEachRow", "insert_deduplication_token", token)).body()) {
                answer.readAllBytes();
            }
        }
        assertThat(rows(run)).isEqualTo(1);
    }

    private static AuditLog.Record record(String run, int i) {
        return new AuditLog.Record(Instant.now(), "clickhouse", "1", "u", run + "-" + i, null, run, "SELECT 1", 1.5,
                1, 10, "ok", null, null, null);
    }

    private static long rows(String run) {
        HttpResponse<String> r = TestClickHouse.get().post("SELECT count() FROM " + settings.database()
                + ".lakegate_audit WHERE sql_received = '" + run + "'", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Long.parseLong(r.body().strip());
    }

    private static HttpResponse<String> readyz() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort() + "/readyz"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
