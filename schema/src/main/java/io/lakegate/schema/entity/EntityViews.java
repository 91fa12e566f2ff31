package io.lakegate.schema.entity;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaSettings;
import io.lakegate.schema.SchemaWrites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Creates, refreshes and removes each org's entity schema views ({@code {org}_opportunity_final}, ...): samples the
 * org's payloads ({@link AttributeSampler}), merges what ClickHouse saw into the registered columns
 * ({@link ColumnInference}) and re-creates only the views whose definition changed.
 */
public final class EntityViews {
    /** What a refresh did to one view. */
    public record Change(String view, boolean created, List<String> added, List<String> widened,
                         List<String> leftOut) {
    }

    /** What a refresh did to one org. */
    public record Refresh(String org, List<Change> changes, int unchanged) {
        /** One line per change, for the console. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            for (Change c : changes) {
                lines.add(c.view() + ": " + (c.created() ? "created" : "re-created") + (c.added().isEmpty() ? ""
                        : ", new columns " + String.join(", ", c.added())));
                c.widened().forEach(w -> lines.add("  type conflict widened: " + w));
                if (!c.leftOut().isEmpty()) {
                    lines.add("  left out (more than " + ColumnInference.MAX_COLUMNS + " columns): "
                            + String.join(", ", c.leftOut()));
                }
            }
            return lines;
        }
    }

    private final Connection connection;
    private final SchemaSettings settings;
    private final Consumer<String> sqlSink;
    private final SchemaWrites writes;
    private final EntityViewRegistry registry;
    private final int rowsPerSchema;

    /** @param sqlSink receives every write instead of it being executed (for update-sql), or null to execute */
    public EntityViews(Connection connection, SchemaSettings settings, Consumer<String> sqlSink) {
        this(connection, settings, sqlSink, AttributeSampler.ROWS_PER_SCHEMA);
    }

    /** @param rowsPerSchema the sample's bound: about this many entities of each schema are read */
    public EntityViews(Connection connection, SchemaSettings settings, Consumer<String> sqlSink, int rowsPerSchema) {
        if (rowsPerSchema < 1) {
            throw new IllegalArgumentException("The sample needs at least one entity per schema");
        }
        this.connection = connection;
        this.settings = settings;
        this.sqlSink = sqlSink;
        this.writes = new SchemaWrites(connection, sqlSink);
        this.registry = new EntityViewRegistry(connection, settings.database(), sqlSink);
        this.rowsPerSchema = rowsPerSchema;
    }

    public EntityViewRegistry registry() {
        return registry;
    }

    /** Refreshes every org in the registry of orgs. */
    public List<Refresh> refreshAll() throws SQLException {
        List<Refresh> result = new ArrayList<>();
        for (OrgProvisioner.Org org : new OrgProvisioner(connection, settings, null).list()) {
            result.add(refresh(new OrgId(org.orgId())));
        }
        return result;
    }

    /** Re-infers the org's attribute columns and re-creates the views whose definition changed. */
    public Refresh refresh(OrgId org) throws SQLException {
        OrgProvisioner orgs = new OrgProvisioner(connection, settings, null);
        if (!orgs.isProvisioned(org)) {
            throw new IllegalArgumentException("Org " + org + " is not provisioned: run `lakegate org add " + org
                    + "` first");
        }
        Map<String, EntityViewRegistry.Registered> registered = registry.views(org);
        Map<String, AttributeSampler.SampledSchema> sampled = new AttributeSampler(connection, settings.database(),
                rowsPerSchema).sample(org);
        Set<String> existing = existingViews();
        Set<String> takenNames = new HashSet<>();
        orgs.tenantViews().forEach(v -> takenNames.add(v.toLowerCase(Locale.ROOT)));
        registered.values().forEach(r -> takenNames.add(r.view().name().toLowerCase(Locale.ROOT)));
        Set<String> schemas = new TreeSet<>(registered.keySet());
        schemas.addAll(sampled.keySet());
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (String schema : schemas) {
            EntityViewRegistry.Registered before = registered.get(schema);
            String name = before != null ? before.view().name()
                    : SafeNames.unique(SafeNames.of(schema), "_final", takenNames);
            AttributeSampler.SampledSchema seen = sampled.get(schema);
            ColumnInference.Result inferred = ColumnInference.infer(schema, before == null ? null : before.view(),
                    name, seen == null ? Map.of() : seen.types());
            EntitySchemaView view = inferred.view();
            String version = view.version(settings.database(), org);
            boolean same = before != null && before.version().equals(version)
                    && before.view().conflicts().equals(view.conflicts()) && existing.contains(view.physical(org));
            if (same) {
                unchanged++;
                continue;
            }
            execute(view.createSql(settings.database(), org, settings.onCluster()));
            registry.record(org, view, version);
            changes.add(new Change(view.physical(org), before == null, inferred.added(), inferred.widened(),
                    inferred.leftOut()));
        }
        return new Refresh(org.value(), changes, unchanged);
    }

    /** Drops the org's entity schema views and forgets them. */
    public void remove(OrgId org) throws SQLException {
        for (EntityViewRegistry.Registered r : registry.views(org).values()) {
            execute("DROP VIEW IF EXISTS " + ClickHouseQuoting.identifier(settings.database()) + "."
                    + ClickHouseQuoting.identifier(r.view().physical(org)) + " " + settings.onCluster() + " SYNC");
            registry.forget(org, r.view().schema());
        }
    }

    private Set<String> existingViews() throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM system.tables WHERE database = ? "
                + "AND engine = 'View'")) {
            ps.setString(1, settings.database());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private void execute(String sql) throws SQLException {
        writes.execute(sql);
    }
}
