package io.lakegate.engine.protocol;

import java.io.IOException;
import java.io.OutputStream;

/** The answer to one query, streamed once; closing it early cancels the query and frees what it holds. */
public interface QueryResult extends AutoCloseable {
    /** Counters known when the headers are sent ({@code X-ClickHouse-Summary}). */
    Summary summary();

    /** Writes the whole output in the request's output format. */
    void writeTo(OutputStream out) throws IOException;

    /**
     * Whether {@link #writeTo} writes ClickHouse's native compressed blocks itself, so the handler sends them as they
     * are: only ever for a request that asked for them ({@code compress=1}).
     */
    default boolean compressed() {
        return false;
    }

    @Override
    void close();

    record Summary(long readRows, long readBytes, long writtenRows, long writtenBytes, long resultRows,
                   long resultBytes, long elapsedNanos) {
        public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, 0);

        /** The header value: a JSON object whose values are quoted numbers, as ClickHouse sends it. */
        public String toHeader() {
            return "{\"read_rows\":\"" + readRows + "\",\"read_bytes\":\"" + readBytes + "\",\"written_rows\":\""
                    + writtenRows + "\",\"written_bytes\":\"" + writtenBytes + "\",\"total_rows_to_read\":\""
                    + readRows + "\",\"result_rows\":\"" + resultRows + "\",\"result_bytes\":\"" + resultBytes
                    + "\",\"elapsed_ns\":\"" + elapsedNanos + "\"}";
        }
    }
}
