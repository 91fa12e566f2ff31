package io.lakegate.proxy.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * The queries-per-minute limit of each org, as a token bucket: an org may spend its whole minute's queries at once
 * (a dashboard opening sends a burst), then one more each 60 / limit seconds. A changed limit applies to the next
 * query: the bucket keeps what is left, never more than the new limit.
 */
final class QueryRate {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private static final class Bucket {
        double tokens;
        long refilledAt;
    }

    private final Map<String, Bucket> buckets = new HashMap<>();

    /**
     * Takes one query of the org's minute.
     *
     * @param perMinute the org's limit; 0 is no limit
     * @return 0 when taken, else how many milliseconds until the next query may run
     */
    synchronized long take(String orgId, int perMinute, long now) {
        if (perMinute <= 0) {
            buckets.remove(orgId);
            return 0;
        }
        if (buckets.size() >= OrgLimits.MAX_CACHED_ORGS && !buckets.containsKey(orgId)) {
            buckets.clear(); // a full bucket for everyone: the limit errs towards the tenant, never past a minute
        }
        Bucket b = buckets.computeIfAbsent(orgId, k -> {
            Bucket fresh = new Bucket();
            fresh.tokens = perMinute;
            fresh.refilledAt = now;
            return fresh;
        });
        b.tokens = Math.min(perMinute, b.tokens + (double) (now - b.refilledAt) * perMinute / MINUTE_NANOS);
        b.refilledAt = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - b.tokens) * MINUTE_NANOS / perMinute / 1_000_000.0);
    }
}
