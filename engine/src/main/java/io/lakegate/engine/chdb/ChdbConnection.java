package io.lakegate.engine.chdb;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One chDB connection: its own session (settings, current database, temporary tables). It runs one statement at a
 * time, so callers hold it exclusively (a pool or a session does).
 */
public final class ChdbConnection implements AutoCloseable {
    private final ChdbLibrary lib;
    private final Pointer ref;
    private final Pointer handle;
    private final java.util.function.Consumer<ChdbConnection> onClose;
    private boolean closed;

    ChdbConnection(ChdbLibrary lib, Pointer ref, java.util.function.Consumer<ChdbConnection> onClose) {
        this.lib = lib;
        this.onClose = onClose;
        this.ref = ref;
        this.handle = ref.getPointer(0);
    }

    /** Runs a statement to completion and returns its whole output. */
    public ChdbResult query(String sql, String format, Map<String, String> params) {
        checkOpen();
        byte[] q = sql.getBytes(StandardCharsets.UTF_8);
        byte[] f = format.getBytes(StandardCharsets.UTF_8);
        Params p = new Params(params);
        Pointer result = lib.chdb_query_with_params_n(handle, q, q.length, f, f.length, p.names, p.nameLens, p.values,
                p.valueLens, p.count);
        return consume(result);
    }

    /**
     * Starts a streaming query whose output has the format {@code outputFormat}. Only queries that produce rows, in
     * a format whose chunks can be joined, stream; otherwise this returns null and the caller uses {@link #query}.
     */
    public ChdbStream stream(String sql, String format, String outputFormat, Map<String, String> params) {
        ChunkJoiner joiner = ChunkJoiner.forFormat(outputFormat);
        if (joiner == null) {
            return null;
        }
        checkOpen();
        byte[] q = sql.getBytes(StandardCharsets.UTF_8);
        byte[] f = format.getBytes(StandardCharsets.UTF_8);
        Params p = new Params(params);
        Pointer stream = lib.chdb_stream_query_with_params_n(handle, q, q.length, f, f.length, p.names, p.nameLens,
                p.values, p.valueLens, p.count);
        if (stream == null) {
            throw new ClickHouseException(ErrorCode.LOGICAL_ERROR, "The embedded engine returned no stream handle");
        }
        String error = lib.chdb_result_error(stream);
        if (error != null) {
            lib.chdb_destroy_query_result(stream);
            if (error.contains("Streaming query is not supported")) {
                return null;
            }
            throw ClickHouseException.fromServerText(error);
        }
        return new ChdbStream(lib, handle, stream, joiner);
    }

    /** Streams {@code data} (in {@code format}) into an INSERT statement that has no FORMAT clause of its own. */
    public ChdbResult insert(String insertSql, String format, InputStream data) throws IOException {
        checkOpen();
        byte[] q = insertSql.getBytes(StandardCharsets.UTF_8);
        byte[] f = format.getBytes(StandardCharsets.UTF_8);
        Pointer stream = lib.chdb_stream_insert_n(handle, q, q.length, f, f.length);
        try {
            String error = lib.chdb_stream_insert_error(stream);
            if (error != null) {
                throw ClickHouseException.fromServerText(error);
            }
            byte[] buffer = new byte[1 << 20];
            boolean cancelled = true;
            try {
                for (int n; (n = data.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                    if (lib.chdb_stream_append(stream, buffer, n) != 0) {
                        String appendError = lib.chdb_stream_insert_error(stream);
                        throw ClickHouseException.fromServerText(appendError != null ? appendError : "Code: 1002. "
                                + "DB::Exception: the engine refused the inserted data. (UNKNOWN_EXCEPTION)");
                    }
                }
                cancelled = false;
            } finally {
                if (cancelled) {
                    lib.chdb_stream_cancel_insert(stream);
                }
            }
            return consume(lib.chdb_stream_done(stream));
        } finally {
            lib.chdb_destroy_insert_stream(stream);
        }
    }

    private ChdbResult consume(Pointer result) {
        if (result == null) {
            throw new ClickHouseException(ErrorCode.LOGICAL_ERROR, "The embedded engine returned no result");
        }
        try {
            String error = lib.chdb_result_error(result);
            if (error != null) {
                throw ClickHouseException.fromServerText(error);
            }
            long length = lib.chdb_result_length(result);
            Pointer buffer = lib.chdb_result_buffer(result);
            byte[] data = length == 0 || buffer == null ? new byte[0] : buffer.getByteArray(0, Math.toIntExact(length));
            return new ChdbResult(data, lib.chdb_result_rows_read(result), lib.chdb_result_bytes_read(result),
                    lib.chdb_result_rows_written(result), lib.chdb_result_bytes_written(result));
        } finally {
            lib.chdb_destroy_query_result(result);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("connection closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            lib.chdb_close_conn(ref);
            onClose.accept(this);
        }
    }

    /** Query parameters as chDB wants them: values in escaped text form, with explicit lengths. */
    private static final class Params {
        final String[] names;
        final long[] nameLens;
        final Pointer[] values;
        final long[] valueLens;
        final long count;

        Params(Map<String, String> params) {
            count = params.size();
            if (count == 0) {
                names = null;
                nameLens = null;
                values = null;
                valueLens = null;
                return;
            }
            int n = params.size();
            names = new String[n];
            nameLens = new long[n];
            values = new Pointer[n];
            valueLens = new long[n];
            int i = 0;
            for (Map.Entry<String, String> e : params.entrySet()) {
                names[i] = e.getKey();
                nameLens[i] = e.getKey().getBytes(StandardCharsets.UTF_8).length;
                byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
                Memory memory = new Memory(Math.max(1, value.length));
                memory.write(0, value, 0, value.length);
                values[i] = memory;
                valueLens[i] = value.length;
                i++;
            }
        }
    }
}
