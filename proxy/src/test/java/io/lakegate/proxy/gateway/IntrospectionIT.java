package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metadata call a generic JDBC introspection makes (DataGrip's and DBeaver's, through clickhouse-jdbc on the
 * ClickHouse door and Avatica's driver on the JDBC door) answers without an error and shows nothing of another org.
 */
class IntrospectionIT {
    private final GatewayFixture fx = GatewayFixture.get();

    @Test
    void clickhouseJdbcIntrospectsTheClickHouseDoor() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", fx.tenant.username());
        p.setProperty("password", fx.tenant.password());
        try (Connection c = DriverManager.getConnection("jdbc:clickhouse:http://127.0.0.1:" + fx.gateway.httpPort()
                + "/" + fx.settings.database(), p)) {
            introspect(c.getMetaData());
        }
    }

    @Test
    void avaticasDriverIntrospectsTheJdbcDoor() throws Exception {
        try (Connection c = fx.connect(fx.tenant)) {
            introspect(c.getMetaData());
        }
    }

    private void introspect(DatabaseMetaData md) throws SQLException {
        String db = fx.settings.database();
        String table = GatewayFixture.ORG + "_entity_operations";
        Map<String, ResultSetCall> calls = new LinkedHashMap<>();
        calls.put("getCatalogs", md::getCatalogs);
        calls.put("getSchemas", md::getSchemas);
        calls.put("getTableTypes", md::getTableTypes);
        calls.put("getTables", () -> md.getTables(null, db, "%", null));
        calls.put("getColumns", () -> md.getColumns(null, db, table, "%"));
        calls.put("getPrimaryKeys", () -> md.getPrimaryKeys(null, db, table));
        calls.put("getIndexInfo", () -> md.getIndexInfo(null, db, table, false, true));
        calls.put("getImportedKeys", () -> md.getImportedKeys(null, db, table));
        calls.put("getExportedKeys", () -> md.getExportedKeys(null, db, table));
        calls.put("getCrossReference", () -> md.getCrossReference(null, db, table, null, db, table));
        calls.put("getProcedures", () -> md.getProcedures(null, db, "%"));
        calls.put("getProcedureColumns", () -> md.getProcedureColumns(null, db, "%", "%"));
        calls.put("getFunctions", () -> md.getFunctions(null, null, "count%"));
        calls.put("getTablePrivileges", () -> md.getTablePrivileges(null, db, "%"));
        calls.put("getColumnPrivileges", () -> md.getColumnPrivileges(null, db, table, "%"));
        calls.put("getBestRowIdentifier", () -> md.getBestRowIdentifier(null, db, table,
                DatabaseMetaData.bestRowSession, true));
        calls.put("getVersionColumns", () -> md.getVersionColumns(null, db, table));
        calls.put("getTypeInfo", md::getTypeInfo);
        calls.put("getUDTs", () -> md.getUDTs(null, db, "%", null));
        calls.put("getSuperTables", () -> md.getSuperTables(null, db, "%"));
        calls.put("getSuperTypes", () -> md.getSuperTypes(null, db, "%"));
        calls.put("getAttributes", () -> md.getAttributes(null, db, "%", "%"));
        calls.put("getClientInfoProperties", md::getClientInfoProperties);
        calls.put("getPseudoColumns", () -> md.getPseudoColumns(null, db, table, "%"));
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, ResultSetCall> call : calls.entrySet()) {
            try (ResultSet rs = call.getValue().get()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        assertThat(String.valueOf(rs.getString(i))).as(call.getKey())
                                .doesNotContain(GatewayFixture.NEIGHBOUR + "_");
                    }
                }
            } catch (SQLException e) {
                failed.add(call.getKey() + ": " + e.getMessage());
            }
        }
        assertThat(failed).isEmpty();
    }

    @FunctionalInterface
    private interface ResultSetCall {
        ResultSet get() throws SQLException;
    }
}
