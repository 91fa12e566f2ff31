package io.lakegate.engine.chdb;

import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ErrorCode;

import java.util.Arrays;
import java.util.Locale;

/**
 * chDB formats every streamed chunk as a complete output of its own: a {@code TSVWithNames} chunk repeats the
 * names line, a {@code JSON} chunk is a whole document. This knows which formats can be joined into one valid
 * output by dropping the repeated header, and how long that header is. Formats it does not know are not streamed.
 */
public final class ChunkJoiner {
    private enum Header { NONE, LINES, CSV_LINES, ROW_BINARY, ODBC_DRIVER2 }

    private final Header header;
    private final int count;
    private byte[] firstHeader;

    private ChunkJoiner(Header header, int count) {
        this.header = header;
        this.count = count;
    }

    /** A joiner for {@code format}, or null if chunks of that format cannot be joined (stream it whole). */
    public static ChunkJoiner forFormat(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        int names = f.endsWith("withnamesandtypes") ? 2 : f.endsWith("withnames") ? 1 : 0;
        String base = names == 2 ? f.substring(0, f.length() - "withnamesandtypes".length())
                : names == 1 ? f.substring(0, f.length() - "withnames".length()) : f;
        switch (base) {
            case "tabseparated", "tsv", "tabseparatedraw", "tsvraw", "jsoncompacteachrow",
                 "jsoncompactstringseachrow":
                return new ChunkJoiner(names == 0 ? Header.NONE : Header.LINES, names);
            case "csv":
                return new ChunkJoiner(names == 0 ? Header.NONE : Header.CSV_LINES, names);
            case "rowbinary":
                return new ChunkJoiner(names == 0 ? Header.NONE : Header.ROW_BINARY, names);
            case "jsoneachrow", "ndjson", "jsonlines", "jsonstringseachrow", "native", "tskv", "lineasstring",
                 "null":
                return names == 0 ? new ChunkJoiner(Header.NONE, 0) : null;
            case "odbcdriver2":
                return names == 0 ? new ChunkJoiner(Header.ODBC_DRIVER2, 0) : null;
            default:
                return null;
        }
    }

    /** The part of {@code chunk} to send: all of the first chunk, later chunks without the repeated header. */
    public byte[] join(byte[] chunk, boolean first) {
        if (header == Header.NONE) {
            return chunk;
        }
        if (first) {
            firstHeader = Arrays.copyOf(chunk, headerLength(chunk));
            return chunk;
        }
        int h = firstHeader.length;
        if (chunk.length < h || !Arrays.equals(chunk, 0, h, firstHeader, 0, h)) {
            throw new ClickHouseException(ErrorCode.LOGICAL_ERROR,
                    "A streamed chunk does not start with the header of the first one; the output is incomplete");
        }
        return Arrays.copyOfRange(chunk, h, chunk.length);
    }

    private int headerLength(byte[] c) {
        switch (header) {
            case LINES: {
                int at = 0;
                for (int line = 0; line < count; line++) {
                    while (at < c.length && c[at] != '\n') {
                        at++;
                    }
                    at++;
                }
                return Math.min(at, c.length);
            }
            case CSV_LINES: {
                int at = 0;
                boolean quoted = false;
                for (int line = 0; line < count && at < c.length; at++) {
                    if (c[at] == '"') {
                        quoted = !quoted;
                    } else if (c[at] == '\n' && !quoted) {
                        line++;
                    }
                }
                return at;
            }
            case ROW_BINARY: {
                int[] at = {0};
                long columns = varUInt(c, at);
                for (long i = 0; i < columns * count; i++) {
                    long length = varUInt(c, at);
                    at[0] += (int) length;
                }
                return at[0];
            }
            case ODBC_DRIVER2: {
                int at = 0;
                int rows = intLE(c, at);
                at += 4;
                for (int r = 0; r < rows; r++) {
                    int values = intLE(c, at);
                    at += 4;
                    for (int v = 0; v < values; v++) {
                        int length = intLE(c, at);
                        at += 4 + Math.max(0, length);
                    }
                }
                return at;
            }
            default:
                return 0;
        }
    }

    private static long varUInt(byte[] c, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = c[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return value;
    }

    private static int intLE(byte[] c, int at) {
        return (c[at] & 0xff) | (c[at + 1] & 0xff) << 8 | (c[at + 2] & 0xff) << 16 | (c[at + 3] & 0xff) << 24;
    }
}
