package io.lakegate.schema.entity;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.schema.OrgId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Asks ClickHouse which attribute paths, with which types, an org's current entities have, schema by schema. Each
 * sampled payload is cast to ClickHouse's JSON type and {@code JSONAllPathsWithTypes} reports its paths (nested
 * objects as {@code a.b}) with the type ClickHouse infers for each; the gateway only groups the answers.
 *
 * <p>Bounded: at most about {@link #ROWS_PER_SCHEMA} entities of each schema, chosen by a range of entity ids (the
 * ids are random UUIDs, so the first fraction of the id space is a uniform sample, and it is a range of the table's
 * key: ClickHouse reads only those granules), plus the org's {@link #NEWEST} most recently changed entities (an
 * attribute that just appeared is in those).
 */
final class AttributeSampler {
    static final int ROWS_PER_SCHEMA = 20_000;
    static final int NEWEST = 2_000;

    /** What the sample showed of one schema: the ClickHouse types seen at each path. */
    record SampledSchema(String schema, Map<List<String>, Set<String>> types) {
    }

    private final Connection connection;
    private final String database;
    private final int rowsPerSchema;

    AttributeSampler(Connection connection, String database, int rowsPerSchema) {
        this.connection = connection;
        this.database = database;
        this.rowsPerSchema = rowsPerSchema;
    }

    Map<String, SampledSchema> sample(OrgId org) throws SQLException {
        Map<String, Long> counts = counts(org);
        if (counts.isEmpty()) {
            return Map.of();
        }
        String table = ClickHouseQuoting.identifier(database) + ".current_entities";
        String own = "org_id = " + ClickHouseQuoting.string(org.value());
        List<String> bounds = new ArrayList<>();
        counts.forEach((schema, rows) -> bounds.add("(schema = " + ClickHouseQuoting.string(schema)
                + idBound(rows) + ")"));
        String sql = "SELECT schema, path, arraySort(groupUniqArray(type)) FROM (SELECT schema, "
                + "JSONAllPathsWithTypes(CAST("
                + "if(JSONType(detail, 'payload') = 'Object', JSONExtractRaw(detail, 'payload'), '{}'), 'JSON')) AS m"
                + " FROM " + table + " FINAL WHERE " + own + " AND (" + String.join(" OR ", bounds)
                + " OR entity_id IN (SELECT entity_id FROM " + table + " WHERE " + own
                + " ORDER BY timestamp DESC LIMIT " + NEWEST + ")))"
                + " LEFT ARRAY JOIN mapKeys(m) AS path, mapValues(m) AS type"
                + " GROUP BY schema, path ORDER BY schema, path"
                // the inference rules pinned, so a server's own defaults cannot change the columns
                + " SETTINGS input_format_try_infer_dates = 1, input_format_try_infer_datetimes = 1,"
                + " input_format_try_infer_integers = 1, input_format_json_try_infer_numbers_from_strings = 0,"
                + " input_format_json_read_bools_as_numbers = 0, input_format_json_infer_incomplete_types_as_strings = 1,"
                + " json_type_escape_dots_in_keys = 1";
        Map<String, SampledSchema> result = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String schema = rs.getString(1);
                SampledSchema sampled = result.computeIfAbsent(schema, k -> new SampledSchema(k,
                        new java.util.LinkedHashMap<>()));
                if (rs.getString(2).isEmpty()) {
                    continue; // a payload without attributes: the schema is present all the same
                }
                Set<String> types = new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray(3).getArray()));
                sampled.types().put(path(rs.getString(2)), types);
            }
        }
        // only schemas with current (not deleted) entities: the sample reads with FINAL
        return result;
    }

    /** Entities of the org by schema, counted on the raw table (cheap: one LowCardinality column). */
    private Map<String, Long> counts(OrgId org) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT schema, count() FROM "
                + ClickHouseQuoting.identifier(database) + ".current_entities WHERE org_id = "
                + ClickHouseQuoting.string(org.value()) + " GROUP BY schema")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** {@code AND entity_id < 'xxxx'}: the first {@code rowsPerSchema / rows} of the hex id space, or nothing. */
    private String idBound(long rows) {
        if (rows <= rowsPerSchema) {
            return "";
        }
        long prefix = Math.max(1, (long) Math.ceil(65536.0 * rowsPerSchema / rows));
        return " AND entity_id < " + ClickHouseQuoting.string(String.format("%04x", prefix));
    }

    /** ClickHouse's path ({@code a.b}, dots inside keys escaped as {@code %2E}) as its keys. */
    static List<String> path(String jsonPath) {
        List<String> keys = new ArrayList<>();
        for (String key : jsonPath.split("\\.", -1)) {
            keys.add(key.replace("%2E", "."));
        }
        return keys;
    }
}
