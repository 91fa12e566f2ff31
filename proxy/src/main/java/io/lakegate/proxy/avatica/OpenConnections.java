package io.lakegate.proxy.avatica;

import io.lakegate.proxy.gateway.Tenant;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JDBC door's open connections, each bound to the tenant that opened it, and counted per credential and per org
 * against the tenant limits. Every open connection holds a ClickHouse connection and its buffers; without the caps one
 * tenant could open them until the gateway runs out, or until JdbcMeta's shared cache pushed out other tenants'.
 */
final class OpenConnections {
    private final Function<Tenant, TenantLimits> limits;
    /** Read on every request, hence lock-free; changed only under this object's lock, with the counts. */
    private final Map<String, Tenant> owners = new ConcurrentHashMap<>();
    /**
     * Connections whose ClickHouse connection exists. A reserved one is not yet in JdbcMeta's cache, and must not be
     * taken for a connection JdbcMeta has expired.
     */
    private final Set<String> established = new HashSet<>();
    private final Map<String, Integer> perCredential = new HashMap<>();
    private final Map<String, Integer> perOrg = new HashMap<>();

    OpenConnections(Function<Tenant, TenantLimits> limits) {
        this.limits = limits;
    }

    /**
     * Counts connection {@code id} for {@code tenant} before it is opened.
     *
     * @return null when reserved; otherwise the tenant the id already belongs to, and nothing changes in the counts
     *     (a connection opened twice, which JdbcMeta refuses, or one JdbcMeta expired a moment ago that Avatica's
     *     driver opens again under the same id)
     * @throws TenantSqlException when the credential or the org is at its cap
     */
    synchronized Tenant reserve(String id, Tenant tenant) {
        Tenant owner = owners.get(id);
        if (owner != null) {
            established.remove(id); // being opened again, or refused as already open: either way, not to be swept
            return owner;
        }
        TenantLimits limits = this.limits.apply(tenant);
        if (perCredential.getOrDefault(tenant.username(), 0) >= limits.maxConnectionsPerCredential()) {
            throw new TenantSqlException(Reason.LIMIT, "Tenant limit max_connections_per_credential ("
                    + limits.maxConnectionsPerCredential() + " open connections) reached for user "
                    + tenant.username() + ": close connections you no longer use");
        }
        if (perOrg.getOrDefault(tenant.orgId(), 0) >= limits.maxConnectionsPerOrg()) {
            throw new TenantSqlException(Reason.LIMIT, "Tenant limit max_connections_per_org ("
                    + limits.maxConnectionsPerOrg() + " open connections) reached for org " + tenant.orgId()
                    + ": close connections you no longer use");
        }
        owners.put(id, tenant);
        perCredential.merge(tenant.username(), 1, Integer::sum);
        perOrg.merge(tenant.orgId(), 1, Integer::sum);
        return null;
    }

    /** The connection's ClickHouse connection exists (or, after a failed re-open, may exist). */
    synchronized void established(String id) {
        if (owners.containsKey(id)) {
            established.add(id);
        }
    }

    /** The tenant connection {@code id} belongs to, or null when it is not open. */
    Tenant owner(String id) {
        return owners.get(id);
    }

    /** Stops counting connection {@code id}; false when it was not open. */
    synchronized boolean release(String id) {
        Tenant tenant = owners.remove(id);
        if (tenant == null) {
            return false;
        }
        established.remove(id);
        perCredential.computeIfPresent(tenant.username(), (k, n) -> n > 1 ? n - 1 : null);
        perOrg.computeIfPresent(tenant.orgId(), (k, n) -> n > 1 ? n - 1 : null);
        return true;
    }

    /** The open connections of {@code usernames}. */
    synchronized List<String> of(Set<String> usernames) {
        List<String> ids = new ArrayList<>();
        owners.forEach((id, tenant) -> {
            if (usernames.contains(tenant.username())) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** How many connections are open. */
    synchronized int count() {
        return owners.size();
    }

    /** The connections whose ClickHouse connection was opened. */
    synchronized List<String> established() {
        return new ArrayList<>(established);
    }
}
