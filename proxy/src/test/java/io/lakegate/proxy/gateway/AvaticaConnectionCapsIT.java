package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.schema.OrgId;
import org.apache.calcite.avatica.AvaticaConnection;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.lakegate.proxy.gateway.AvaticaJson.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Open JDBC-door connections are capped per credential and per org, and one tenant's connections never push out
 * another's: Avatica's shared connection cache closed the least recently used connection beyond 1,000, whoever's.
 */
class AvaticaConnectionCapsIT {
    private final GatewayFixture fx = GatewayFixture.get();

    private static TenantLimits caps(int perCredential, int perOrg) {
        return new TenantLimits(60, 1000, 64L << 20, 2L << 30, 3, perCredential, perOrg);
    }

    private Gateway start(TenantLimits limits) throws Exception {
        return Gateway.start(fx.target, fx.settings, new Gateway.Options("127.0.0.1", 0, -1, -1, null, limits));
    }

    private static String open(AvaticaJson avatica, IssuedCredential as) throws Exception {
        String id = as.username() + "-" + UUID.randomUUID();
        JsonNode answer = avatica.send(as, request("openConnection", id));
        assertThat(answer.path("response").asText()).as(answer.toString()).isEqualTo("openConnection");
        return id;
    }

    private static JsonNode refusedOpen(AvaticaJson avatica, IssuedCredential as) throws Exception {
        JsonNode answer = avatica.send(as, request("openConnection", as.username() + "-" + UUID.randomUUID()));
        assertThat(answer.path("response").asText()).as(answer.toString()).isEqualTo("error");
        return answer;
    }

    /** The org's operation count, read on an open connection. */
    private static long count(AvaticaJson avatica, IssuedCredential as, String connection) throws Exception {
        JsonNode result = avatica.query(as, connection, "SELECT count() AS n FROM entity_operations");
        assertThat(result.path("response").asText()).as(result.toString()).isEqualTo("executeResults");
        return result.path("results").path(0).path("firstFrame").path("rows").path(0).path(0).asLong();
    }

    @Test
    void aTenantAtItsCapIsRefusedAndTheNeighboursConnectionKeepsWorking() throws Exception {
        IssuedCredential second;
        try (Connection c = fx.target.connect(fx.settings.database())) {
            second = new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings).create(new OrgId(GatewayFixture.ORG), "second tool");
        }
        try (Gateway gateway = start(caps(3, 5))) {
            AvaticaJson avatica = new AvaticaJson(gateway.avaticaPort());
            String neighbours = open(avatica, fx.neighbour);
            assertThat(count(avatica, fx.neighbour, neighbours)).isEqualTo(4);

            List<String> first = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                first.add(open(avatica, fx.tenant));
            }
            JsonNode perCredential = refusedOpen(avatica, fx.tenant);
            assertThat(perCredential.path("errorMessage").asText())
                    .contains("Tenant limit max_connections_per_credential (3 open connections) reached")
                    .contains("close connections you no longer use").doesNotContain("\tat ");
            assertThat(perCredential.path("sqlState").asText()).isEqualTo("53000");

            // the org's other credential has its own share, until the org's cap
            List<String> others = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                others.add(open(avatica, second));
            }
            assertThat(refusedOpen(avatica, second).path("errorMessage").asText())
                    .contains("Tenant limit max_connections_per_org (5 open connections) reached for org "
                            + GatewayFixture.ORG).contains("close connections you no longer use");

            // Avatica's own driver gets the same refusal, saying what to do
            assertThatThrownBy(() -> connect(gateway, fx.tenant, ""))
                    .hasMessageContaining("max_connections_per_credential")
                    .hasMessageContaining("close connections you no longer use");

            // the neighbour's connection, opened first and least recently used, still works
            assertThat(count(avatica, fx.neighbour, neighbours)).isEqualTo(4);
            for (String id : first) {
                assertThat(count(avatica, fx.tenant, id)).isEqualTo(6);
            }

            // a connection closed frees its place
            avatica.send(fx.tenant, request("closeConnection", first.remove(0)));
            first.add(open(avatica, fx.tenant));
            refusedOpen(avatica, fx.tenant);

            for (String id : first) {
                avatica.send(fx.tenant, request("closeConnection", id));
            }
            for (String id : others) {
                avatica.send(second, request("closeConnection", id));
            }
            try (Connection c = connect(gateway, fx.tenant, "")) {
                assertThat(c.isValid(5)).isTrue();
            }
            avatica.send(fx.neighbour, request("closeConnection", neighbours));
        }
    }

    /**
     * A connection the gateway let go of (expired idle, here closed by hand) no longer counts, and is reported missing:
     * Avatica's driver says so, or with {@code transparent_reconnection=true} opens it again, under the caps like any
     * other, and makes its statements again.
     */
    @Test
    void aConnectionTheGatewayLetGoOfIsMissingAndCanBeOpenedAgainWithinTheCaps() throws Exception {
        try (Gateway gateway = start(caps(2, 5))) {
            AvaticaJson avatica = new AvaticaJson(gateway.avaticaPort());
            try (Connection plain = connect(gateway, fx.tenant, "");
                 Connection reconnecting = connect(gateway, fx.tenant, ";transparent_reconnection=true");
                 Statement s = reconnecting.createStatement()) {
                assertThat(count(s)).isEqualTo(6);
                refusedOpen(avatica, fx.tenant);
                avatica.send(fx.tenant, request("closeConnection", plain.unwrap(AvaticaConnection.class).id));
                avatica.send(fx.tenant, request("closeConnection", reconnecting.unwrap(AvaticaConnection.class).id));

                assertThatThrownBy(() -> count(plain.createStatement()))
                        .hasMessageContaining("is not open (closed, revoked or expired): connect again");
                assertThat(count(s)).as("the same statement, after the driver opened its connection again")
                        .isEqualTo(6);
                String other = open(avatica, fx.tenant);
                assertThat(refusedOpen(avatica, fx.tenant).path("errorMessage").asText())
                        .as("the connection opened again counts").contains("max_connections_per_credential (2");
                avatica.send(fx.tenant, request("closeConnection", other));
            }
        }
    }

    private static long count(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count() FROM entity_operations")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    /** The report's case: more connections from one tenant than Avatica's connection cache held by default. */
    @Test
    void moreConnectionsThanAvaticasDefaultCacheDoNotEvictTheNeighbours() throws Exception {
        int many = 1_100;
        try (Gateway gateway = start(caps(many, many))) {
            AvaticaJson avatica = new AvaticaJson(gateway.avaticaPort());
            String neighbours = open(avatica, fx.neighbour);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < many; i++) {
                ids.add(open(avatica, fx.tenant));
            }
            assertThat(count(avatica, fx.neighbour, neighbours)).as("the neighbour's connection").isEqualTo(4);
            assertThat(count(avatica, fx.tenant, ids.get(0))).as("the tenant's first connection").isEqualTo(6);
            for (String id : ids) {
                avatica.send(fx.tenant, request("closeConnection", id));
            }
            avatica.send(fx.neighbour, request("closeConnection", neighbours));
        }
    }

    private static Connection connect(Gateway gateway, IssuedCredential as, String moreUrl) throws SQLException {
        Properties p = new Properties();
        p.setProperty("avatica_user", as.username());
        p.setProperty("avatica_password", as.password());
        return DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + gateway.avaticaPort()
                + ";serialization=json;authentication=BASIC" + moreUrl, p);
    }
}
