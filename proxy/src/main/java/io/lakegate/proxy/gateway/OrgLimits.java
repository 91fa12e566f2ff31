package io.lakegate.proxy.gateway;

import io.lakegate.engine.protocol.ClickHouseQuoting;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Each org's tenant limits: the gateway's defaults (its {@code --max-...} flags) with the org's own overrides from
 * {@code lakegate_limits}, which every replica shares. An org's limits are read again once they are {@code ttl} old,
 * so a change made through another replica counts within that time; one made through this gateway counts at once.
 */
public final class OrgLimits {
    private static final Logger LOG = LoggerFactory.getLogger(OrgLimits.class);
    /** More orgs than this and the cache starts over: its keys are orgs that logged in, but their number is open. */
    static final int MAX_CACHED_ORGS = 10_000;

    private record Cached(TenantLimits limits, long loadedAt) {
    }

    private final Connection connection;
    private final String table;
    private final TenantLimits defaults;
    private final long ttlNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public OrgLimits(Connection connection, String database, TenantLimits defaults, Duration ttl) {
        this.connection = connection;
        this.table = ClickHouseQuoting.identifier(database) + ".lakegate_limits";
        this.defaults = defaults;
        this.ttlNanos = ttl.toNanos();
    }

    public TenantLimits defaults() {
        return defaults;
    }

    /**
     * The limits a query of {@code orgId} runs with now. When they cannot be read, the last limits read stay in force
     * (the defaults, with none read yet) for another {@code ttl}.
     */
    public TenantLimits of(String orgId) {
        long now = System.nanoTime();
        Cached cached = cache.get(orgId);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            hits.incrementAndGet();
            return cached.limits();
        }
        misses.incrementAndGet();
        try {
            TenantLimits limits = defaults.with(overrides(orgId));
            if (cache.size() >= MAX_CACHED_ORGS) {
                cache.clear();
            }
            cache.put(orgId, new Cached(limits, now));
            return limits;
        } catch (SQLException | RuntimeException e) {
            // ClickHouse is away (the query will say so itself) or the schema is behind (readiness says so)
            TenantLimits fallback = cached != null ? cached.limits() : defaults;
            LOG.warn("The tenant limits of org {} cannot be read from ClickHouse ({}); using {} limits", orgId,
                    e.getMessage(), cached != null ? "its last" : "the default");
            cache.put(orgId, new Cached(fallback, now));
            return fallback;
        }
    }

    /** The org's own limits, by {@link TenantLimits#NAMES}; those it does not have take the defaults. */
    public Map<String, Long> overrides(String orgId) throws SQLException {
        String columns = String.join(", ", TenantLimits.NAMES);
        Map<String, Long> result = new LinkedHashMap<>();
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + columns + " FROM " + table
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
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (org_id, "
                    + String.join(", ", TenantLimits.NAMES) + ", updated_at) SELECT ?, " + values + ", now64(3)")) {
                ps.setString(1, orgId);
                ps.executeUpdate();
            }
        }
        cache.remove(orgId);
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
        return hits.get();
    }

    public long cacheMisses() {
        return misses.get();
    }
}
