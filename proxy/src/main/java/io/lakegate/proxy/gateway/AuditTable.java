package io.lakegate.proxy.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.proxy.clickhouse.UpstreamClickHouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Writes the audit records to {@code lakegate_audit} in batches, from a bounded buffer, on a thread of its own: no
 * door waits for it. While ClickHouse is away the records stay in the buffer and the batch that failed is sent again,
 * as it was and with the same deduplication token, so a batch whose answer was lost is stored once. When the buffer
 * is full, new records are not kept: their log line is the record of last resort, and {@link #lost()} counts them.
 */
public final class AuditTable implements Consumer<AuditLog.Record>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTable.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** How the buffer behaves. */
    public record Settings(int capacity, int batchSize, Duration flushEvery, Duration closeWithin) {
        public static final Settings DEFAULTS = new Settings(100_000, 5_000, Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }

    private record Batch(String token, List<AuditLog.Record> records) {
    }

    private final UpstreamClickHouse clickhouse;
    private final String insert;
    private final Settings settings;
    private final BlockingQueue<AuditLog.Record> buffer = new LinkedBlockingQueue<>();
    /** Records kept, in the buffer and in the batch being sent: never more than the capacity. */
    private final AtomicInteger held = new AtomicInteger();
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong failedInserts = new AtomicLong();
    private volatile Batch pending;
    private volatile boolean closing;
    /** Wakes the writer from its wait between attempts when the gateway stops; never interrupts an insert. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    public AuditTable(UpstreamClickHouse clickhouse, String database, Settings settings) {
        this.clickhouse = clickhouse;
        this.insert = "INSERT INTO " + ClickHouseQuoting.identifier(database) + ".lakegate_audit FORMAT JSONEachRow";
        this.settings = settings;
        this.writer = new Thread(this::run, "lakegate-audit-table");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(AuditLog.Record record) {
        if (closing || held.getAndUpdate(n -> n < settings.capacity() ? n + 1 : n) >= settings.capacity()) {
            lost.incrementAndGet();
            return;
        }
        buffer.add(record);
    }

    /** Records stored in the table since the start. */
    public long written() {
        return written.get();
    }

    /** Records not stored: the buffer was full, or the gateway stopped before ClickHouse came back. */
    public long lost() {
        return lost.get();
    }

    /** Records waiting to be stored. */
    public int buffered() {
        return held.get();
    }

    /** Inserts that failed (and were tried again) since the start. */
    public long failedInserts() {
        return failedInserts.get();
    }

    private void run() {
        long backoff = settings.flushEvery().toMillis();
        while (!closing) {
            try {
                if (pending == null) {
                    pending = next(settings.flushEvery().toMillis());
                }
                if (pending == null) {
                    continue;
                }
                if (store(pending)) {
                    pending = null;
                    backoff = settings.flushEvery().toMillis();
                } else if (!stopping.await(backoff, TimeUnit.MILLISECONDS)) {
                    backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                }
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /** The next batch: what is there once the first record came, up to the batch size; null when none came. */
    private Batch next(long waitMillis) throws InterruptedException {
        AuditLog.Record first = buffer.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return null;
        }
        List<AuditLog.Record> records = new ArrayList<>();
        records.add(first);
        buffer.drainTo(records, settings.batchSize() - 1);
        return new Batch(UUID.randomUUID().toString(), records);
    }

    private boolean store(Batch batch) {
        StringBuilder body = new StringBuilder();
        for (AuditLog.Record r : batch.records()) {
            body.append(row(r)).append('\n');
        }
        try (InputStream answer = clickhouse.post(body.toString(), Map.of("query", insert,
                "insert_deduplication_token", batch.token())).body()) {
            answer.readAllBytes();
            written.addAndGet(batch.records().size());
            held.addAndGet(-batch.records().size());
            return true;
        } catch (IOException | RuntimeException e) {
            if (failedInserts.getAndIncrement() == 0 || LOG.isDebugEnabled()) {
                LOG.warn("The audit records cannot be written to ClickHouse ({}); they are kept ({} waiting) and "
                        + "sent again", e.getMessage(), buffered());
            }
            return false;
        }
    }

    private static String row(AuditLog.Record r) {
        ObjectNode row = JSON.createObjectNode();
        row.put("time", TIME.format(r.time()));
        row.put("door", r.door());
        row.put("org_id", r.orgId());
        row.put("user", r.user());
        row.put("query_id", r.queryId());
        row.put("step", r.step() == null ? "" : r.step());
        row.put("sql_received", r.sqlReceived());
        row.put("sql_run", r.sqlRun() == null ? "" : r.sqlRun());
        row.put("duration_ms", r.durationMs());
        row.put("rows", r.rows());
        row.put("bytes", r.bytes());
        row.put("outcome", r.outcome());
        row.put("error_kind", r.errorKind() == null ? "" : r.errorKind().name().toLowerCase(Locale.ROOT));
        row.put("error", r.error() == null ? "" : r.error());
        return row.toString();
    }

    /**
     * Stops taking records and gives what is buffered {@link Settings#closeWithin} to reach ClickHouse; what is left
     * then is counted as lost (each has its log line).
     */
    @Override
    public void close() {
        try {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            int left = held.getAndSet(0);
            if (left > 0) {
                lost.addAndGet(left);
                buffer.clear();
                pending = null;
                LOG.warn("{} audit record(s) did not reach ClickHouse before the gateway stopped: their log lines are "
                        + "the record", left);
            }
        }
    }

    private void drain() throws InterruptedException {
        closing = true;
        stopping.countDown();
        // the writer sees it within a flush interval, after the insert it may be in the middle of
        writer.join(settings.flushEvery().toMillis() + settings.closeWithin().toMillis());
        long deadline = System.nanoTime() + settings.closeWithin().toNanos();
        while (System.nanoTime() < deadline) {
            if (pending == null) {
                pending = next(0);
                if (pending == null) {
                    break;
                }
            }
            if (store(pending)) {
                pending = null;
            } else {
                Thread.sleep(200);
            }
        }
    }
}
