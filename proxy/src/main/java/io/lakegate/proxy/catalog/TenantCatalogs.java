package io.lakegate.proxy.catalog;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
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

/**
 * Reads each tenant's catalog from ClickHouse (the org's registry entry and the columns of its views) and keeps it, so
 * the flood of metadata calls BI tools make costs one lookup per org, and a schema upgrade or a removed org shows
 * within {@code ttl}. An org in use has its catalog read again in the background when it is half that old, so its
 * queries do not wait for the reload; only an org's first query, or its first after a pause, does.
 */
public final class TenantCatalogs {
    private static final Logger LOG = LoggerFactory.getLogger(TenantCatalogs.class);
    /** System tables that show other tenants' queries, the server's users or its dictionaries: never a tenant's. */
    private static final List<String> HIDDEN_SYSTEM_TABLES = List.of("system.processes", "system.query_log",
            "system.query_thread_log", "system.query_views_log", "system.text_log", "system.processors_profile_log",
            "system.session_log", "system.users", "system.grants", "system.user_directories", "system.dictionaries");

    /** More orgs than this and the least used go: the keys are orgs that logged in, but their number is open. */
    private static final int MAX_CACHED_ORGS = 10_000;

    private final DataSource connections;
    private final SchemaSettings settings;
    private final String database;
    /** The lake's tables (not its views), each with whether it has {@code org_id}: the same for every org. */
    private final LoadingCache<String, Map<String, Boolean>> lakeTables;
    /** An org that is not provisioned is no entry (its loader answers null), so it is looked up again each time. */
    private final LoadingCache<String, TenantCatalog> cache;
    private final ReloadFailures failures = new ReloadFailures(LOG, "catalog");

    /** @param ttl how long a catalog is used before it is read again; zero reads it for every call */
    public TenantCatalogs(DataSource connections, SchemaSettings settings, Duration ttl) {
        this.connections = connections;
        this.settings = settings;
        this.database = settings.database();
        this.lakeTables = Caffeine.newBuilder().expireAfterWrite(ttl).build(db -> lakeTables());
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(MAX_CACHED_ORGS)
                .executor(Reloads.EXECUTOR);
        if (ttl.isZero()) {
            builder.expireAfterWrite(Duration.ZERO);
        } else {
            // an org in use is read again ahead of time, in the background; none is ever older than ttl
            builder.refreshAfterWrite(ttl.dividedBy(2)).expireAfterWrite(ttl);
        }
        this.cache = builder.build(new CacheLoader<>() {
            @Override
            public TenantCatalog load(String org) {
                // any read that succeeds ends an outage, also the first after the org's entry expired in it
                TenantCatalog catalog = TenantCatalogs.this.load(new OrgId(org));
                failures.succeeded(org);
                return catalog;
            }

            @Override
            public TenantCatalog reload(String org, TenantCatalog last) {
                try {
                    return load(org);
                } catch (UncheckedSQLException e) {
                    // ClickHouse is away: its queries say so themselves
                    failures.failed(org, e.getCause().getMessage(), "the last one read stays in use until it can be");
                    return last;
                }
            }
        });
    }

    public String database() {
        return database;
    }

    /** The catalog of a provisioned org; a tenant whose org was removed gets a clear error. */
    public TenantCatalog forOrg(String orgId) {
        TenantCatalog catalog;
        try {
            catalog = cache.get(orgId);
        } catch (UncheckedSQLException e) {
            throw new IllegalStateException("Cannot read the catalog of org " + orgId + " from ClickHouse: "
                    + e.getCause().getMessage(), e.getCause());
        }
        if (catalog == null) {
            throw new TenantSqlException(Reason.NOT_ALLOWED, "Org " + orgId + " is not provisioned on this lake "
                    + "(it may have been removed): ask your operator");
        }
        return catalog;
    }

    /** Carries a failed read out of the cache's loader, which may not throw checked exceptions. */
    private static final class UncheckedSQLException extends RuntimeException {
        UncheckedSQLException(SQLException cause) {
            super(cause);
        }
    }

    private Map<String, Boolean> lakeTables() {
        Map<String, Boolean> tables = new LinkedHashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT name, name IN (SELECT table FROM "
                     + "system.columns WHERE database = ? AND name = 'org_id') FROM system.tables WHERE database = ? "
                     + "AND engine NOT LIKE '%View' AND NOT startsWith(name, '.')")) {
            ps.setString(1, database);
            ps.setString(2, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        } catch (SQLException e) {
            throw new UncheckedSQLException(e);
        }
        return tables;
    }

    /**
     * Every table of the lake's database as this org may read it: the datasets' tables (they have {@code org_id})
     * only their org's rows, the gateway's own tables (credentials, registry, Liquibase's) nothing; plus the system
     * tables that show other tenants' queries. Tenant queries never name these tables (the binder sees to that);
     * the filters hold if a query ever did.
     */
    private Map<String, String> rowFilters(Map<String, Boolean> tables, OrgId org) {
        Map<String, String> filters = new LinkedHashMap<>();
        String own = "org_id = " + ClickHouseQuoting.string(org.value());
        tables.forEach((table, hasOrg) -> {
            boolean internal = table.startsWith("lakegate_") || table.toLowerCase(Locale.ROOT)
                    .startsWith("databasechangelog");
            filters.put(database + "." + table, hasOrg && !internal ? own : "0");
        });
        for (String table : HIDDEN_SYSTEM_TABLES) {
            filters.put(table, "0");
        }
        return filters;
    }

    /**
     * The full names of the org's entity schema views ({@code 16581729_opportunity_final}), from the registry; its
     * two parameters are the org's prefix and its id. A lake whose schema predates the registry has none.
     */
    private String entityViews(Map<String, Boolean> tables) {
        return tables.containsKey("lakegate_entity_views") ? "SELECT concat(?, view_name) FROM "
                + ClickHouseQuoting.identifier(database) + ".lakegate_entity_views FINAL WHERE org_id = ? AND "
                + "view_name != ''" : "SELECT ? WHERE 0 UNION ALL SELECT ? WHERE 0";
    }

    /** The org's catalog, or null when it is not provisioned. */
    private TenantCatalog load(OrgId org) {
        Map<String, Boolean> lake = lakeTables.get(database); // before this read takes a connection of its own
        try (Connection connection = connections.getConnection()) {
            if (!new OrgProvisioner(connection, settings, null).isProvisioned(org)) {
                return null;
            }
            Map<String, List<TenantCatalog.Column>> columns = new LinkedHashMap<>();
            String prefix = org.value() + "_";
            // the org's views of the tenant_* definitions, and its entity schema views as the registry lists them
            try (PreparedStatement ps = connection.prepareStatement("SELECT c.table, c.name, c.type, c.position, "
                    + "c.comment FROM system.columns AS c WHERE c.database = ? AND (c.table IN (SELECT concat(?, "
                    + "substring(name, 8)) FROM system.tables WHERE database = ? AND engine = 'View' "
                    + "AND startsWith(name, 'tenant_')) OR c.table IN (" + entityViews(lake) + ")) "
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
            return new TenantCatalog(org.value(), database, tables, rowFilters(lake, org));
        } catch (SQLException e) {
            throw new UncheckedSQLException(e);
        }
    }
}
