package io.lakegate.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Creates, upgrades and removes the views of each organization. The definitions are the changelog's parameterized
 * {@code tenant_*} views; an org's views are thin {@code {org}_<name>} views over them. The registry table records
 * every org and the version of the definitions its views were made from; the version is a hash of those definitions,
 * so any change in the changelog makes every org out of date until {@link #upgradeAll} re-creates its views.
 */
public final class OrgProvisioner {
    /**
     * How an org's views run: as the account that made them (the schema account), so that on a server a tenant
     * account granted only the org's views can read them without any right on the tables under them
     * (docs/tenant-account.md); ClickHouse's default runs a view as its reader.
     */
    public static final String VIEW_SECURITY = "SQL SECURITY DEFINER";

    /** An org as the registry records it. */
    public record Org(String orgId, String viewsVersion, String updatedAt, boolean current) {
    }

    private final Connection connection;
    private final SchemaSettings settings;
    private final Consumer<String> sqlSink;
    private final SchemaWrites writes;

    /**
     * @param sqlSink receives every statement instead of it being executed (for update-sql), or null to execute
     */
    public OrgProvisioner(Connection connection, SchemaSettings settings, Consumer<String> sqlSink) {
        this.connection = connection;
        this.settings = settings;
        this.sqlSink = sqlSink;
        this.writes = new SchemaWrites(connection, sqlSink);
    }

    /** The tenant view definitions in the database, by name without the {@code tenant_} prefix. */
    public List<String> tenantViews() throws SQLException {
        List<String> names = new ArrayList<>();
        for (String[] row : definitions()) {
            names.add(row[0].substring("tenant_".length()));
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("Database " + settings.database() + " has no tenant view definitions: "
                    + "run `lakegate schema update` first");
        }
        return names;
    }

    /** The version of the current definitions. */
    public String viewsVersion() throws SQLException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // the org views' own form counts too: views made before it changed are made again
        digest.update((VIEW_SECURITY + "\n").getBytes(StandardCharsets.UTF_8));
        for (String[] row : definitions()) {
            digest.update((row[0] + "\n" + row[1] + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private List<String[]> definitions() throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, create_table_query FROM system.tables "
                + "WHERE database = ? AND engine = 'View' AND startsWith(name, 'tenant_') ORDER BY name")) {
            ps.setString(1, settings.database());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return rows;
    }

    /** Provisions {@code orgs}; an org already provisioned at the current version is left alone. */
    public int add(List<OrgId> orgs) throws SQLException {
        String version = viewsVersion();
        List<String> views = tenantViews();
        // one read of the registry and one of the catalog, however many orgs: a re-run costs next to nothing
        java.util.Map<String, String> registered = new java.util.HashMap<>();
        list().forEach(org -> registered.put(org.orgId(), org.viewsVersion()));
        java.util.Set<String> existing = existingObjects();
        int changed = 0;
        for (OrgId org : orgs) {
            boolean current = version.equals(registered.get(org.value()))
                    && views.stream().allMatch(view -> existing.contains(org.viewName(view)));
            if (!current) {
                createViews(org, views, version);
                changed++;
            }
        }
        return changed;
    }

    /** Re-creates the views of every org that is not at the current version; returns how many were upgraded. */
    public int upgradeAll() throws SQLException {
        String version = viewsVersion();
        List<String> views = tenantViews();
        int upgraded = 0;
        for (Org org : list()) {
            if (!org.viewsVersion().equals(version)) {
                createViews(new OrgId(org.orgId()), views, version);
                upgraded++;
            }
        }
        return upgraded;
    }

    /** Drops the org's views (its entity schema views too) and records its removal; false if it was not provisioned. */
    public boolean remove(OrgId org) throws SQLException {
        boolean known = isProvisioned(org);
        new io.lakegate.schema.entity.EntityViews(connection, settings, sqlSink).remove(org);
        for (String view : tenantViews()) {
            execute("DROP VIEW IF EXISTS " + qualified(org.viewName(view)) + " " + settings.onCluster() + " SYNC");
        }
        execute("INSERT INTO " + qualified("lakegate_orgs") + " (org_id, views_version, is_deleted) VALUES ('"
                + org + "', '', 1)");
        return known;
    }

    public List<Org> list() throws SQLException {
        String version = viewsVersion();
        List<Org> orgs = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT org_id, views_version, toString(updated_at) FROM "
                     + qualified("lakegate_orgs") + " FINAL ORDER BY org_id")) {
            while (rs.next()) {
                orgs.add(new Org(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(2).equals(version)));
            }
        }
        return orgs;
    }

    /** Whether the registry holds the org (and has not recorded its removal). */
    public boolean isProvisioned(OrgId org) throws SQLException {
        return find(org) != null;
    }

    private Org find(OrgId org) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT views_version, toString(updated_at) FROM "
                + qualified("lakegate_orgs") + " FINAL WHERE org_id = ?")) {
            ps.setString(1, org.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Org(org.value(), rs.getString(1), rs.getString(2), false) : null;
            }
        }
    }

    private java.util.Set<String> existingObjects() throws SQLException {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM system.tables WHERE database = ?")) {
            ps.setString(1, settings.database());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private void createViews(OrgId org, List<String> views, String version) throws SQLException {
        for (String view : views) {
            execute("CREATE OR REPLACE VIEW " + qualified(org.viewName(view)) + " " + settings.onCluster()
                    + " " + VIEW_SECURITY + " AS SELECT * FROM " + qualified("tenant_" + view) + "(org_id = '" + org + "')");
        }
        execute("INSERT INTO " + qualified("lakegate_orgs") + " (org_id, views_version) VALUES ('" + org + "', '"
                + version + "')");
    }

    private void execute(String sql) throws SQLException {
        writes.execute(sql);
    }

    private String qualified(String name) {
        return "`" + settings.database() + "`.`" + name + "`";
    }
}
