package io.lakegate.schema;

import io.lakegate.engine.testing.TestClickHouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database per test on the test ClickHouse, reached through the JDBC driver like every command; the data
 * tests use it too.
 */
public final class SchemaTestSupport {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private SchemaTestSupport() {
    }

    public static ClickHouseTarget target() {
        TestClickHouse ch = TestClickHouse.get();
        return ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
    }

    public static SchemaSettings freshDatabase(String purpose) {
        String name = "t_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = target().connect("default"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return SchemaSettings.defaults().withDatabase(name);
    }

    public static List<List<String>> rows(String sql) {
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

    public static String value(String sql) {
        List<List<String>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    public static void execute(String sql) {
        try (Connection c = target().connect("default"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
