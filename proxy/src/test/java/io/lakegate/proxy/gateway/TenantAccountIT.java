package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ClickHouse account tenant queries run as on a server (docs/tenant-account.md), used directly, with every check
 * of the gateway bypassed: ClickHouse itself lets it read the org views and nothing else. Needs a server set up with
 * docs/tenant-account.sql: CLICKHOUSE_URL, CLICKHOUSE_TENANT_USER, CLICKHOUSE_TENANT_PASSWORD, LAKEGATE_DATABASE
 * (default datawarehouse); skipped without them (the embedded engine has no access control).
 */
@EnabledIfEnvironmentVariable(named = "CLICKHOUSE_URL", matches = ".+")
@EnabledIfEnvironmentVariable(named = "CLICKHOUSE_TENANT_USER", matches = ".+")
class TenantAccountIT {
    private static final String DATABASE = System.getenv().getOrDefault("LAKEGATE_DATABASE", "datawarehouse");
    private static String orgView;

    @BeforeAll
    static void anOrgView() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM system.tables WHERE database = '" + DATABASE + "' AND match(name, '^[0-9]+_') "
                        + "ORDER BY name LIMIT 1")) {
            assertThat(rs.next()).as("the tenant account sees at least one org view").isTrue();
            orgView = rs.getString(1);
        }
    }

    @Test
    void anOrgViewIsReadable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count() FROM `" + DATABASE + "`.`" + orgView + "`")) {
            assertThat(rs.next()).isTrue();
        }
    }

    @Test
    void baseTablesTheGatewaysTablesAndTheParameterizedViewsAreNot() {
        for (String table : new String[] {"entity_operations", "journey_sessions", "lakegate_credentials",
            "lakegate_orgs", "lakegate_limits", "lakegate_audit", "tenant_entity_operations(org_id = '1')"}) {
            assertThatThrownBy(() -> query("SELECT count() FROM `" + DATABASE + "`." + quoted(table))).as(table)
                    .hasMessageContaining("ACCESS_DENIED");
        }
    }

    @Test
    void writesAndTableFunctionsAreRefused() {
        assertThatThrownBy(() -> query("CREATE TABLE `" + DATABASE + "`.x (a Int8) ENGINE = Memory"))
                .hasMessageContaining("readonly");
        assertThatThrownBy(() -> query("INSERT INTO `" + DATABASE + "`.`" + orgView + "` SELECT * FROM `"
                + DATABASE + "`.`" + orgView + "`")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> query("SELECT * FROM url('http://localhost:8123/?query=SELECT+1', TSV)"))
                .isInstanceOf(SQLException.class);
    }

    private static String quoted(String table) {
        return table.contains("(") ? table : "`" + table + "`";
    }

    private static void query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", System.getenv("CLICKHOUSE_TENANT_USER"));
        p.setProperty("password", System.getenv().getOrDefault("CLICKHOUSE_TENANT_PASSWORD", ""));
        return DriverManager.getConnection("jdbc:clickhouse:" + System.getenv("CLICKHOUSE_URL") + "/" + DATABASE, p);
    }
}
