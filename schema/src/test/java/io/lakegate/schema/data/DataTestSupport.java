package io.lakegate.schema.data;

import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh, updated database per test on the test ClickHouse, reached through the JDBC driver like every command. */
final class DataTestSupport {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private DataTestSupport() {
    }

    static ClickHouseTarget target() {
        TestClickHouse ch = TestClickHouse.get();
        return ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
    }

    /** A new database with the changelogs applied. */
    static SchemaSettings freshSchema(String purpose) {
        String name = "t_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("DROP DATABASE IF EXISTS " + name + " SYNC");
        SchemaSettings settings = SchemaSettings.defaults().withDatabase(name);
        try (ClickHouseTarget target = target()) {
            new SchemaManager(target, settings).update();
        }
        return settings;
    }

    static List<List<String>> rows(String sql) {
        try (Connection c = target().connect("default"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static String value(String sql) {
        List<List<String>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    static long count(String sql) {
        return Long.parseLong(value(sql));
    }

    static void execute(String sql) {
        try (Connection c = target().connect("default"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** An order-independent checksum of a table's stored (not materialized, not ingestion-time) columns. */
    static String checksum(String database, String table) {
        List<String> columns = rows("SELECT name FROM system.columns WHERE database = '" + database + "' AND table = '"
                + table + "' AND default_kind != 'MATERIALIZED' AND name != 'ingested_at' ORDER BY position")
                .stream().map(r -> "`" + r.get(0) + "`").toList();
        return value("SELECT concat(toString(count()), ':', toString(groupBitXor(cityHash64(" + String.join(", ", columns)
                + ")))) FROM `" + database + "`.`" + table + "`");
    }
}
