package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/** One JSON line per tenant query on the {@code lakegate.audit} logger: who ran what, what ran, how it ended. */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("lakegate.audit");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLog() {
    }

    /** A query in flight; {@link #finish} writes its line once. */
    public static final class Entry {
        private final ObjectNode line = JSON.createObjectNode();
        private final long started = System.nanoTime();
        private boolean written;

        Entry(String door, Tenant tenant, String queryId, String received) {
            line.put("time", Instant.now().toString());
            line.put("door", door);
            line.put("org", tenant.orgId());
            line.put("user", tenant.username());
            line.put("query_id", queryId);
            line.put("sql_received", received);
        }

        public void ran(String sql) {
            line.put("sql_run", sql);
        }

        /**
         * Names a step that reaches ClickHouse without running the query, such as a JDBC prepare (ClickHouse analyses
         * the statement, and runs its scalar subqueries), so that it is not taken for a query that returned no rows.
         */
        public Entry step(String step) {
            line.put("step", step);
            return this;
        }

        public synchronized void finish(long rows, String error) {
            if (written) {
                return;
            }
            written = true;
            line.put("duration_ms", (System.nanoTime() - started) / 1_000_000.0);
            line.put("rows", rows);
            line.put("outcome", error == null ? "ok" : "error");
            if (error != null) {
                line.put("error", error);
            }
            LOG.info(line.toString());
        }
    }

    public static Entry start(String door, Tenant tenant, String queryId, String received) {
        return new Entry(door, tenant, queryId, received);
    }
}
