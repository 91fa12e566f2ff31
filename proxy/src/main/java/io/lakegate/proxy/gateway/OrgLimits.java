package io.lakegate.proxy.gateway;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.proxy.catalog.ReloadFailures;
import io.lakegate.proxy.catalog.Reloads;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each org's tenant limits: the gateway's defaults (its {@code --max-...} flags) with the org's own overrides from
 * {@code lakegate_limits}, which every replica shares. An org's limits are at most {@code ttl} old, so a change made
 * through another replica counts within that time; one made through this gateway counts at once. An org in use has
 * them read again in the background when they are half that old, so its queries do not wait for the reload.
 */
public final class OrgLimits {
    private static final Logger LOG = LoggerFactory.getLogger(OrgLimits.class);
    /** More orgs than this and the least used go: the keys are orgs that logged in, but their number is open. */
    static final int MAX_CACHED_ORGS = 10_000;

    private final DataSource connections;
    private final String table;
    private final TenantLimits defaults;
    private final LoadingCache<String, TenantLimits> cache;
    private final ReloadFailures failures = new ReloadFailures(LOG, "tenant limits");

    /** @param ttl how long an org's limits are used before they are read again; zero reads them for every query */
    public OrgLimits(DataSource connections, String database, TenantLimits defaults, Duration ttl) {
        this.connections = connections;
        this.table = ClickHouseQuoting.identifier(database) + ".lakegate_limits";
        this.defaults = defaults;
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(MAX_CACHED_ORGS).recordStats()
                .executor(Reloads.EXECUTOR);
        // an org in use has its limits read again ahead of time, in the background; none are ever older than ttl
        builder = ttl.isZero() ? builder.expireAfterWrite(Duration.ZERO)
                : builder.refreshAfterWrite(ttl.dividedBy(2)).expireAfterWrite(ttl);
        this.cache = builder.build(new CacheLoader<>() {
            @Override
            public TenantLimits load(String orgId) {
                return read(orgId, null);
            }

            @Override
            public TenantLimits reload(String orgId, TenantLimits last) {
                return read(orgId, last);
            }
        });
    }

    public TenantLimits defaults() {
        return defaults;
    }

    /**
     * The limits a query of {@code orgId} runs with now. When they cannot be read, the last limits read stay in force
     * (the defaults, with none read yet) for another {@code ttl}.
     */
    public TenantLimits of(String orgId) {
        return cache.get(orgId);
    }

    private TenantLimits read(String orgId, TenantLimits last) {
        try {
            TenantLimits limits = defaults.with(overrides(orgId));
            failures.succeeded(orgId);
            return limits;
        } catch (SQLException | RuntimeException e) {
            // ClickHouse is away (the query will say so itself) or the schema is behind (readiness says so)
            failures.failed(orgId, e.getMessage(), "using " + (last != null ? "its last" : "the default") + " limits");
            return last != null ? last : defaults;
        }
    }

    /** The org's own limits, by {@link TenantLimits#NAMES}; those it does not have take the defaults. */
    public Map<String, Long> overrides(String orgId) throws SQLException {
        String columns = String.join(", ", TenantLimits.NAMES);
        Map<String, Long> result = new LinkedHashMap<>();
        try (Connection connection = connections.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT " + columns + " FROM " + table
                     + " FINAL WHERE org_id = ?")) {
            ps.setString(1, orgId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    for (String name : TenantLimits.NAMES) {
                        long value = rs.getLong(name);
                        if (!rs.wasNull()) {
                            result.put(name, value);
                        }
                    }
                }
            }
        }
        return result;
    }

    /**
     * Changes the org's own limits: a name with a value sets that limit, a name with null gives it back the default,
     * the others stay as they are. Checked whole before anything is written; counts for this gateway's next query.
     *
     * @return the org's overrides after the change
     * @throws IllegalArgumentException naming a limit that is unknown or out of range
     */
    public Map<String, Long> change(String orgId, Map<String, Long> changes) throws SQLException {
        Map<String, Long> next = new LinkedHashMap<>(overrides(orgId));
        changes.forEach((name, value) -> {
            if (value == null) {
                next.remove(name);
            } else {
                next.put(name, value);
            }
        });
        defaults.with(next); // the check, whole; also names an unknown limit given with null
        changes.keySet().stream().filter(n -> !TenantLimits.NAMES.contains(n)).findFirst().ifPresent(n -> {
            throw new IllegalArgumentException("Unknown limit '" + n + "': the limits are "
                    + String.join(", ", TenantLimits.NAMES));
        });
        String values = TenantLimits.NAMES.stream().map(n -> next.containsKey(n) ? String.valueOf(next.get(n))
                : "NULL").collect(Collectors.joining(", "));
        try (Connection connection = connections.getConnection();
             PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (org_id, "
                     + String.join(", ", TenantLimits.NAMES) + ", updated_at) SELECT ?, " + values + ", now64(3)")) {
            ps.setString(1, orgId);
            ps.executeUpdate();
        }
        cache.invalidate(orgId);
        return next;
    }

    /** An org's limits in force, its own ones, and the defaults, by {@link TenantLimits#NAMES}. */
    public record Described(@JsonProperty("org_id") String orgId, @JsonProperty("limits") Map<String, Long> limits,
                            @JsonProperty("own") Map<String, Long> own,
                            @JsonProperty("defaults") Map<String, Long> defaults) {
    }

    /** The org's limits as they are in ClickHouse now. */
    public Described describe(String orgId) throws SQLException {
        Map<String, Long> own = overrides(orgId);
        return new Described(orgId, defaults.with(own).byName(), own, defaults.byName());
    }

    public long cacheHits() {
        return cache.stats().hitCount();
    }

    public long cacheMisses() {
        return cache.stats().missCount();
    }
}
