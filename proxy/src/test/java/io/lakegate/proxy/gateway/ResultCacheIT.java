package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.proxy.credentials.RevocationEpoch;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ClickHouse door with its result cache on, attacked: a kept answer never reaches another org (same SQL text,
 * same ids in the data), a revoked user, or a query after the org's views changed; and queries with now() or rand()
 * are never kept. Hits and misses are in the audit line.
 */
class ResultCacheIT {
    private static final GatewayFixture FX = GatewayFixture.get();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** An org of its own, whose views this test drops and provisions again. */
    private static final String CHANGING = "1503";
    /** Every test its own query text: the cache is shared by the users of an org, as their views are. */
    private static final String REFERENCE = "SELECT JSONExtractString(detail, 'payload', '_title') AS title, %d AS test "
            + "FROM entity_operations WHERE entity_id = 'e1' ORDER BY activity_id";
    private static Gateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = Gateway.start(FX.target, FX.settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null,
                GatewayFixture.LIMITS, null, AuditTable.Settings.DEFAULTS,
                new ResultCache.Settings(Duration.ofMinutes(5), 16L << 20)));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    private static IssuedCredential issue(String org) throws Exception {
        try (Connection c = FX.target.connect(FX.settings.database())) {
            return new CredentialStore(FX.target.dataSource(FX.settings.database()), FX.settings).create(new OrgId(org), "cache");
        }
    }

    private static HttpResponse<String> query(IssuedCredential credential, String sql) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((credential.username() + ":"
                        + credential.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> cacheColumn(AuditCapture audit, IssuedCredential credential) {
        return audit.linesOf(credential.username()).stream().map(l -> l.path("cache"))
                .map(c -> c.isMissingNode() ? "-" : c.asText()).toList();
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheAndNeverForAnotherOrg() throws Exception {
        IssuedCredential tenant = issue(GatewayFixture.ORG);
        IssuedCredential neighbour = issue(GatewayFixture.NEIGHBOUR);
        String sql = String.format(REFERENCE, 1);
        try (AuditCapture audit = new AuditCapture()) {
            HttpResponse<String> first = query(tenant, sql);
            HttpResponse<String> again = query(tenant, sql);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body()).contains("Opp 1").doesNotContain(
                    GatewayFixture.NEIGHBOUR_MARKER);
            // the same text from the neighbour, whose rows have the same ids: its own answer, not the kept one
            HttpResponse<String> theirs = query(neighbour, sql);
            assertThat(theirs.body()).contains(GatewayFixture.NEIGHBOUR_MARKER).doesNotContain("Opp 1");
            assertThat(query(tenant, sql).body()).isEqualTo(first.body());
            assertThat(cacheColumn(audit, tenant)).containsExactly("miss", "hit", "hit");
            assertThat(cacheColumn(audit, neighbour)).containsExactly("miss");
        }
    }

    @Test
    void queriesWithNonDeterministicFunctionsAreNeverKept() throws Exception {
        IssuedCredential tenant = issue(GatewayFixture.ORG);
        try (AuditCapture audit = new AuditCapture()) {
            String randomly = "SELECT rand() AS r FROM entity_operations LIMIT 1";
            HttpResponse<String> a = query(tenant, randomly);
            HttpResponse<String> b = query(tenant, randomly);
            assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
            query(tenant, "SELECT count() FROM entity_operations WHERE timestamp < now()");
            query(tenant, "SELECT count() FROM entity_operations WHERE timestamp < NOW ()");
            assertThat(cacheColumn(audit, tenant)).as(audit.linesOf(tenant.username()).toString()).containsOnly("-")
                    .hasSize(4);
            assertThat(a.body()).isNotEqualTo(b.body());
        }
    }

    @Test
    void aRevokedUserGetsNoKeptAnswer() throws Exception {
        IssuedCredential tenant = issue(GatewayFixture.ORG);
        String sql = String.format(REFERENCE, 2);
        assertThat(query(tenant, sql).statusCode()).isEqualTo(200);
        assertThat(query(tenant, sql).statusCode()).isEqualTo(200);
        try (Connection c = FX.target.connect(FX.settings.database())) {
            assertThat(new CredentialStore(FX.target.dataSource(FX.settings.database()), FX.settings).revoke(tenant.username())).isTrue();
        }
        Thread.sleep(RevocationEpoch.TRUSTED_FOR.toMillis());
        HttpResponse<String> refused = query(tenant, sql);
        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.body()).contains("revoked").doesNotContain("Opp 1");
    }

    @Test
    void noKeptAnswerSurvivesAChangeOfTheOrgsViews() throws Exception {
        try (Connection c = FX.target.connect(FX.settings.database()); Statement s = c.createStatement()) {
            OrgProvisioner orgs = new OrgProvisioner(c, FX.settings, null);
            orgs.add(List.of(new OrgId(CHANGING)));
            IssuedCredential tenant = issue(CHANGING);
            String sql = "SELECT count() FROM journey_events_final";
            try (AuditCapture audit = new AuditCapture()) {
                assertThat(query(tenant, sql).body().strip()).isEqualTo("0");
                assertThat(query(tenant, sql).body().strip()).isEqualTo("0");
                s.execute("DROP VIEW `" + FX.settings.database() + "`.`" + CHANGING + "_journey_events_final`");
                try {
                    // the gateway reads the org's catalog again once it is 10 s old (TenantCatalogs' ttl)
                    Thread.sleep(Gateway.CATALOG_TTL.toMillis() + 500);
                    HttpResponse<String> after = query(tenant, sql);
                    assertThat(after.statusCode()).as(after.body()).isNotEqualTo(200);
                    assertThat(after.body()).contains("journey_events_final");
                    List<JsonNode> lines = audit.linesOf(tenant.username());
                    assertThat(lines).extracting(l -> l.path("cache").asText()).containsExactly("miss", "hit",
                            "");
                } finally {
                    orgs.add(List.of(new OrgId(CHANGING)));
                }
            }
        }
    }
}
