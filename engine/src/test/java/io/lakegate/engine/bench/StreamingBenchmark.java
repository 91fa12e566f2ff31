package io.lakegate.engine.bench;

import io.lakegate.engine.chdb.ChdbConnection;
import io.lakegate.engine.chdb.ChdbStream;
import io.lakegate.engine.testing.BenchmarkReport;
import io.lakegate.engine.testing.TestClickHouse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows per second streaming 1 M rows: in-process chDB against the engine endpoint read by clickhouse-jdbc, measured
 * in one run on one machine. Run with {@code mvn -B -Pbenchmark verify}; writes its section of docs/benchmarks.md.
 */
class StreamingBenchmark {
    private static final int ROWS = 1_000_000;
    private static final String QUERY = "SELECT number AS id, toString(number) AS name, toDateTime('2024-01-01 00:00:00') "
            + "+ number AS ts FROM numbers(" + ROWS + ")";
    private static final int RUNS = 3;

    @Test
    void streamingOneMillionRows() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        assertThat(ch.isEmbedded()).as("this benchmark compares against in-process chDB").isTrue();
        double inProcess = median(this::inProcess);
        double jdbcCompressed = median(() -> viaJdbc(new Properties()));
        Properties plain = new Properties();
        plain.setProperty("compress", "false");
        double jdbcPlain = median(() -> viaJdbc(plain));

        String report = "## Engine endpoint: streaming 1 M rows (id UInt64, name String, ts DateTime)\n\n"
                + BenchmarkReport.machine() + ", ClickHouse " + ch.embedded().version()
                + " (chDB). Median of " + RUNS + " runs after one warm-up, all in the same JVM run.\n\n"
                + "| path | rows/s | ratio to in-process chDB |\n|---|---:|---:|\n"
                + row("in-process chDB, RowBinaryWithNamesAndTypes chunks", inProcess, inProcess)
                + row("engine endpoint + clickhouse-jdbc 0.9 (defaults: compress=1, LZ4)", jdbcCompressed, inProcess)
                + row("engine endpoint + clickhouse-jdbc 0.9 (compress=false)", jdbcPlain, inProcess)
                + "\nThe in-process figure only copies the engine's output into Java; the JDBC figures include HTTP, "
                + "compression and decoding every value into Java objects (`getLong`, `getString`, `getObject`).\n";
        BenchmarkReport.writeSection("engine-streaming", report);
    }

    private static String row(String name, double rowsPerSecond, double base) {
        return String.format("| %s | %,.0f | %.2f |%n", name, rowsPerSecond, rowsPerSecond / base);
    }

    interface Run {
        long rows() throws Exception;
    }

    private static double median(Run run) throws Exception {
        run.rows();
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            long rows = run.rows();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(rows).isEqualTo(ROWS);
            rates.add(rows / seconds);
        }
        Collections.sort(rates);
        return rates.get(RUNS / 2);
    }

    private long inProcess() {
        try (ChdbConnection c = TestClickHouse.get().embedded().connect(Map.of());
             ChdbStream stream = c.stream(QUERY, "RowBinaryWithNamesAndTypes", "RowBinaryWithNamesAndTypes", Map.of())) {
            long bytes = 0;
            for (byte[] chunk; (chunk = stream.next()) != null; ) {
                bytes += chunk.length;
            }
            assertThat(bytes).isGreaterThan(ROWS * 15L);
            return ROWS;
        }
    }

    private long viaJdbc(Properties extra) throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        Properties p = new Properties();
        p.setProperty("user", ch.user());
        p.setProperty("password", ch.password());
        p.putAll(extra);
        try (Connection c = DriverManager.getConnection(ch.jdbcUrl("default"), p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(QUERY)) {
            long rows = 0;
            long check = 0;
            while (rs.next()) {
                check += rs.getLong(1) + rs.getString(2).length();
                rs.getObject(3);
                rows++;
            }
            assertThat(check).isPositive();
            return rows;
        }
    }
}
