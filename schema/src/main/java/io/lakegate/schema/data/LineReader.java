package io.lakegate.schema.data;

import java.io.IOException;
import java.io.InputStream;

/** Splits a byte stream into lines at '\n' without decoding it (records are parsed from UTF-8 bytes directly). */
final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 20];
    private int pos;
    private int limit;
    private byte[] line = new byte[8192];
    private int length;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next line; returns the bytes it took in the stream (newline included), or -1 at the end. */
    long next() throws IOException {
        length = 0;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length == 0 ? -1 : length;
                }
            }
            int nl = pos;
            while (nl < limit && buffer[nl] != '\n') {
                nl++;
            }
            append(pos, nl - pos);
            if (nl < limit) {
                pos = nl + 1;
                return length + 1L;
            }
            pos = limit;
        }
    }

    private void append(int from, int n) {
        if (length + n > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(length + n, line.length * 2));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    /** The current line's bytes, valid until the next call; {@link #length()} of them, without the newline. */
    byte[] line() {
        return line;
    }

    int length() {
        return length;
    }
}
