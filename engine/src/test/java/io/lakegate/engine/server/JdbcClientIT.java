package io.lakegate.engine.server;

import io.lakegate.engine.testing.TestClickHouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official clickhouse-jdbc driver, with its default settings, against the endpoint. */
class JdbcClientIT {
    private static final String DB = "jdbc_it";

    @BeforeAll
    static void createDatabase() throws SQLException {
        TestClickHouse ch = TestClickHouse.get();
        try (Connection c = DriverManager.getConnection(ch.jdbcUrl("default"), ch.user(), ch.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + DB);
        }
    }

    static Connection connect(Properties extra) throws SQLException {
        TestClickHouse ch = TestClickHouse.get();
        Properties p = new Properties();
        p.setProperty("user", ch.user());
        p.setProperty("password", ch.password());
        p.putAll(extra);
        return DriverManager.getConnection(ch.jdbcUrl(DB), p);
    }

    @ParameterizedTest(name = "compress={0}")
    @ValueSource(strings = {"default", "false"})
    void connectsAndQueriesWithAndWithoutCompression(String compress) throws SQLException {
        Properties p = new Properties();
        if (!compress.equals("default")) {
            p.setProperty("compress", compress);
        }
        try (Connection c = connect(p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT number, toString(number) FROM numbers(100000)")) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(c.getMetaData().getDatabaseProductVersion()).startsWith(TestClickHouse.get().isEmbedded()
                    ? TestClickHouse.get().embedded().version().substring(0, 2) : "");
            long count = 0;
            long sum = 0;
            while (rs.next()) {
                assertThat(rs.getString(2)).isEqualTo(String.valueOf(rs.getLong(1)));
                sum += rs.getLong(1);
                count++;
            }
            assertThat(count).isEqualTo(100000);
            assertThat(sum).isEqualTo(99999L * 100000 / 2);
        }
    }

    @Test
    void everySchemaTypeRoundTripsThroughBatchInsert() throws SQLException {
        try (Connection c = connect(new Properties()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS all_types");
            s.execute("CREATE TABLE all_types (id UInt32, s String, lc LowCardinality(String), ns Nullable(String), "
                    + "dt DateTime('Europe/Berlin'), dt64 DateTime64(3, 'UTC'), d Date, i8 Int8, i16 Int16, "
                    + "i32 Int32, i64 Int64, u8 UInt8, u16 UInt16, u64 UInt64, f Float64, b Bool, u UUID, "
                    + "arr Array(String), m Map(String, Int32)) ENGINE = MergeTree ORDER BY id");
            UUID uuid = UUID.fromString("0b7f1e7e-4a43-4c1b-9b8a-6a1f3c2d1e00");
            ZonedDateTime berlin = ZonedDateTime.of(2024, 8, 1, 12, 30, 15, 0, ZoneId.of("Europe/Berlin"));
            LocalDateTime millis = LocalDateTime.of(2024, 8, 1, 10, 30, 15, 123_000_000);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO all_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= 3; id++) {
                    ps.setInt(1, id);
                    ps.setString(2, "héllo 'quoted' \\ \t tab " + id);
                    ps.setString(3, "opportunity");
                    if (id == 2) {
                        ps.setNull(4, java.sql.Types.VARCHAR);
                    } else {
                        ps.setString(4, "n" + id);
                    }
                    ps.setObject(5, berlin);
                    ps.setObject(6, millis);
                    ps.setObject(7, LocalDate.of(2024, 2, 29));
                    ps.setByte(8, (byte) -128);
                    ps.setShort(9, (short) -32768);
                    ps.setInt(10, Integer.MIN_VALUE);
                    ps.setLong(11, Long.MIN_VALUE);
                    ps.setInt(12, 255);
                    ps.setInt(13, 65535);
                    ps.setObject(14, new BigInteger("18446744073709551615"));
                    ps.setDouble(15, 3.25);
                    ps.setBoolean(16, id % 2 == 1);
                    ps.setObject(17, uuid);
                    ps.setObject(18, List.of("a", "b,c", "d'e"));
                    ps.setObject(19, Map.of("k", id));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM all_types ORDER BY id")) {
                for (int id = 1; id <= 3; id++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt("id")).isEqualTo(id);
                    assertThat(rs.getString("s")).isEqualTo("héllo 'quoted' \\ \t tab " + id);
                    assertThat(rs.getString("lc")).isEqualTo("opportunity");
                    assertThat(rs.getString("ns")).isEqualTo(id == 2 ? null : "n" + id);
                    assertThat(rs.getObject("dt", ZonedDateTime.class).toInstant()).isEqualTo(berlin.toInstant());
                    assertThat(rs.getObject("dt64", LocalDateTime.class)).isEqualTo(millis);
                    assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                    assertThat(rs.getByte("i8")).isEqualTo((byte) -128);
                    assertThat(rs.getShort("i16")).isEqualTo((short) -32768);
                    assertThat(rs.getInt("i32")).isEqualTo(Integer.MIN_VALUE);
                    assertThat(rs.getLong("i64")).isEqualTo(Long.MIN_VALUE);
                    assertThat(rs.getInt("u8")).isEqualTo(255);
                    assertThat(rs.getInt("u16")).isEqualTo(65535);
                    assertThat(rs.getObject("u64").toString()).isEqualTo("18446744073709551615");
                    assertThat(rs.getDouble("f")).isEqualTo(3.25);
                    assertThat(rs.getBoolean("b")).isEqualTo(id % 2 == 1);
                    assertThat(rs.getObject("u").toString()).isEqualTo(uuid.toString());
                    assertThat((Object[]) rs.getArray("arr").getArray()).containsExactly("a", "b,c", "d'e");
                    assertThat(rs.getObject("m").toString()).contains("k").contains(String.valueOf(id));
                }
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void jsonColumnsRoundTrip() throws SQLException {
        try (Connection c = connect(new Properties()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS json_docs");
            s.execute("CREATE TABLE json_docs (id UInt32, doc JSON) ENGINE = MergeTree ORDER BY id");
            s.execute("INSERT INTO json_docs VALUES (1, '{\"payload\":{\"_id\":\"e1\",\"n\":5}}')");
            try (ResultSet rs = s.executeQuery("SELECT doc.payload._id::String AS id, doc.payload.n::Int64 AS n, "
                    + "toString(doc) AS text FROM json_docs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("id")).isEqualTo("e1");
                assertThat(rs.getLong("n")).isEqualTo(5);
                assertThat(rs.getString("text")).contains("\"_id\":\"e1\"");
            }
            try (ResultSet rs = s.executeQuery("SELECT doc FROM json_docs")) {
                assertThat(rs.next()).isTrue();
                assertThat(String.valueOf(rs.getObject(1))).contains("e1");
            }
        }
    }

    @Test
    void preparedQueriesBindParameters() throws SQLException {
        try (Connection c = connect(new Properties());
             PreparedStatement ps = c.prepareStatement("SELECT count() FROM numbers(100) WHERE number < ? AND ? = 'x'")) {
            ps.setInt(1, 42);
            ps.setString(2, "x");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void errorsCarryClickHouseCodes() throws SQLException {
        try (Connection c = connect(new Properties()); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(60))
                    .hasMessageContaining("no_such_table");
            assertThatThrownBy(() -> s.executeQuery("SELEKT 1"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(62));
            // the connection keeps working after errors
            try (ResultSet rs = s.executeQuery("SELECT 7")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        Properties p = new Properties();
        p.setProperty("password", "certainly-wrong");
        assertThatThrownBy(() -> {
            try (Connection c = connect(p); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1");
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("Authentication failed");
    }

    @Test
    void updateCountsComeFromTheSummary() throws SQLException {
        try (Connection c = connect(new Properties()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS counted");
            s.execute("CREATE TABLE counted (x Int32) ENGINE = MergeTree ORDER BY x");
            assertThat(s.executeUpdate("INSERT INTO counted SELECT number FROM numbers(25)")).isEqualTo(25);
        }
    }

    @Test
    void manyConcurrentClients() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 96; i++) {
                int n = 1000 + i;
                results.add(pool.submit((Callable<Long>) () -> {
                    try (Connection c = connect(new Properties()); Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT sum(number) FROM numbers(" + n + ")")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                long n = 1000 + i;
                assertThat(results.get(i).get()).isEqualTo(n * (n - 1) / 2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
