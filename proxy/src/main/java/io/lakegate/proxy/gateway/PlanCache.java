package io.lakegate.proxy.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lakegate.proxy.catalog.TenantCatalog;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Planned queries by what their plan depends on: the org, its catalog's {@link CatalogVersion} (a change of the org's
 * views is another key), the org's limits as they are now, the SQL text and the request's settings. BI tools send the
 * same few statements again and again; their parse, validation and binding is done once. No plan is ever shared
 * between orgs. Refusals are not kept: they are rare, and their messages may depend on more than the key.
 */
final class PlanCache {
    /** Characters of SQL held at most (received and planned): some tens of MB. */
    static final long MAX_CHARS = 16L << 20;

    private record Key(String orgId, String catalogVersion, TenantLimits limits, String sql,
                       Map<String, String> settings) {
    }

    private final Cache<Key, TenantGateway.PlannedQuery> plans = Caffeine.newBuilder().maximumWeight(MAX_CHARS)
            .weigher((Key k, TenantGateway.PlannedQuery p) -> k.sql().length() + p.sql().length()).build();

    /** The plan of {@code sql} for {@code catalog}'s org with {@code limits}: kept, or made by {@code plan} now. */
    TenantGateway.PlannedQuery get(TenantCatalog catalog, TenantLimits limits, String sql,
                                   Map<String, String> settings, Supplier<TenantGateway.PlannedQuery> plan) {
        Key key = new Key(catalog.orgId(), CatalogVersion.of(catalog), limits, sql, Map.copyOf(settings));
        TenantGateway.PlannedQuery planned = plans.getIfPresent(key);
        if (planned == null) {
            // planned outside the cache's lock: two requests for one new plan may both plan it, none waits
            planned = plan.get();
            plans.put(key, planned);
        }
        return planned;
    }
}
