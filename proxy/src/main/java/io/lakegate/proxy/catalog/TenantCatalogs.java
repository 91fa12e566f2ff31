package io.lakegate.proxy.catalog;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads each tenant's catalog from ClickHouse (the org's registry entry and the columns of its views) and keeps it for
 * a short while, so the flood of metadata calls BI tools make costs one lookup per org, and a schema upgrade or a
 * removed org shows within {@code ttl}.
 */
public final class TenantCatalogs {
    /** System tables that show other tenants' queries, the server's users or its dictionaries: never a tenant's. */
    private static final List<String> HIDDEN_SYSTEM_TABLES = List.of("system.processes", "system.query_log",
            "system.query_thread_log", "system.query_views_log", "system.text_log", "system.processors_profile_log",
            "system.session_log", "system.users", "system.grants", "system.user_directories", "system.dictionaries");

    private record Cached(TenantCatalog catalog, long loadedAt) {
    }

    private final Connection connection;
    private final String database;
    private final OrgProvisioner registry;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public TenantCatalogs(Connection connection, SchemaSettings settings, Duration ttl) {
        this.connection = connection;
        this.database = settings.database();
        this.registry = new OrgProvisioner(connection, settings, null);
        this.ttlNanos = ttl.toNanos();
    }

    public String database() {
        return database;
    }

    /** The catalog of a provisioned org; a tenant whose org was removed gets a clear error. */
    public TenantCatalog forOrg(String orgId) {
        Cached cached = cache.get(orgId);
        if (cached != null && System.nanoTime() - cached.loadedAt < ttlNanos) {
            return cached.catalog;
        }
        try {
            TenantCatalog catalog = load(new OrgId(orgId));
            cache.put(orgId, new Cached(catalog, System.nanoTime()));
            return catalog;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the catalog of org " + orgId + " from ClickHouse: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Every table of the lake's database as this org may read it: the datasets' tables (they have {@code org_id})
     * only their org's rows, the gateway's own tables (credentials, registry, Liquibase's) nothing; plus the system
     * tables that show other tenants' queries. Tenant queries never name these tables (the binder sees to that);
     * the filters hold if a query ever did.
     */
    private Map<String, String> rowFilters(OrgId org) throws SQLException {
        Map<String, String> filters = new LinkedHashMap<>();
        String own = "org_id = " + ClickHouseQuoting.string(org.value());
        try (PreparedStatement ps = connection.prepareStatement("SELECT name, name IN (SELECT table FROM "
                + "system.columns WHERE database = ? AND name = 'org_id') FROM system.tables WHERE database = ? "
                + "AND engine NOT LIKE '%View' AND NOT startsWith(name, '.')")) {
            ps.setString(1, database);
            ps.setString(2, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    boolean internal = table.startsWith("lakegate_") || table.toLowerCase(Locale.ROOT)
                            .startsWith("databasechangelog");
                    filters.put(database + "." + table, rs.getBoolean(2) && !internal ? own : "0");
                }
            }
        }
        for (String table : HIDDEN_SYSTEM_TABLES) {
            filters.put(table, "0");
        }
        return filters;
    }

    /**
     * The full names of the org's entity schema views ({@code 16581729_opportunity_final}), from the registry; its
     * two parameters are the org's prefix and its id. A lake whose schema predates the registry has none.
     */
    private String entityViews() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count() FROM system.tables WHERE "
                + "database = ? AND name = 'lakegate_entity_views'")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return "SELECT ? WHERE 0 UNION ALL SELECT ? WHERE 0";
                }
            }
        }
        return "SELECT concat(?, view_name) FROM " + ClickHouseQuoting.identifier(database)
                + ".lakegate_entity_views FINAL WHERE org_id = ? AND view_name != ''";
    }

    private TenantCatalog load(OrgId org) throws SQLException {
        synchronized (connection) {
            if (!registry.isProvisioned(org)) {
                throw new TenantSqlException(Reason.NOT_ALLOWED, "Org " + org + " is not provisioned on this lake "
                        + "(it may have been removed): ask your operator");
            }
            Map<String, List<TenantCatalog.Column>> columns = new LinkedHashMap<>();
            String prefix = org.value() + "_";
            // the org's views of the tenant_* definitions, and its entity schema views as the registry lists them
            try (PreparedStatement ps = connection.prepareStatement("SELECT c.table, c.name, c.type, c.position, "
                    + "c.comment FROM system.columns AS c WHERE c.database = ? AND (c.table IN (SELECT concat(?, "
                    + "substring(name, 8)) FROM system.tables WHERE database = ? AND engine = 'View' "
                    + "AND startsWith(name, 'tenant_')) OR c.table IN (" + entityViews() + ")) "
                    + "ORDER BY c.table, c.position")) {
                ps.setString(1, database);
                ps.setString(2, prefix);
                ps.setString(3, database);
                ps.setString(4, prefix);
                ps.setString(5, org.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TenantCatalog.Column(
                                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
                    }
                }
            }
            List<TenantCatalog.Table> tables = new ArrayList<>();
            columns.forEach((physical, cols) -> {
                String name = physical.substring(prefix.length());
                tables.add(new TenantCatalog.Table(name, physical, List.copyOf(cols)));
            });
            tables.sort((a, b) -> a.name().compareTo(b.name()));
            return new TenantCatalog(org.value(), database, tables, rowFilters(org));
        }
    }
}
