package io.lakegate.engine.chdb;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The C API of chDB 26.x ({@code programs/local/chdb.h}), bound with exact signatures:
 * an undeclared pointer width truncates 64-bit handles and crashes the process.
 */
interface ChdbLibrary extends Library {
    String chdb_version();

    void chdb_set_signal_handlers_enabled(int enabled);

    /** Joins every engine thread; only succeeds once every connection is closed. */
    int chdb_shutdown();

    /** Returns a pointer TO a connection handle. */
    Pointer chdb_connect(int argc, String[] argv);

    /** Takes the pointer returned by {@link #chdb_connect}. */
    void chdb_close_conn(Pointer connectionRef);

    Pointer chdb_query_with_params_n(Pointer conn, byte[] query, long queryLen, byte[] format, long formatLen,
                                     String[] names, long[] nameLens, Pointer[] values, long[] valueLens, long count);

    Pointer chdb_stream_query_with_params_n(Pointer conn, byte[] query, long queryLen, byte[] format, long formatLen,
                                            String[] names, long[] nameLens, Pointer[] values, long[] valueLens,
                                            long count);

    Pointer chdb_stream_fetch_result(Pointer conn, Pointer stream);

    void chdb_stream_cancel_query(Pointer conn, Pointer stream);

    Pointer chdb_stream_insert_n(Pointer conn, byte[] query, long queryLen, byte[] format, long formatLen);

    int chdb_stream_append(Pointer stream, byte[] data, long len);

    Pointer chdb_stream_done(Pointer stream);

    void chdb_stream_cancel_insert(Pointer stream);

    String chdb_stream_insert_error(Pointer stream);

    void chdb_destroy_insert_stream(Pointer stream);

    void chdb_destroy_query_result(Pointer result);

    Pointer chdb_result_buffer(Pointer result);

    long chdb_result_length(Pointer result);

    String chdb_result_error(Pointer result);

    long chdb_result_rows_read(Pointer result);

    long chdb_result_bytes_read(Pointer result);

    long chdb_result_rows_written(Pointer result);

    long chdb_result_bytes_written(Pointer result);

    double chdb_result_elapsed(Pointer result);
}
