package io.lakegate.proxy.gateway;

import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.entity.EntityViews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entity schema views through both doors: a tenant sees its org's views by full and short name with their types, and
 * never another org's, even one that exists. Two orgs of their own (1600, 1601), so the fixture's orgs keep their
 * twelve views.
 */
class EntitySchemaViewsIT {
    private static final String ORG = "1600";
    private static final String OTHER = "1601";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static GatewayFixture fx;
    private static IssuedCredential tenant;

    @BeforeAll
    static void provision() throws Exception {
        fx = GatewayFixture.get();
        try (Connection c = fx.target.connect(fx.settings.database()); Statement s = c.createStatement()) {
            new OrgProvisioner(c, fx.settings, null).add(List.of(new OrgId(ORG), new OrgId(OTHER)));
            s.execute("INSERT INTO entity_operations (activity_id, entity_id, org_id, operation, schema, timestamp, "
                    + "detail) VALUES "
                    + op("o1", ORG, "opportunity", "{\"status\":\"won\",\"value\":{\"amount\":1200.5}}") + ", "
                    + op("o2", ORG, "opportunity", "{\"status\":\"open\",\"value\":{\"amount\":800.25}}") + ", "
                    + op("o1", OTHER, "opportunity", "{\"status\":\"" + GatewayFixture.NEIGHBOUR_MARKER
                    + "\",\"value\":{\"amount\":99}}") + ", "
                    + op("m1", OTHER, "meter", "{\"meter_number\":\"" + GatewayFixture.NEIGHBOUR_MARKER + "\"}"));
            EntityViews views = new EntityViews(c, fx.settings, null);
            views.refresh(new OrgId(ORG));
            views.refresh(new OrgId(OTHER));
            tenant = new CredentialStore(fx.target.dataSource(fx.settings.database()), fx.settings).create(new OrgId(ORG), "entity views");
        }
    }

    private static String op(String entity, String org, String schema, String attributes) {
        String detail = "{\"payload\":{\"_id\":\"" + entity + "\",\"_schema\":\"" + schema + "\","
                + attributes.substring(1) + "}";
        return "('" + org + entity + "', '" + entity + "', '" + org + "', 'createEntity', '" + schema
                + "', '2024-03-01 10:00:00', '" + detail.replace("'", "\\'") + "')";
    }

    @Test
    void theJdbcDoorListsTheOrgsSchemaViewsWithTheirTypes() throws Exception {
        try (Connection c = fx.connect(tenant)) {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("opportunity_final", ORG + "_opportunity_final", "entity_operations")
                    .noneMatch(t -> t.contains(OTHER) || t.startsWith("meter"));
            Map<String, Integer> types = new TreeMap<>();
            try (ResultSet rs = md.getColumns(null, fx.settings.database(), "opportunity_final", "%")) {
                while (rs.next()) {
                    types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
                }
            }
            assertThat(types).containsEntry("value_amount", Types.DOUBLE).containsEntry("status", Types.VARCHAR)
                    .containsEntry("timestamp", Types.TIMESTAMP);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT status, sum(value_amount) "
                    + "AS total FROM opportunity_final GROUP BY status ORDER BY status")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + "=" + rs.getDouble(2));
                }
                assertThat(rows).containsExactly("open=800.25", "won=1200.5");
            }
        }
    }

    @Test
    void theJdbcDoorRefusesAnotherOrgsSchemaView() throws Exception {
        for (String sql : List.of("SELECT * FROM `" + OTHER + "_opportunity_final`",
                "SELECT * FROM `" + OTHER + "_meter_final`", "SELECT * FROM meter_final",
                "SELECT * FROM " + fx.settings.database() + ".`" + OTHER + "_opportunity_final`")) {
            try (Connection c = fx.connect(tenant); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageNotContaining(GatewayFixture.NEIGHBOUR_MARKER);
            }
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + fx.gateway.httpPort();
    }

    private static HttpResponse<String> clickhouseDoor(String sql) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/?database=" + fx.settings.database()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((tenant.username() + ":"
                        + tenant.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theClickHouseDoorListsAndReadsTheOrgsSchemaViewsOnly() throws Exception {
        HttpResponse<String> tables = clickhouseDoor("SELECT name FROM system.tables WHERE name LIKE '%_final' "
                + "ORDER BY name FORMAT TSV");
        assertThat(tables.statusCode()).isEqualTo(200);
        assertThat(tables.body()).contains(ORG + "_opportunity_final").doesNotContain(OTHER);
        HttpResponse<String> columns = clickhouseDoor("SELECT name, type FROM system.columns WHERE table = '" + ORG
                + "_opportunity_final' AND name = 'value_amount' FORMAT TSV");
        assertThat(columns.body()).isEqualTo("value_amount\tNullable(Float64)\n");
        HttpResponse<String> rows = clickhouseDoor("SELECT status, value_amount FROM opportunity_final ORDER BY "
                + "status FORMAT TSV");
        assertThat(rows.body()).isEqualTo("open\t800.25\nwon\t1200.5\n");
        for (String sql : List.of("SELECT * FROM `" + OTHER + "_opportunity_final`",
                "SELECT * FROM `" + OTHER + "_meter_final`",
                "SELECT name FROM system.columns WHERE table = '" + OTHER + "_meter_final' FORMAT TSV")) {
            HttpResponse<String> r = clickhouseDoor(sql);
            assertThat(r.body()).as(sql).doesNotContain(GatewayFixture.NEIGHBOUR_MARKER).doesNotContain(
                    "meter_number");
            if (!sql.contains("system.columns")) {
                assertThat(r.statusCode()).as(sql).isNotEqualTo(200);
            }
        }
    }

    @Test
    void clickhouseJdbcSeesTheViewsInItsMetadata() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", tenant.username());
        p.setProperty("password", tenant.password());
        try (Connection c = DriverManager.getConnection("jdbc:clickhouse:" + base() + "/" + fx.settings.database(),
                p)) {
            Map<String, Integer> types = new TreeMap<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, fx.settings.database(), ORG + "_opportunity_final",
                    "%")) {
                while (rs.next()) {
                    types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
                }
            }
            assertThat(types).containsEntry("value_amount", Types.DOUBLE).containsKey("status");
        }
    }
}
