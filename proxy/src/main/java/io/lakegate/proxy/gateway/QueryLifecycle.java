package io.lakegate.proxy.gateway;

import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.sql.TenantSqlException;

import java.util.function.Supplier;

/**
 * A tenant query's way through the gateway, the same for both doors and always in this order: one of the org's
 * permits, the plan (policy, rewrite, settings), the run in ClickHouse, the rows and bytes counted against the
 * tenant's limits, the audit line, and the error the tenant reads. A door gives the plan and run steps of its
 * protocol, and tells a {@link QueryFailure} in its protocol's terms.
 */
public final class QueryLifecycle {
    private final TenantGateway gateway;

    public QueryLifecycle(TenantGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * True if {@code sql} needs no query ({@link TenantPolicy#isHarmlessSet}): then it is audited as answered, and the
     * door answers it with nothing.
     */
    public boolean answeredWithoutQuery(String door, Tenant tenant, String queryId, String sql) {
        if (!TenantPolicy.isHarmlessSet(sql)) {
            return false;
        }
        gateway.audit().start(door, tenant, queryId, sql).finish(0, null);
        return true;
    }

    /**
     * Starts a query: its audit entry, then one of its org's permits.
     *
     * @param step a step that reaches ClickHouse without running the query (a JDBC prepare), or null
     * @throws QueryFailure when the org has no permit left (audited)
     */
    public Query start(String door, String step, Tenant tenant, String queryId, String sql) {
        AuditLog.Entry audit = gateway.audit().start(door, tenant, queryId, sql).step(step);
        Query query = new Query(audit, tenant);
        try {
            query.permit = gateway.acquire(tenant);
        } catch (TenantSqlException e) {
            throw query.fail(e);
        }
        return query;
    }

    /** The error a tenant reads for {@code e}, when no query of its is running (its audit line, if any, is written). */
    public QueryFailure failure(Tenant tenant, Throwable e) {
        if (e instanceof QueryFailure f) {
            return f;
        }
        if (e instanceof TenantSqlException t) {
            return QueryFailure.refused(t.errorCode(), t.getMessage(), t);
        }
        String unreachable = UpstreamErrors.unreachable(e);
        if (unreachable != null) {
            return new QueryFailure(ErrorCode.NETWORK_ERROR.code(), ErrorCode.NETWORK_ERROR.name(), unreachable, false,
                    e);
        }
        TenantLimits limits = gateway.limits(tenant);
        // clickhouse-jdbc's text ends with the query id it adds, after ClickHouse's (NAME) and version
        ClickHouseException upstream = e instanceof ClickHouseException c ? c
                : ClickHouseException.fromServerText(UpstreamErrors.forTenant(rootMessage(e)));
        String told = limits.explain(upstream.errorName(), UpstreamErrors.forTenant(upstream.getMessage()));
        return new QueryFailure(upstream.code(), upstream.errorName(), told, false, e);
    }

    /** ClickHouse's text for a failure that reached the gateway wrapped (by clickhouse-jdbc, Avatica's JdbcMeta). */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return (t.getMessage() == null ? t.toString() : t.getMessage()).strip();
    }

    /** One query from its permit to its audit line; ends once, when it is closed or fails. */
    public final class Query implements AutoCloseable {
        private final AuditLog.Entry audit;
        private final Tenant tenant;
        private final TenantLimits limits;
        private TenantGateway.Permit permit;
        private long rows;
        private long bytes;

        private Query(AuditLog.Entry audit, Tenant tenant) {
            this.audit = audit;
            this.tenant = tenant;
            this.limits = gateway.limits(tenant);
        }

        /** Plans the query; the SQL that will run goes into the audit line. */
        public TenantGateway.PlannedQuery plan(Supplier<TenantGateway.PlannedQuery> planner) {
            TenantGateway.PlannedQuery planned = step(planner);
            audit.ran(planned.sql());
            return planned;
        }

        /** The query runs what was planned earlier (a prepared statement's plan). */
        public void planned(String sql) {
            audit.ran(sql);
        }

        /** The query was answered from the result cache (a hit), or runs and its answer may be kept (a miss). */
        public void cached(boolean hit) {
            audit.cached(hit);
        }

        /** Runs a step of the query in ClickHouse; its failure ends the query. */
        public <T> T run(Supplier<T> call) {
            return step(call);
        }

        private <T> T step(Supplier<T> call) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw fail(e);
            }
        }

        /** Counts rows handed to the client; beyond the tenant's max_result_rows the query fails. */
        public void countRows(long n) {
            rows += n;
            if (rows > limits.maxResultRows()) {
                throw fail(QueryFailure.refused(ErrorCode.TOO_MANY_ROWS_OR_BYTES, limits.resultRowsExceeded(), null));
            }
        }

        /**
         * Counts bytes about to be handed to the client; beyond the tenant's max_result_bytes the query fails, before
         * they are handed out.
         */
        public void countBytes(long n) {
            if (bytes + n > limits.maxResultBytes()) {
                throw fail(QueryFailure.refused(ErrorCode.TOO_MANY_ROWS_OR_BYTES, limits.resultBytesExceeded(), null));
            }
            bytes += n;
        }

        /** Ends the query with an error and tells it as the tenant reads it. */
        public QueryFailure fail(Throwable e) {
            QueryFailure failure = failure(tenant, e);
            if (failure.refused()) {
                audit.refused();
            }
            end(failure.getMessage());
            return failure;
        }

        /** Ends the query cut off ({@code why}: its connection closed, it sat idle). */
        public void abandon(String why) {
            end(why);
        }

        /** Ends the query as answered, with the rows ClickHouse reported (for a door that passes its bytes through). */
        public void close(long reportedRows) {
            rows = reportedRows;
            close();
        }

        /** Ends the query as answered. */
        @Override
        public void close() {
            end(null);
        }

        private void end(String error) {
            if (permit != null) {
                permit.close();
            }
            audit.finish(rows, bytes, error);
        }
    }
}
