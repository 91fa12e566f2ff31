package io.lakegate.proxy.gateway;

import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.catalog.TenantCatalogs;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.sql.ClickHouseFunctions;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;
import io.lakegate.proxy.sql.TenantSqlRewriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tenant pipeline both front doors share: the tenant's catalog, its SQL rewritten and bound to its org with the
 * tenant limits attached, and the per-org concurrency limit. Whatever door a query comes through, the same rules
 * apply.
 */
public final class TenantGateway {
    /** The SQL to run in ClickHouse and what the tenant asked for besides. */
    public record PlannedQuery(String sql, String format, List<String> placeholders) {
    }

    /** A slot of the org's concurrency limit, released once. */
    public static final class Permit implements AutoCloseable {
        private final AtomicInteger running;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(AtomicInteger running) {
            this.running = running;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                running.decrementAndGet();
            }
        }
    }

    private final TenantCatalogs catalogs;
    private final TenantSqlRewriter rewriter;
    private final OrgLimits limits;
    private final AuditLog audit;
    /** Queries running per org; a count rather than a semaphore, since an org's limit may change at any time. */
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final QueryRate rate = new QueryRate();
    private final PlanCache plans = new PlanCache();

    public TenantGateway(TenantCatalogs catalogs, ClickHouseFunctions functions, TenantPolicy policy, OrgLimits limits,
                         AuditLog audit) {
        this.catalogs = catalogs;
        this.rewriter = new TenantSqlRewriter(functions, policy);
        this.limits = limits;
        this.audit = audit;
    }

    public TenantCatalog catalog(Tenant tenant) {
        return catalogs.forOrg(tenant.orgId());
    }

    /** The gateway's default limits, which orgs without their own have. */
    public TenantLimits limits() {
        return limits.defaults();
    }

    /** The limits of the tenant's org, as they are now. */
    public TenantLimits limits(Tenant tenant) {
        return limits.of(tenant.orgId());
    }

    public OrgLimits orgLimits() {
        return limits;
    }

    /** Where the doors report every query. */
    public AuditLog audit() {
        return audit;
    }

    /** Queries running now, of every org. */
    public int running() {
        return running.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public String database() {
        return catalogs.database();
    }

    /**
     * Rewrites a tenant's query for its org and attaches the settings it runs with; planned once for as long as the
     * org's catalog and limits stay the same ({@link PlanCache}).
     *
     * @param requestSettings settings that came with the request rather than in the SQL (URL parameters)
     */
    public PlannedQuery plan(Tenant tenant, String sql, Map<String, String> requestSettings) {
        TenantCatalog catalog = catalog(tenant);
        TenantLimits orgLimits = limits(tenant);
        return plans.get(catalog, orgLimits, sql, requestSettings, () -> {
            TenantSqlRewriter.Rewritten rewritten = rewriter.rewrite(sql, catalog);
            Map<String, String> requested = new LinkedHashMap<>(requestSettings);
            requested.putAll(rewritten.settings());
            return new PlannedQuery(rewritten.sql() + "\n"
                    + TenantPolicy.settingsClause(orgLimits, catalog, requested, Map.of()),
                    rewritten.format(), rewritten.placeholders());
        });
    }

    /**
     * The SETTINGS clause every tenant query of the org runs with ({@link TenantPolicy#settingsClause}): the second
     * line of defence, which holds even for a query the gateway should never have let through.
     */
    public String settingsClause(TenantCatalog catalog, Map<String, String> requested, Map<String, String> filters) {
        return TenantPolicy.settingsClause(limits.of(catalog.orgId()), catalog, requested, filters);
    }

    /**
     * Takes one of the org's concurrent-query slots and one query of its minute, or refuses at once when all slots
     * are in use or the minute's queries are spent.
     */
    public Permit acquire(Tenant tenant) {
        TenantLimits org = limits(tenant);
        AtomicInteger count = running.computeIfAbsent(tenant.orgId(), o -> new AtomicInteger());
        if (count.incrementAndGet() > org.maxConcurrentQueries()) {
            count.decrementAndGet();
            throw new TenantSqlException(Reason.LIMIT, "Tenant limit max_concurrent_queries ("
                    + org.maxConcurrentQueries() + ") reached for org " + tenant.orgId() + ": wait for a running "
                    + "query to finish, or close result sets you no longer read");
        }
        long waitMillis = rate.take(tenant.orgId(), org.maxQueriesPerMinute(), System.nanoTime());
        if (waitMillis > 0) {
            count.decrementAndGet();
            throw new TenantSqlException(Reason.LIMIT, "Tenant limit max_queries_per_minute ("
                    + org.maxQueriesPerMinute() + ") reached for org " + tenant.orgId() + ": try again in "
                    + Math.max(1, (waitMillis + 999) / 1000) + " s");
        }
        return new Permit(count);
    }
}
