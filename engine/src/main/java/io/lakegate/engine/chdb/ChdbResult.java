package io.lakegate.engine.chdb;

import java.nio.charset.StandardCharsets;

/** A materialized result: the bytes in the requested format plus the engine's counters. */
public record ChdbResult(byte[] data, long rowsRead, long bytesRead, long rowsWritten, long bytesWritten) {
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
