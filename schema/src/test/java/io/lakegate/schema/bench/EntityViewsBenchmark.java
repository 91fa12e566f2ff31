package io.lakegate.schema.bench;

import io.lakegate.engine.testing.BenchmarkReport;
import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import io.lakegate.schema.entity.EntityViews;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entity schema views on one org with 1 M current entities (opportunities, contacts, orders with the generator's
 * payloads, built in SQL): the time {@link EntityViews#refresh} takes to infer the columns and create the views, and a
 * typical report query on {@code {org}_opportunity_final} against the same question written with {@code JSONExtract}
 * on {@code {org}_current_entities_final}, both run directly on ClickHouse with clickhouse-jdbc in the same run.
 * Run with {@code mvn -B -Pbenchmark verify}; writes its section of docs/benchmarks.md.
 */
class EntityViewsBenchmark {
    private static final OrgId ORG = new OrgId("4000");
    /** 1 M; a smaller number with -Dlakegate.bench.entities=... for a quick try of the benchmark (not for the report). */
    private static final long ENTITIES = Long.getLong("lakegate.bench.entities", 1_000_000);
    /** Three in five opportunities (half the entities) have one update after their creation. */
    private static final long UPDATES = ENTITIES * 3 / 10;
    private static final int REFRESH_RUNS = 3;
    private static final int QUERY_RUNS = 5;

    private static final String TYPED = "SELECT status, toStartOfMonth(expected_close_at) AS month, "
            + "count() AS opportunities, round(sum(value_amount), 2) AS amount "
            + "FROM %s.`4000_opportunity_final` GROUP BY status, month ORDER BY status, month";
    private static final String JSON_EXTRACT = "SELECT JSONExtract(detail, 'payload', 'status', 'Nullable(String)') "
            + "AS status, toStartOfMonth(parseDateTime64BestEffortOrNull(JSONExtract(detail, 'payload', "
            + "'expected_close_at', 'Nullable(String)'), 3, 'UTC')) AS month, count() AS opportunities, "
            + "round(sum(JSONExtract(detail, 'payload', 'value', 'amount', 'Nullable(Float64)')), 2) AS amount "
            + "FROM %s.`4000_current_entities_final` WHERE schema = 'opportunity' "
            + "GROUP BY status, month ORDER BY status, month";

    /** The JSONExtract query with the view's own expressions (the time parsed by JSONExtract into DateTime64). */
    private static final String VIEW_EXPRESSIONS = "SELECT JSONExtract(detail, 'payload', 'status', "
            + "'Nullable(String)') AS status, toStartOfMonth(JSONExtract(detail, 'payload', 'expected_close_at', "
            + "'Nullable(DateTime64(3, \\'UTC\\'))')) AS month, count() AS opportunities, "
            + "round(sum(JSONExtract(detail, 'payload', 'value', 'amount', 'Nullable(Float64)')), 2) AS amount "
            + "FROM %s.`4000_current_entities_final` WHERE schema = 'opportunity' "
            + "GROUP BY status, month ORDER BY status, month";

    @Test
    void entityViewFigures() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        ClickHouseTarget target = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
        SchemaSettings settings = SchemaSettings.defaults().withDatabase("entbench_" + ProcessHandle.current().pid());
        String db = "`" + settings.database() + "`";
        try (Connection c = target.connect("default"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " SYNC");
        }
        new SchemaManager(target, settings).update();
        StringBuilder md = new StringBuilder();
        try (Connection c = target.connect(settings.database()); Statement s = c.createStatement()) {
            new OrgProvisioner(c, settings, null).add(List.of(ORG));
            long loadStart = System.nanoTime();
            s.execute(insert(db));
            // measured on merged tables, as the other benchmarks: what a lake looks like between loads, repeatable
            s.execute("OPTIMIZE TABLE " + db + ".entity_operations FINAL");
            s.execute("OPTIMIZE TABLE " + db + ".current_entities FINAL");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long current = single(s, "SELECT count() FROM " + db + ".`4000_current_entities_final`");
            long opportunities = single(s, "SELECT count() FROM " + db + ".`4000_current_entities_final` "
                    + "WHERE schema = 'opportunity'");
            assertThat(current).isEqualTo(ENTITIES);
            assertThat(single(s, "SELECT count() FROM " + db + ".entity_operations")).isEqualTo(ENTITIES + UPDATES);

            EntityViews views = new EntityViews(c, settings, null);
            // inference and creation of every view, from nothing: the views are removed before each run
            List<Double> created = new ArrayList<>();
            int columns = 0;
            for (int i = 0; i <= REFRESH_RUNS; i++) {
                views.remove(ORG);
                long t = System.nanoTime();
                EntityViews.Refresh refresh = views.refresh(ORG);
                double ms = (System.nanoTime() - t) / 1e6;
                assertThat(refresh.changes()).hasSize(3).allMatch(EntityViews.Change::created);
                columns = refresh.changes().stream().mapToInt(change -> change.added().size()).sum();
                if (i > 0) {
                    created.add(ms); // the first run is the warm-up
                }
            }
            double unchanged = BenchmarkReport.medianMillis(REFRESH_RUNS, () -> {
                assertThat(views.refresh(ORG).changes()).isEmpty();
            });

            String typed = String.format(TYPED, db);
            String json = String.format(JSON_EXTRACT, db);
            List<String> typedRows = rows(s, typed);
            List<String> jsonRows = rows(s, json);
            assertThat(typedRows).hasSizeGreaterThan(10).hasSameSizeAs(jsonRows);
            for (int i = 0; i < typedRows.size(); i++) {
                // status, month, count equal; the sums of floats equal up to the order threads added them in
                String[] a = typedRows.get(i).split("\\|");
                String[] b = jsonRows.get(i).split("\\|");
                assertThat(List.of(a[0], a[1], a[2])).as("the same answer both ways").isEqualTo(List.of(b[0], b[1], b[2]));
                assertThat(Double.parseDouble(a[3])).isCloseTo(Double.parseDouble(b[3]),
                        org.assertj.core.data.Offset.offset(0.1));
            }
            String inlined = String.format(VIEW_EXPRESSIONS, db);
            assertThat(rows(s, inlined)).hasSameSizeAs(typedRows);
            // interleaved, so that a burst of load on the machine falls on all three alike
            List<Double> typedRuns = new ArrayList<>();
            List<Double> jsonRuns = new ArrayList<>();
            List<Double> inlinedRuns = new ArrayList<>();
            for (int i = 0; i <= QUERY_RUNS; i++) {
                double j = timed(s, json);
                double t = timed(s, typed);
                double v = timed(s, inlined);
                if (i > 0) { // the first round is the warm-up
                    jsonRuns.add(j);
                    typedRuns.add(t);
                    inlinedRuns.add(v);
                }
            }
            double typedMs = median(typedRuns);
            double jsonMs = median(jsonRuns);
            double inlinedMs = median(inlinedRuns);

            List<String> typedColumns = rows(s, "SELECT concat('`', name, '` ', type) FROM system.columns WHERE "
                    + "database = '" + settings.database() + "' AND table = '4000_opportunity_final' AND position > "
                    + io.lakegate.schema.entity.EntitySchemaView.BASE_COLUMNS.size() + " ORDER BY position");
            md.append("## Entity schema views: inference on ").append(String.format("%,d", ENTITIES))
                    .append(" entities, typed report query\n\n")
                    .append(BenchmarkReport.machine()).append(", ")
                    .append(ch.isEmbedded() ? "embedded ClickHouse " + ch.embedded().version() + " (chDB)" : ch.url())
                    .append(", through clickhouse-jdbc 0.9 (default settings). Org ").append(ORG).append(": ")
                    .append(String.format("%,d", current)).append(" current entities (")
                    .append(String.format("%,d", opportunities)).append(" opportunities, 30 % contacts, 20 % orders; "
                    + "the generator's payloads, built in SQL: money with cents, ISO times, nested objects, arrays "
                    + "of scalars and of objects) from ").append(String.format("%,d", ENTITIES + UPDATES))
                    .append(" operations (three in five opportunities updated once); both tables merged "
                    + "(`OPTIMIZE ... FINAL`) before measuring; loading and merging took ")
                    .append(String.format("%.0f s", loadSeconds)).append(". All in one JVM run.\n\n")
                    .append("| measurement | median |\n|---|---:|\n")
                    .append(String.format("| `EntityViews.refresh` from nothing: inference (bounded sample, "
                            + "`JSONAllPathsWithTypes`) and creation of the org's 3 views, %d attribute columns; "
                            + "views removed before each of %d runs after one warm-up | %s |%n", columns,
                            REFRESH_RUNS, seconds(median(created))))
                    .append(String.format("| `EntityViews.refresh` with nothing new (inference only, nothing "
                            + "re-created), %d runs after one warm-up | %s |%n", REFRESH_RUNS, seconds(unchanged)));
            md.append("\n### Report query: opportunity value by status and month of expected close\n\n")
                    .append("Both return the same ").append(typedRows.size()).append(" rows (checked). Median of ")
                    .append(QUERY_RUNS).append(" runs after one warm-up, the queries interleaved, every row "
                    + "read.\n\n")
                    .append("| query | median | ratio |\n|---|---:|---:|\n")
                    .append(String.format("| `JSONExtract` on `4000_current_entities_final` (`WHERE schema = "
                            + "'opportunity'`, `JSONExtract(detail, 'payload', 'value', 'amount', ...)`, ...) "
                            + "| %.1f ms | 1.00 |%n", jsonMs))
                    .append(String.format("| typed columns on `4000_opportunity_final` (`status`, `value_amount`, "
                            + "`expected_close_at`) | %.1f ms | %.2f |%n", typedMs, typedMs / jsonMs))
                    .append(String.format("| for comparison: `JSONExtract` on `4000_current_entities_final` with the "
                            + "view's own expressions (the time as `JSONExtract(detail, 'payload', 'expected_close_at',"
                            + " 'Nullable(DateTime64(3, \\'UTC\\'))')`) | %.1f ms | %.2f |%n", inlinedMs,
                            inlinedMs / jsonMs))
                    .append("\n```sql\n").append(TYPED.replace("%s.", "")).append("\n```\n\n")
                    .append("Attribute columns of `4000_opportunity_final` (after the base columns), as inferred: ")
                    .append(String.join(", ", typedColumns.stream().map(t -> t.substring(0, t.length() - 1))
                            .toList())).append(".\n\n")
                    .append("The schema views are plain views: each typed column is a `JSONExtract` of `detail`, "
                    + "computed when the view is read (only for the columns a query uses); nothing is stored twice. "
                    + "The third row runs the view's expressions without the view: between it and the typed row is "
                    + "the view itself, between it and the first row the way the time is parsed (`JSONExtract` into "
                    + "`DateTime64` against `parseDateTime64BestEffortOrNull` of the string).\n");
            s.execute("DROP DATABASE " + db + " SYNC");
        }
        BenchmarkReport.writeSection("entity-views", md.toString());
    }

    /**
     * One org's operations: a create for each of {@link #ENTITIES} entities (half opportunities, 30 % contacts, 20 %
     * orders, over two years) and an update (new status, sometimes a new value) for three in five opportunities, with
     * the payloads {@code lakegate generate} writes. Entity ids are UUIDs derived from the entity number (the
     * sampler's id ranges assume random UUIDs).
     */
    private static String insert(String db) {
        long spanMs = 2L * 365 * 24 * 3600 * 1000;
        String first = "['Anna','Lukas','Mia','Leon','Emma','Finn','Hannah','Jonas','Lea','Paul','Sophie','Felix',"
                + "'Marie','Elias','Laura','Noah','Lena','Ben','Julia','Tim','Zeynep','Mehmet','Jürgen','Sabine',"
                + "'Björn','Jörg','Ömer','Claudia','Thomas','Katharina']";
        String last = "['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz',"
                + "'Hoffmann','Schäfer','Koch','Bauer','Richter','Klein','Wolf','Schröder','Neumann','Krüger',"
                + "'Yilmaz','Kaya','Nowak','Öztürk','Groß','Weiß','Jäger']";
        String products = "['wallbox_11kw','wallbox_22kw','pv_module_420','battery_10kwh','heat_pump_9kw',"
                + "'green_power_basic','green_power_flex','gas_comfort']";
        String opportunity = "concat('\"opportunity_number\":\"OPP-', toString(100000 + e), '\",\"status\":\"', "
                + "status, '\",\"customer\":{\"first_name\":\"', first, '\",\"last_name\":\"', last, "
                + "'\",\"email\":\"', email, '\"},\"value\":{\"amount\":', money, ',\"currency\":\"EUR\"},"
                + "\"probability\":', toString([10, 25, 50, 75, 90][1 + h % 5]), ',\"expected_close_at\":\"', "
                + iso("created + toIntervalDay(7 + h % 114)") + ", '\",\"products\":[\"', " + products
                + "[1 + h % 8], "
                + "if(h % 2 = 0, '', concat('\",\"', " + products + "[1 + intDiv(h, 8) % 8])), '\"],"
                + "\"source\":{\"title\":\"', journey, '\",\"id\":\"journey-', toString(1 + cityHash64(e) % 5), "
                + "'\",\"type\":\"journey\"}')";
        String contact = "concat('\"first_name\":\"', first, '\",\"last_name\":\"', last, '\",\"email\":[{\"email\":\"',"
                + " email, '\",\"_tags\":[\"primary\"]}],\"phone\":[{\"phone\":\"+49 ', toString(150 + h % 30), ' ',"
                + " toString(1000000 + h % 8999999), '\"}],\"address\":{\"street\":\"', ['Hauptstraße','Schulstraße',"
                + "'Gartenstraße','Bahnhofstraße','Birkenweg','Lindenstraße','Am Sonnenhang','Mühlenweg'][1 + h % 8],"
                + " '\",\"street_number\":\"', toString(1 + h % 180), '\",\"postal_code\":\"', "
                + "leftPad(toString(1067 + h % 98931), 5, '0'), '\",\"city\":\"', ['Köln','Berlin','Hamburg',"
                + "'München','Frankfurt am Main','Stuttgart','Düsseldorf','Leipzig','Dresden','Bonn'][1 + h % 10], "
                + "'\",\"country\":\"DE\"},\"consent_newsletter\":', if(h % 100 < 35, 'true', 'false'), "
                + "',\"birth_date\":\"', toString(toDate32(created) - toIntervalDay(7300 + h % 21900)), "
                + "'\",\"preferred_channel\":\"', ['email','phone','portal'][1 + h % 3], '\"')";
        String order = "concat('\"order_number\":\"B-', toString(100000 + e), '\",\"status\":\"', "
                + "['placed','confirmed','shipped','delivered','cancelled'][1 + h % 5], '\",\"total_amount\":"
                + "{\"value\":', toString(50 + h % 24950), '.', leftPad(toString(1 + h2 % 99), 2, '0'), "
                + "',\"currency\":\"EUR\"},\"line_items_count\":', toString(1 + h % 6), ',\"placed_at\":\"', "
                + iso("created") + ", '\",\"payment_method\":\"', ['sepa','invoice','credit_card','paypal']"
                + "[1 + h % 4], "
                + "'\",\"line_items\":[{\"product\":\"', " + products + "[1 + h % 8], '\",\"quantity\":', "
                + "toString(1 + h % 4), if(h % 3 = 0, '}', concat('},{\"product\":\"', " + products
                + "[1 + intDiv(h, 8) % 8], '\",\"quantity\":1}')), ']')";
        return "INSERT INTO " + db + ".entity_operations (activity_id, entity_id, org_id, operation, schema, "
                + "timestamp, detail) "
                + "SELECT activity_id, entity_id, '" + ORG + "', operation, schema, ts, concat('{\"entity\":\"', "
                + "entity_id, '\",\"org\":\"" + ORG + "\",\"activity_id\":\"', activity_id, '\",\"operation\":\"', "
                + "operation, '\",\"params\":{\"id\":\"', entity_id, '\",\"slug\":\"', schema, '\"},\"payload\":"
                + "{\"_id\":\"', entity_id, '\",\"_org\":\"" + ORG + "\",\"_schema\":\"', schema, '\",\"_title\":\"', "
                + "multiIf(schema = 'opportunity', concat(journey, ' – ', first, ' ', last), schema = 'contact', "
                + "concat(first, ' ', last), concat('Bestellung B-', toString(100000 + e))), '\",\"_tags\":[\"', "
                + "['b2c','b2b','hot','warm','cold','priority','vip','referral'][1 + h % 8], '\"],"
                + "\"_created_at\":\"', " + iso("created") + ", '\",\"_updated_at\":\"', " + iso("ts")
                + ", '\",\"_deleted_at\":null,"
                + "\"_owners\":[{\"org_id\":\"" + ORG + "\",\"user_id\":\"user-', toString(h % 40), '\"}],"
                + "\"_acl\":{\"view\":[\"org:" + ORG + "\"],\"edit\":[\"org:" + ORG + "\"],\"delete\":[\"org:" + ORG
                + "\"]},\"_purpose\":[\"', ['sales','service','billing','installation'][1 + h % 4], '\"],', "
                + "multiIf(schema = 'opportunity', " + opportunity + ", schema = 'contact', " + contact + ", " + order
                + "), '},\"diff\":{\"added\":{},\"updated\":', if(upd, concat('{\"status\":\"', status, '\"}'), "
                + "'{}'), ',\"deleted\":{}}}') "
                + "FROM (SELECT number AS n, n >= " + ENTITIES + " AS upd, "
                // one integer type for both branches: cityHash64 hashes the type too
                + "toUInt64(if(upd, intDiv(n - " + ENTITIES + ", 3) * 10 + (n - " + ENTITIES + ") % 3, n)) AS e, "
                + "cityHash64(e, 'attributes') AS h, cityHash64(n, 'operation') AS h2, "
                + "UUIDNumToString(toFixedString(concat(reinterpretAsFixedString(cityHash64(e, 'id-high')), "
                + "reinterpretAsFixedString(cityHash64(e, 'id-low'))), 16)) AS entity_id, "
                + "lower(concat(hex(reinterpretAsFixedString(toUInt64(toUnixTimestamp64Milli(ts)))), "
                + "hex(reinterpretAsFixedString(h2)))) AS activity_id, "
                + "multiIf(e % 10 < 5, 'opportunity', e % 10 < 8, 'contact', 'order') AS schema, "
                + "if(upd, 'updateEntity', 'createEntity') AS operation, "
                + "fromUnixTimestamp64Milli(toInt64(1704067200000 + intDiv(e * " + spanMs + ", " + ENTITIES
                + ") + h % 1000), 'UTC') AS created, "
                + "if(upd, created + toIntervalMinute(60 + h2 % 86400), created) AS ts, "
                + "if(upd, ['in_progress','in_progress','offer_sent','won','lost'][1 + h2 % 5], 'open') AS status, "
                + "concat(toString(800 + if(upd AND h2 % 10 < 4, h2, h) % 44200), '.', "
                + "leftPad(toString(1 + if(upd AND h2 % 10 < 4, h2, h) % 99), 2, '0')) AS money, "
                + first + "[1 + h % 30] AS first, " + last + "[1 + intDiv(h, 30) % 26] AS last, "
                + "concat(replaceRegexpAll(replaceAll(replaceAll(replaceAll(replaceAll(lowerUTF8(first), 'ä', 'ae'),"
                + " 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), '[^a-z0-9]', ''), '.', replaceRegexpAll(replaceAll("
                + "replaceAll(replaceAll(replaceAll(lowerUTF8(last), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), "
                + "'[^a-z0-9]', ''), '@', ['gmail.com','web.de','gmx.de','t-online.de','outlook.com'][1 + h % 5]) "
                + "AS email, ['Wallbox Installation','Photovoltaik Projekt','Wärmepumpe Angebot','Energieausweis',"
                + "'Heizungstausch'][1 + cityHash64(e) % 5] AS journey "
                + "FROM numbers(" + (ENTITIES + UPDATES) + "))";
    }

    /** An ISO timestamp as the generator writes it: {@code 2024-05-01T08:30:00.250Z}. */
    private static String iso(String dateTime64) {
        return "concat(replaceOne(toString(" + dateTime64 + "), ' ', 'T'), 'Z')";
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static double timed(Statement s, String sql) throws Exception {
        long t = System.nanoTime();
        rows(s, sql);
        return (System.nanoTime() - t) / 1e6;
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String seconds(double ms) {
        return String.format("%.2f s", ms / 1000);
    }
}
