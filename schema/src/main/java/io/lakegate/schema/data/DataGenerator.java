package io.lakegate.schema.data;

import com.clickhouse.client.api.Client;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code lakegate generate}: provisions the orgs, then generates every dataset for every org and inserts it into the
 * base tables. The work is cut into chunks (a range of entities, executions or sessions of one org), run on
 * {@code threads} threads; each thread streams its rows per table through a {@link TableInserter} (JSONEachRow
 * batches, inserted while the next batch is generated). All data derives from the seed, so a re-run with the same
 * settings produces the same rows, which the ReplacingMergeTree tables deduplicate.
 */
public final class DataGenerator {
    /** The base tables the generators write, in the order they are reported. */
    public static final List<String> TABLES = List.of(EntityGenerator.TABLE, WorkflowGenerator.EXECUTIONS,
            WorkflowGenerator.PHASES, WorkflowGenerator.TASKS, WorkflowGenerator.CANCELLATIONS,
            WorkflowGenerator.CONTEXTS, JourneyGenerator.SESSIONS, JourneyGenerator.EVENTS, PortalGenerator.SESSIONS,
            PortalGenerator.EVENTS);
    private static final int ENTITY_CHUNK = 4_000;
    private static final int EXECUTION_CHUNK = 1_000;
    private static final int JOURNEY_CHUNK = 6_000;
    private static final int PORTAL_CHUNK = 3_000;

    /** What was generated: rows per table, and how long it took. */
    public record Result(List<OrgId> orgs, Map<String, Long> rowsPerTable, long millis, int orgsProvisioned) {
        public long rows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }

        public double rowsPerSecond() {
            return rows() * 1000.0 / Math.max(1, millis);
        }
    }

    private final ClickHouseTarget target;
    private final SchemaSettings schema;
    private final GeneratorSettings settings;

    public DataGenerator(ClickHouseTarget target, SchemaSettings schema, GeneratorSettings settings) {
        this.target = target;
        this.schema = schema;
        this.settings = settings;
    }

    /** Runs with no progress display. */
    public Result run() throws SQLException {
        return run(Progress::none);
    }

    /**
     * @param progressFactory makes the progress display once the checks have passed (so a failed check prints only
     *                        its message); it is closed before this returns
     */
    public Result run(java.util.function.Supplier<Progress> progressFactory) throws SQLException {
        long started = System.nanoTime();
        int provisioned;
        try (Connection c = target.connect(schema.database())) {
            requireTables(c, schema.database());
            provisioned = new OrgProvisioner(c, schema, null).add(settings.orgs());
        }
        Result result;
        try (Progress progress = progressFactory.get()) {
            result = generate(progress, provisioned, started);
        }
        // the new payloads decide the entity schema views' columns
        try (Connection c = target.connect(schema.database())) {
            io.lakegate.schema.entity.EntityViews views = new io.lakegate.schema.entity.EntityViews(c, schema, null);
            for (OrgId org : settings.orgs()) {
                views.refresh(org);
            }
        }
        return result;
    }

    private Result generate(Progress progress, int provisioned, long started) {
        List<Runnable> chunks = new ArrayList<>();
        ConcurrentLinkedQueue<Sinks> allSinks = new ConcurrentLinkedQueue<>();
        AtomicLong inserted = new AtomicLong();
        ExecutorService inserts = Executors.newCachedThreadPool(daemon("lakegate-insert"));
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), daemon("lakegate-generate"));
        try (Client client = target.bulkClient(schema.database(), settings.threads() * TABLES.size() + 2)) {
            ThreadLocal<Sinks> sinks = ThreadLocal.withInitial(() -> {
                Sinks s = new Sinks(table -> new TableInserter(client, table, inserts, n -> {
                    inserted.addAndGet(n);
                    progress.step(n);
                }, TableInserter.DEFAULT_MAX_ROWS, TableInserter.DEFAULT_MAX_BYTES));
                allSinks.add(s);
                return s;
            });
            for (OrgId orgId : settings.orgs()) {
                OrgData org = new OrgData(orgId, settings);
                addChunks(chunks, settings.entities(), ENTITY_CHUNK, (a, b) ->
                        new EntityGenerator(org).generate(a, b, sinks.get().get(EntityGenerator.TABLE)));
                addChunks(chunks, settings.executions(), EXECUTION_CHUNK, (a, b) ->
                        new WorkflowGenerator(org).generate(a, b, sinks.get()));
                addChunks(chunks, settings.journeySessions(), JOURNEY_CHUNK, (a, b) ->
                        new JourneyGenerator(org).generate(a, b, sinks.get()));
                addChunks(chunks, settings.portalSessions(), PORTAL_CHUNK, (a, b) ->
                        new PortalGenerator(org).generate(a, b, sinks.get()));
            }
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable chunk : chunks) {
                futures.add(workers.submit(chunk));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            // the last, partly filled batches of every thread
            List<Future<?>> closing = new ArrayList<>();
            for (Sinks s : allSinks) {
                closing.add(workers.submit(s::close));
            }
            for (Future<?> f : closing) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(String.valueOf(cause.getMessage()), cause);
        } finally {
            workers.shutdownNow();
            inserts.shutdownNow();
        }
        Map<String, Long> perTable = new TreeMap<>((a, b) -> TABLES.indexOf(a) - TABLES.indexOf(b));
        TABLES.forEach(t -> perTable.put(t, 0L));
        for (Sinks s : allSinks) {
            s.inserters().forEach((table, inserter) -> perTable.merge(table, inserter.rows(), Long::sum));
        }
        progress.finish(inserted.get());
        return new Result(settings.orgs(), perTable, (System.nanoTime() - started) / 1_000_000, provisioned);
    }

    private interface RangeTask {
        void run(int from, int to);
    }

    private static void addChunks(List<Runnable> chunks, int count, int size, RangeTask task) {
        for (int from = 0; from < count; from += size) {
            int a = from;
            int b = Math.min(count, from + size);
            chunks.add(() -> task.run(a, b));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Fails with what to run when the schema has not been applied to {@code database}. */
    public static void requireTables(Connection c, String database) throws SQLException {
        Set<String> present = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM system.tables WHERE database = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
        }
        List<String> missing = TABLES.stream().filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Database " + database + " has no table " + String.join(", ", missing)
                    + ": run `lakegate schema update` first");
        }
    }
}
