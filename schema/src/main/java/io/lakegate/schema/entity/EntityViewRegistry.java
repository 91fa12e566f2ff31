package io.lakegate.schema.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.SchemaWrites;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code lakegate_entity_views} table: for each org and entity schema, the view's name, its columns (as JSON:
 * name, path, type), the type widenings seen and the version it was created at.
 */
public final class EntityViewRegistry {
    /** A registered view and the version it was created at. */
    public record Registered(EntitySchemaView view, String version) {
    }

    private record StoredColumn(String name, List<String> path, String type) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final String database;
    private final SchemaWrites writes;

    /** @param sqlSink receives the writes instead of them being executed (for update-sql), or null to execute */
    public EntityViewRegistry(Connection connection, String database, Consumer<String> sqlSink) {
        this.connection = connection;
        this.database = database;
        this.writes = new SchemaWrites(connection, sqlSink);
    }

    /** The org's registered views by entity schema. */
    public Map<String, Registered> views(OrgId org) throws SQLException {
        return read("org_id = " + ClickHouseQuoting.string(org.value())).getOrDefault(org.value(), Map.of());
    }

    /** Every org's registered views: org, then entity schema. */
    public Map<String, Map<String, Registered>> all() throws SQLException {
        return read("1");
    }

    private Map<String, Map<String, Registered>> read(String condition) throws SQLException {
        Map<String, Map<String, Registered>> result = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT org_id, "
                + "entity_schema, view_name, columns, conflicts, views_version FROM " + table() + " FINAL WHERE "
                + condition + " ORDER BY org_id, entity_schema")) {
            while (rs.next()) {
                List<AttributeColumn> columns = new ArrayList<>();
                for (StoredColumn c : JSON.readValue(rs.getString(4), new TypeReference<List<StoredColumn>>() { })) {
                    columns.add(new AttributeColumn(c.name(), c.path(), AttributeType.parse(c.type())));
                }
                String conflicts = rs.getString(5);
                EntitySchemaView view = new EntitySchemaView(rs.getString(2), rs.getString(3), columns,
                        conflicts.isEmpty() ? List.of() : List.of(conflicts.split("\n")));
                result.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                        .put(view.schema(), new Registered(view, rs.getString(6)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The registry " + table() + " holds columns that are not lakegate's JSON: "
                    + e.getOriginalMessage(), e);
        }
        return result;
    }

    void record(OrgId org, EntitySchemaView view, String version) throws SQLException {
        List<StoredColumn> stored = view.columns().stream()
                .map(c -> new StoredColumn(c.name(), c.path(), c.type().toString())).toList();
        String columns;
        try {
            columns = JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execute("INSERT INTO " + table() + " (org_id, entity_schema, view_name, columns, conflicts, views_version) "
                + "VALUES (" + String.join(", ", ClickHouseQuoting.string(org.value()),
                ClickHouseQuoting.string(view.schema()), ClickHouseQuoting.string(view.name()),
                ClickHouseQuoting.string(columns), ClickHouseQuoting.string(String.join("\n", view.conflicts())),
                ClickHouseQuoting.string(version)) + ")");
    }

    void forget(OrgId org, String schema) throws SQLException {
        execute("INSERT INTO " + table() + " (org_id, entity_schema, view_name, columns, views_version, is_deleted) "
                + "VALUES (" + ClickHouseQuoting.string(org.value()) + ", " + ClickHouseQuoting.string(schema)
                + ", '', '[]', '', 1)");
    }

    private void execute(String sql) throws SQLException {
        writes.execute(sql);
    }

    private String table() {
        return ClickHouseQuoting.identifier(database) + ".lakegate_entity_views";
    }
}
