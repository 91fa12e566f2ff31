package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One JSON line per tenant query on the {@code lakegate.audit} logger: who ran what, what ran, how it ended. The same
 * record then goes to the gateway's other listeners (metrics, the audit table): the doors report a query here once,
 * and everything that watches queries hears of it from here.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("lakegate.audit");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a query that did not end well ended so: the gateway refused it, or ClickHouse failed it. */
    public enum ErrorKind { REFUSED, CLICKHOUSE }

    /**
     * A finished query, as the listeners get it.
     *
     * @param cache "hit" (answered from the result cache), "miss" (ran, and may be kept), or null (the cache is off or
     *              the query is not one it keeps)
     */
    public record Record(Instant time, String door, String orgId, String user, String queryId, String step,
                         String sqlReceived, String sqlRun, double durationMs, long rows, long bytes, String outcome,
                         ErrorKind errorKind, String error, String cache) {
    }

    private final List<Consumer<Record>> listeners = new CopyOnWriteArrayList<>();

    /** Hears of every query that finishes from now on, after its log line is written; must not block. */
    public void listen(Consumer<Record> listener) {
        listeners.add(listener);
    }

    /** A query in flight; {@link #finish} writes its line once. */
    public final class Entry {
        private final Instant time = Instant.now();
        private final long started = System.nanoTime();
        private final String door;
        private final Tenant tenant;
        private final String queryId;
        private final String received;
        private String run;
        private String step;
        private boolean refused;
        private String cache;
        private boolean written;

        Entry(String door, Tenant tenant, String queryId, String received) {
            this.door = door;
            this.tenant = tenant;
            this.queryId = queryId;
            this.received = received;
        }

        public void ran(String sql) {
            run = sql;
        }

        /**
         * Names a step that reaches ClickHouse without running the query, such as a JDBC prepare (ClickHouse analyses
         * the statement, and runs its scalar subqueries), so that it is not taken for a query that returned no rows.
         */
        public Entry step(String name) {
            step = name;
            return this;
        }

        /** The query was answered from the result cache (a hit), or ran and its answer may be kept (a miss). */
        public synchronized void cached(boolean hit) {
            cache = hit ? "hit" : "miss";
        }

        /** The error this query ends with is the gateway's refusal (its rules, a limit), not ClickHouse's failure. */
        public synchronized Entry refused() {
            refused = true;
            return this;
        }

        public void finish(long rows, String error) {
            finish(rows, 0, error);
        }

        /** @param bytes the bytes of the answer the gateway passed on, where the door counts them (else 0) */
        public void finish(long rows, long bytes, String error) {
            Record record;
            synchronized (this) {
                if (written) {
                    return;
                }
                written = true;
                record = new Record(time, door, tenant.orgId(), tenant.username(), queryId, step, received, run,
                        (System.nanoTime() - started) / 1_000_000.0, rows, bytes, error == null ? "ok" : "error",
                        error == null ? null : refused ? ErrorKind.REFUSED : ErrorKind.CLICKHOUSE, error, cache);
            }
            LOG.info(line(record));
            for (Consumer<Record> listener : listeners) {
                try {
                    listener.accept(record);
                } catch (RuntimeException e) {
                    LOG.warn("An audit listener failed: {}", e.toString());
                }
            }
        }
    }

    private static String line(Record r) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", r.time().toString());
        line.put("door", r.door());
        line.put("org", r.orgId());
        line.put("user", r.user());
        line.put("query_id", r.queryId());
        line.put("sql_received", r.sqlReceived());
        if (r.sqlRun() != null) {
            line.put("sql_run", r.sqlRun());
        }
        if (r.step() != null) {
            line.put("step", r.step());
        }
        line.put("duration_ms", r.durationMs());
        line.put("rows", r.rows());
        line.put("bytes", r.bytes());
        line.put("outcome", r.outcome());
        if (r.cache() != null) {
            line.put("cache", r.cache());
        }
        if (r.error() != null) {
            line.put("error_kind", r.errorKind().name().toLowerCase(java.util.Locale.ROOT));
            line.put("error", r.error());
        }
        return line.toString();
    }

    public Entry start(String door, Tenant tenant, String queryId, String received) {
        return new Entry(door, tenant, queryId, received);
    }
}
