package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.catalog.TenantCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant SQL is ClickHouse SQL: every query of the corpus ({@code tenant-queries.sql}) runs directly on the org's
 * views and through both doors, and gives the same rows (in the same order where it orders them).
 */
class TenantQueryCorpusIT {
    private static final GatewayFixture FX = GatewayFixture.get();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CLICKHOUSE_DOOR = new AtomicInteger();
    private static final AtomicInteger JDBC_DOOR = new AtomicInteger();
    private static final AtomicInteger NOT_YET_REFUSED = new AtomicInteger();
    /** Each query's {@code -- group:} in the corpus file, and the same answers per group and door. */
    private static final Map<String, String> GROUP_OF = groups();
    private static final Map<String, AtomicInteger> CLICKHOUSE_DOOR_BY_GROUP = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> JDBC_DOOR_BY_GROUP = new ConcurrentHashMap<>();

    static Stream<String> corpus() throws IOException {
        return GatewayFixture.queries("/tenant-queries.sql").stream();
    }

    /** Queries valid on the views that the gateway does not read yet: {@code -- not yet: ...} lines of the corpus. */
    static Stream<String> notYet() throws IOException {
        List<String> queries = new ArrayList<>();
        try (InputStream in = TenantQueryCorpusIT.class.getResourceAsStream("/tenant-queries.sql")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(NOT_YET)) {
                    queries.add(line.substring(NOT_YET.length()));
                }
            }
        }
        return queries.stream();
    }

    private static final String NOT_YET = "-- not yet: ";

    /**
     * What the gateway does not read yet is refused, through both doors, with ClickHouse's code for it and a message
     * that says what: never an internal error. A query that starts to work fails here, to be moved into the corpus.
     */
    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("notYet")
    void whatTheGatewayDoesNotReadYetIsRefusedClearly(String sql) throws Exception {
        direct(sql);
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "database=" + FX.settings.database(), sql);
        assertThat(r.statusCode()).as("%s: %s", sql, r.body()).isBetween(400, 501); // 501: NOT_IMPLEMENTED, as ClickHouse answers it
        assertThat(r.body()).as(sql).startsWith("Code: ").doesNotContain("null", "Index ", "java.");
        try (Connection c = FX.connect(FX.tenant); Statement st = c.createStatement()) {
            st.executeQuery(sql).close();
            throw new AssertionError("the JDBC door read " + sql + ": move it into the corpus");
        } catch (SQLException e) {
            assertThat(e.getMessage()).as(sql).doesNotContain("null", "Index ", "Unhandled", "java.lang");
        }
        NOT_YET_REFUSED.incrementAndGet();
    }

    @Test
    void theCorpusCoversTheConstructs() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theClickHouseDoorAnswersAsTheViewsDo(String sql) throws Exception {
        List<List<String>> expected = direct(sql);
        HttpResponse<String> r = FX.clickHouseDoor(FX.tenant, "database=" + FX.settings.database()
                + "&output_format_json_quote_64bit_integers=0", sql + "\nFORMAT JSONCompact");
        assertThat(r.statusCode()).as("%s: %s", sql, r.body()).isEqualTo(200);
        assertThat(rows(r.body(), sql)).as(sql).isEqualTo(expected);
        CLICKHOUSE_DOOR.incrementAndGet();
        CLICKHOUSE_DOOR_BY_GROUP.computeIfAbsent(GROUP_OF.get(sql), g -> new AtomicInteger()).incrementAndGet();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theJdbcDoorAnswersAsTheViewsDo(String sql) throws Exception {
        List<List<String>> expected = direct(sql);
        List<List<String>> actual = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Connection c = FX.connect(FX.tenant); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                names.add(rs.getMetaData().getColumnLabel(i));
            }
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(normal(rs.getString(i)));
                }
                actual.add(row);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
        ordered(actual, sql).add(0, names);
        assertThat(actual).as(sql).isEqualTo(expected);
        JDBC_DOOR.incrementAndGet();
        JDBC_DOOR_BY_GROUP.computeIfAbsent(GROUP_OF.get(sql), g -> new AtomicInteger()).incrementAndGet();
    }

    @AfterAll
    static void counts() throws IOException {
        System.out.printf("tenant query corpus: %d queries; same answer through the ClickHouse door: %d, through the "
                + "JDBC door: %d; not read yet, refused clearly by both doors: %d of %d%n", corpus().count(),
                CLICKHOUSE_DOOR.get(), JDBC_DOOR.get(), NOT_YET_REFUSED.get(), notYet().count());
        Map<String, Integer> sizes = new LinkedHashMap<>();
        GROUP_OF.values().forEach(g -> sizes.merge(g, 1, Integer::sum));
        System.out.printf("  %-9s %-10s %-9s group%n", "queries", "ClickHouse", "JDBC");
        sizes.forEach((group, n) -> System.out.printf("  %-9d %-10d %-9d %s%n", n,
                CLICKHOUSE_DOOR_BY_GROUP.getOrDefault(group, new AtomicInteger()).get(),
                JDBC_DOOR_BY_GROUP.getOrDefault(group, new AtomicInteger()).get(), group));
    }

    /** Query to the {@code -- group:} it is listed under, in the corpus file's order. */
    private static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        try (InputStream in = TenantQueryCorpusIT.class.getResourceAsStream("/tenant-queries.sql")) {
            String group = "(no group)";
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("-- group:")) {
                    group = line.substring("-- group:".length()).strip();
                } else if (!line.isBlank() && !line.startsWith("--")) {
                    groups.putIfAbsent(line, group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    /** The query on the org's views themselves, as the tenant ran it before the gateway. */
    private static List<List<String>> direct(String sql) throws Exception {
        String onViews = sql;
        TenantCatalog catalog = FX.gateway.pipeline().catalog(new Tenant(FX.tenant.username(), GatewayFixture.ORG));
        List<TenantCatalog.Table> tables = new ArrayList<>(catalog.tables());
        tables.sort(Comparator.comparing((TenantCatalog.Table t) -> t.name().length()).reversed());
        for (TenantCatalog.Table t : tables) {
            String view = "`" + FX.settings.database() + "`.`" + t.physical() + "`";
            onViews = onViews.replaceAll("(?<=FROM |JOIN )\"?" + t.name() + "\"?(?=[\\s)]|$)",
                    Matcher.quoteReplacement(view));
        }
        HttpResponse<String> r = TestClickHouse.get().post(onViews + "\nFORMAT JSONCompact", "database="
                + URLEncoder.encode(FX.settings.database(), StandardCharsets.UTF_8)
                + "&output_format_json_quote_64bit_integers=0");
        assertThat(r.statusCode()).as("directly: %s: %s", onViews, r.body()).isEqualTo(200);
        return rows(r.body(), sql);
    }

    /** The column names, then the rows. */
    private static List<List<String>> rows(String json, String sql) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        JsonNode answer = JSON.readTree(json);
        for (JsonNode row : answer.path("data")) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.isNull() ? null : normal(v.isValueNode() ? v.asText() : v.toString())));
            rows.add(values);
        }
        ordered(rows, sql);
        List<String> names = new ArrayList<>();
        answer.path("meta").forEach(column -> names.add(column.path("name").asText()));
        rows.add(0, names);
        return rows;
    }

    private static final Pattern ORDERED = Pattern.compile("(?i)\\bORDER\\s+BY\\b(?![^()]*\\))");

    /** Rows of a query without a top-level ORDER BY come in any order: compared sorted. */
    private static List<List<String>> ordered(List<List<String>> rows, String sql) {
        if (!ORDERED.matcher(sql.substring(Math.max(0, sql.lastIndexOf(')')))).find() && !ORDERED.matcher(sql).find()) {
            rows.sort(Comparator.comparing(Object::toString));
        }
        return rows;
    }

    /** One spelling per value: numbers by their value, arrays without quotes and spaces. */
    private static String normal(String value) {
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.9g", d);
        } catch (NumberFormatException notANumber) {
            return value.startsWith("[") || value.startsWith("{") || value.startsWith("(") ? composite(value) : value;
        }
    }

    /**
     * An array, map or tuple in one spelling: ClickHouse's JSON writes a tuple as an array and quotes with ", its text
     * formats (what the JDBC door gives for a map or tuple) write {@code ('a',1)} and {@code {'k':1}}; a timestamp
     * in an array may come without its zero milliseconds. The values themselves must be the same.
     */
    private static String composite(String value) {
        return value.replace("\"", "").replace("'", "").replace(" ", "").replace('(', '[').replace(')', ']')
                .replaceAll("(\\d\\d:\\d\\d:\\d\\d)\\.0+(?=[,\\]}])", "$1");
    }
}
