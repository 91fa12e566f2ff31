package io.lakegate.schema;

import io.lakegate.schema.entity.AttributeColumn;
import io.lakegate.schema.entity.EntitySchemaView;
import io.lakegate.schema.entity.EntityViewRegistry;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the live objects with what the changelogs define, object by object. What the changelogs define is made
 * real in a scratch database on the same server (so ClickHouse itself normalizes every definition), compared, and
 * dropped. Orgs' views are compared with the views a probe org gets there.
 */
public final class SchemaDrift {
    private static final String PROBE_ORG = "0";
    private static final Set<String> LIQUIBASE_TABLES = Set.of("databasechangelog", "databasechangeloglock");

    private final ClickHouseTarget target;
    private final SchemaSettings settings;

    public SchemaDrift(ClickHouseTarget target, SchemaSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    /** One difference between the live database and the changelogs. */
    public record Difference(String object, String problem) {
        @Override
        public String toString() {
            return object + ": " + problem;
        }
    }

    /** A live object's definition as ClickHouse reports it, with database names taken out. */
    private record Definition(String engine, String sortingKey, String partitionKey, String ttl, String query,
                              List<String> columns, List<String> indexes) {
    }

    public List<Difference> check() throws Exception {
        String scratch = "lakegate_drift_" + Long.toHexString(System.nanoTime());
        SchemaSettings scratchSettings = new SchemaSettings(scratch, "", settings.retentionDays());
        try (Connection c = target.connect("default")) {
            try {
                // the scratch apply is an implementation detail: its progress goes to the log, not the console
                Scope.child(Scope.Attr.ui.name(), new LoggerUIService(),
                        () -> new SchemaManager(target, scratchSettings).update());
                new OrgProvisioner(c, scratchSettings, null).add(List.of(new OrgId(PROBE_ORG)));
                return compare(c, scratch);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS `" + scratch + "` SYNC");
                }
            }
        }
    }

    private List<Difference> compare(Connection c, String scratch) throws SQLException {
        Map<String, Definition> expected = definitions(c, scratch);
        Map<String, Definition> live = definitions(c, settings.database());
        List<OrgProvisioner.Org> orgs = new OrgProvisioner(c, settings, null).list();
        List<Difference> differences = new ArrayList<>();
        Set<String> explained = new TreeSet<>();
        for (Map.Entry<String, Definition> e : expected.entrySet()) {
            String name = e.getKey();
            if (name.startsWith(PROBE_ORG + "_")) {
                String view = name.substring(PROBE_ORG.length() + 1);
                for (OrgProvisioner.Org org : orgs) {
                    String orgView = org.orgId() + "_" + view;
                    explained.add(orgView);
                    Definition want = withOrg(e.getValue(), org.orgId());
                    compareOne(orgView, want, live.get(orgView), differences);
                }
                continue;
            }
            explained.add(name);
            compareOne(name, e.getValue(), live.get(name), differences);
        }
        compareEntityViews(c, live, explained, differences);
        for (String name : live.keySet()) {
            if (!explained.contains(name) && !LIQUIBASE_TABLES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                differences.add(new Difference(name, "exists but no changelog or provisioned org defines it"));
            }
        }
        return differences;
    }

    /**
     * The entity schema views are derived from each org's data, not from the changelogs: the registry says which
     * exist and which typed columns each has, so a view the registry knows is not foreign, and one that lost a
     * column or is gone is drift.
     */
    private void compareEntityViews(Connection c, Map<String, Definition> live, Set<String> explained,
                                    List<Difference> out) throws SQLException {
        if (!live.containsKey("lakegate_entity_views")) {
            return;
        }
        EntityViewRegistry registry = new EntityViewRegistry(c, settings.database(), null);
        for (Map.Entry<String, Map<String, EntityViewRegistry.Registered>> org : registry.all().entrySet()) {
            for (EntityViewRegistry.Registered r : org.getValue().values()) {
                String name = r.view().physical(new OrgId(org.getKey()));
                explained.add(name);
                Definition have = live.get(name);
                if (have == null) {
                    out.add(new Difference(name, "missing (an entity schema view: `lakegate org refresh "
                            + org.getKey() + "` re-creates it)"));
                    continue;
                }
                for (AttributeColumn col : r.view().columns()) {
                    String want = col.name() + " " + col.type().columnType();
                    if (!have.columns().contains(want)) {
                        out.add(new Difference(name, "column differs or is missing: expected " + want));
                    }
                }
                int expected = EntitySchemaView.BASE_COLUMNS.size() + r.view().columns().size();
                if (have.columns().size() != expected) {
                    out.add(new Difference(name, "has " + have.columns().size() + " columns, the registry defines "
                            + expected));
                }
            }
        }
    }

    private static void compareOne(String name, Definition want, Definition have, List<Difference> out) {
        if (have == null) {
            out.add(new Difference(name, "missing"));
            return;
        }
        check(name, "engine", want.engine(), have.engine(), out);
        check(name, "sorting key", want.sortingKey(), have.sortingKey(), out);
        check(name, "partition key", want.partitionKey(), have.partitionKey(), out);
        check(name, "TTL", want.ttl(), have.ttl(), out);
        check(name, "view query", want.query(), have.query(), out);
        Set<String> missing = new TreeSet<>(want.columns());
        missing.removeAll(have.columns());
        Set<String> extra = new TreeSet<>(have.columns());
        extra.removeAll(want.columns());
        missing.forEach(col -> out.add(new Difference(name, "column differs or is missing: expected " + col)));
        extra.forEach(col -> out.add(new Difference(name, "column not in the changelogs: " + col)));
        if (missing.isEmpty() && extra.isEmpty() && !want.columns().equals(have.columns())) {
            out.add(new Difference(name, "columns are in a different order"));
        }
        Set<String> missingIdx = new TreeSet<>(want.indexes());
        missingIdx.removeAll(have.indexes());
        Set<String> extraIdx = new TreeSet<>(have.indexes());
        extraIdx.removeAll(want.indexes());
        missingIdx.forEach(i -> out.add(new Difference(name, "index differs or is missing: expected " + i)));
        extraIdx.forEach(i -> out.add(new Difference(name, "index not in the changelogs: " + i)));
    }

    private static void check(String name, String what, String want, String have, List<Difference> out) {
        if (!Objects.equals(want, have)) {
            out.add(new Difference(name, what + " is '" + have + "', the changelogs define '" + want + "'"));
        }
    }

    private static Definition withOrg(Definition probe, String org) {
        return new Definition(probe.engine(), probe.sortingKey(), probe.partitionKey(), probe.ttl(),
                probe.query().replace("'" + PROBE_ORG + "'", "'" + org + "'"), probe.columns(), probe.indexes());
    }

    private static Map<String, Definition> definitions(Connection c, String database) throws SQLException {
        Map<String, List<String>> columns = grouped(c, "SELECT table, concat(name, ' ', type, "
                + "if(default_kind = '', '', concat(' ', default_kind, ' ', default_expression)), "
                + "if(compression_codec = '', '', concat(' ', compression_codec))) FROM system.columns "
                + "WHERE database = ? ORDER BY table, position", database);
        Map<String, List<String>> indexes = grouped(c, "SELECT table, concat(name, ' ', type_full, ' ', expr, "
                + "' GRANULARITY ', toString(granularity)) FROM system.data_skipping_indices WHERE database = ? "
                + "ORDER BY table, name", database);
        Map<String, Definition> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, engine, sorting_key, partition_key, "
                + "extract(engine_full, 'TTL (.*?)(?: SETTINGS|$)'), as_select FROM system.tables WHERE database = ? "
                + "ORDER BY name")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    result.put(name, new Definition(rs.getString(2).replace("Replicated", ""), rs.getString(3),
                            rs.getString(4), strip(rs.getString(5), database), strip(rs.getString(6), database),
                            columns.getOrDefault(name, List.of()), indexes.getOrDefault(name, List.of())));
                }
            }
        }
        return result;
    }

    private static Map<String, List<String>> grouped(Connection c, String sql, String database) throws SQLException {
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return result;
    }

    private static String strip(String text, String database) {
        return text == null ? "" : text.replace("`" + database + "`.", "").replace(database + ".", "");
    }
}
