package io.lakegate.schema.data;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;

import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * Collects JSONEachRow lines for one table and inserts them in large batches, each batch one
 * {@code INSERT INTO table FORMAT JSONEachRow} request streamed through client-v2. While one batch is being inserted
 * the next one fills up (at most one batch in flight per inserter), so generating and inserting overlap. Not
 * thread-safe: one inserter per table per producing thread.
 */
public final class TableInserter implements AutoCloseable {
    /** Default batch limits: whichever is reached first. Large inserts make few parts; 32 MB bounds memory. */
    public static final int DEFAULT_MAX_ROWS = 200_000;
    public static final int DEFAULT_MAX_BYTES = 32 << 20;

    private final Client client;
    private final String table;
    private final Executor executor;
    private final LongConsumer onInserted;
    private final int maxRows;
    private final int maxBytes;
    private byte[] buffer;
    private int length;
    private int rows;
    private long total;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    public TableInserter(Client client, String table, Executor executor, LongConsumer onInserted, int maxRows,
                         int maxBytes) {
        this.client = client;
        this.table = table;
        this.executor = executor;
        this.onInserted = onInserted;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.buffer = new byte[Math.min(maxBytes + (1 << 16), 1 << 20)];
    }

    public String table() {
        return table;
    }

    /** Rows handed to this inserter so far. */
    public long rows() {
        return total;
    }

    /** Adds one line (JSON object + newline), encoding it as UTF-8. */
    public void add(CharSequence line) {
        int n = line.length();
        ensure(length + n * 3);
        byte[] b = buffer;
        int p = length;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(line.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, line.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = p;
        rows++;
        total++;
        if (rows >= maxRows || length >= maxBytes) {
            flush();
        }
    }

    /** Adds one line that is already UTF-8 JSON ending in a newline. */
    public void addBytes(byte[] line) {
        ensure(length + line.length);
        System.arraycopy(line, 0, buffer, length, line.length);
        length += line.length;
        rows++;
        total++;
        if (rows >= maxRows || length >= maxBytes) {
            flush();
        }
    }

    private void ensure(int capacity) {
        if (capacity > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(capacity, buffer.length * 2));
        }
    }

    /** Sends the rows collected so far (after the previous batch has been inserted). */
    public void flush() {
        awaitInFlight();
        if (rows == 0) {
            return;
        }
        byte[] data = buffer;
        int len = length;
        int count = rows;
        buffer = new byte[Math.min(Math.max(len + (1 << 16), 1 << 16), maxBytes + (1 << 16))];
        length = 0;
        rows = 0;
        inFlight = CompletableFuture.runAsync(() -> insert(data, len, count), executor);
    }

    private void insert(byte[] data, int len, int count) {
        try {
            client.insert(table, new ByteArrayInputStream(data, 0, len), ClickHouseFormat.JSONEachRow,
                    new InsertSettings()).get().close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while inserting into " + table, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Inserting into " + table + " failed: " + firstLine(cause.getMessage()),
                    cause);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Inserting into " + table + " failed: " + firstLine(e.getMessage()), e);
        }
        onInserted.accept(count);
    }

    private void awaitInFlight() {
        try {
            inFlight.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Sends the last batch and waits until every batch is inserted. */
    @Override
    public void close() {
        flush();
        awaitInFlight();
    }
}
