package io.lakegate.engine.chdb;

import com.sun.jna.Pointer;
import io.lakegate.engine.protocol.ClickHouseException;

/**
 * A query whose output arrives in chunks of about half a megabyte, joined into one output; closing it early cancels
 * the query.
 */
public final class ChdbStream implements AutoCloseable {
    private final ChdbLibrary lib;
    private final Pointer conn;
    private final Pointer stream;
    private final ChunkJoiner joiner;
    private boolean first = true;
    private boolean finished;
    private boolean closed;
    private long rowsRead;
    private long bytesRead;

    ChdbStream(ChdbLibrary lib, Pointer conn, Pointer stream, ChunkJoiner joiner) {
        this.joiner = joiner;
        this.lib = lib;
        this.conn = conn;
        this.stream = stream;
    }

    /** The next chunk of output, or null at the end. Chunks may be empty before the end. */
    public byte[] next() {
        if (finished || closed) {
            return null;
        }
        Pointer chunk = lib.chdb_stream_fetch_result(conn, stream);
        if (chunk == null) {
            finished = true;
            return null;
        }
        try {
            String error = lib.chdb_result_error(chunk);
            if (error != null) {
                finished = true;
                throw ClickHouseException.fromServerText(error);
            }
            long length = lib.chdb_result_length(chunk);
            rowsRead += lib.chdb_result_rows_read(chunk);
            bytesRead += lib.chdb_result_bytes_read(chunk);
            if (length == 0) {
                finished = true;
                return null;
            }
            byte[] data = joiner.join(lib.chdb_result_buffer(chunk).getByteArray(0, Math.toIntExact(length)), first);
            first = false;
            return data;
        } finally {
            lib.chdb_destroy_query_result(chunk);
        }
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!finished) {
            lib.chdb_stream_cancel_query(conn, stream);
        }
        lib.chdb_destroy_query_result(stream);
    }
}
