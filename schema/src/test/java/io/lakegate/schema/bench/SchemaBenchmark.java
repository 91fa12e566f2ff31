package io.lakegate.schema.bench;

import io.lakegate.engine.testing.BenchmarkReport;
import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema figures on the test ClickHouse: applying the changelogs, provisioning 1,000 orgs, catalog and tenant-view
 * query latency with them, and bytes per row with the changelogs' codecs against default codecs.
 */
class SchemaBenchmark {
    private static final int ORGS = 1000;
    private static final int ROWS = 2_000_000;

    @Test
    void schemaFigures() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        ClickHouseTarget target = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
        SchemaSettings settings = SchemaSettings.defaults().withDatabase("bench_" + ProcessHandle.current().pid());
        StringBuilder md = new StringBuilder("## Schema\n\n" + BenchmarkReport.machine() + ", "
                + (ch.isEmbedded() ? "embedded ClickHouse " + ch.embedded().version() : ch.url())
                + ", through clickhouse-jdbc and the HTTP interface.\n\n| measurement | result |\n|---|---:|\n");
        long t0 = System.nanoTime();
        SchemaManager.UpdateResult applied = new SchemaManager(target, settings).update();
        row(md, "apply the schema on an empty database (" + applied.changeSetsApplied() + " changesets)", t0);
        t0 = System.nanoTime();
        new SchemaManager(target, settings).update();
        row(md, "re-apply with nothing to do", t0);

        try (Connection c = target.connect(settings.database()); Statement s = c.createStatement()) {
            OrgProvisioner orgs = new OrgProvisioner(c, settings, null);
            List<OrgId> ids = IntStream.rangeClosed(1, ORGS).mapToObj(i -> new OrgId(String.valueOf(1000 + i)))
                    .toList();
            t0 = System.nanoTime();
            assertThat(orgs.add(ids)).isEqualTo(ORGS);
            row(md, "provision " + ORGS + " orgs (" + ORGS * 12 + " views)", t0);
            t0 = System.nanoTime();
            assertThat(orgs.add(ids)).isZero();
            row(md, "re-run provisioning of the " + ORGS + " orgs with nothing to do", t0);

            s.execute("INSERT INTO `" + settings.database() + "`.entity_operations (activity_id, entity_id, org_id, "
                    + "operation, schema, timestamp, detail) SELECT toString(generateUUIDv4()), "
                    + "toString(cityHash64(number % 400000)), toString(1001 + number % " + ORGS + "), "
                    + "['createEntity','updateEntity','updateEntity','deleteEntity'][1 + number % 4], "
                    + "['opportunity','contact','account','order'][1 + intDiv(number, 7) % 4], "
                    + "toDateTime64('2024-01-01 00:00:00', 3) + number * 13, concat('{\"entity\":\"', "
                    + "toString(number % 400000), '\",\"payload\":{\"_id\":\"', toString(number % 400000), "
                    + "'\",\"_schema\":\"opportunity\",\"_title\":\"Opportunity ', toString(number % 400000), "
                    + "'\",\"_tags\":[\"a\",\"b\"],\"_created_at\":\"2024-01-01T00:00:00Z\",\"source\":{\"title\":\"', "
                    + "['Wallbox','Energieausweis','PV'][1 + number % 3], '\"}}}') FROM numbers(" + ROWS + ")");
            String catalog = "SELECT database, name, engine FROM system.tables WHERE database = '"
                    + settings.database() + "' AND name LIKE '1500\\\\_%'";
            md.append(String.format("| `system.tables` lookup of one org's tables, %,d views present | %s |%n",
                    ORGS * 12, median(s, catalog)));
            md.append(String.format("| `system.tables` scan of the whole database | %s |%n", median(s,
                    "SELECT count() FROM system.tables WHERE database = '" + settings.database() + "'")));
            md.append(String.format("| reference query on `1500_entity_operations` (%,d rows in the table) | %s |%n",
                    ROWS, median(s, "SELECT count(*) AS count, JSONExtractString(detail, 'payload', 'source', "
                            + "'title') AS journey_source, toStartOfYear(timestamp) AS year, toStartOfMonth(timestamp)"
                            + " AS month FROM `" + settings.database() + "`.`1500_entity_operations` WHERE schema = "
                            + "'opportunity' AND operation = 'createEntity' GROUP BY journey_source, year, month")));
            md.append(String.format("| `1500_current_entities_final`, count | %s |%n", median(s,
                    "SELECT count() FROM `" + settings.database() + "`.`1500_current_entities_final`")));
            md.append("\n### Bytes per row, entity_operations (" + String.format("%,d", ROWS) + " generated rows)\n\n"
                    + "| table | compressed | uncompressed | ratio |\n|---|---:|---:|---:|\n");
            // the same columns (the parsed ones included) and rows, with ClickHouse's default codec and no sort order
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT concat('`', name, '` ', type) FROM system.columns WHERE "
                    + "database = '" + settings.database() + "' AND table = 'entity_operations' ORDER BY position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            String names = String.join(", ", columns.stream().map(col -> col.substring(0, col.indexOf("` ") + 1))
                    .toList());
            s.execute("CREATE TABLE `" + settings.database() + "`.entity_operations_default_codecs ("
                    + String.join(", ", columns) + ") ENGINE = MergeTree ORDER BY tuple()");
            s.execute("INSERT INTO `" + settings.database() + "`.entity_operations_default_codecs SELECT " + names
                    + " FROM `" + settings.database() + "`.entity_operations");
            for (String table : List.of("entity_operations", "entity_operations_default_codecs", "current_entities")) {
                s.execute("OPTIMIZE TABLE `" + settings.database() + "`." + table + " FINAL");
                try (ResultSet rs = s.executeQuery("SELECT sum(data_compressed_bytes), sum(data_uncompressed_bytes), "
                        + "(SELECT sum(rows) FROM system.parts WHERE active AND database = '" + settings.database()
                        + "' AND table = '" + table + "') FROM system.columns WHERE database = '"
                        + settings.database() + "' AND table = '" + table + "'")) {
                    rs.next();
                    double rows = rs.getDouble(3);
                    md.append(String.format("| %s | %.1f B/row | %.1f B/row | %.1fx |%n", table,
                            rs.getDouble(1) / rows, rs.getDouble(2) / rows, rs.getDouble(2) / rs.getDouble(1)));
                }
            }
            md.append("\n`entity_operations_default_codecs` holds the same rows and columns (the parsed ones included) "
                    + "with ClickHouse's default codec (LZ4), no LowCardinality change and no sort order; "
                    + "`current_entities` is the latest state per entity after merges.\n");
            s.execute("DROP DATABASE `" + settings.database() + "` SYNC");
        }
        BenchmarkReport.writeSection("schema", md.toString());
    }

    private static void row(StringBuilder md, String what, long startNanos) {
        md.append(String.format("| %s | %.2f s |%n", what, (System.nanoTime() - startNanos) / 1e9));
    }

    private static String median(Statement s, String sql) throws Exception {
        s.executeQuery(sql).close();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(null);
        return String.format("%.1f ms", ms.get(2));
    }
}
