package io.lakegate.engine.protocol;

/**
 * Follows a stream of ClickHouse's native compressed blocks ({@code compress=1}) as it passes by, without
 * decompressing it, and tells how many bytes its blocks hold uncompressed: what a gateway passing compressed answers
 * through counts against a result-bytes limit. The stream is ClickHouse's own, so the sizes in its headers are taken
 * as they are (a stream from a client goes through {@link NativeBlockInputStream}, which trusts no size).
 */
public final class NativeBlockSizes {
    /** Checksum, method byte, compressed size, raw size. */
    private static final int BLOCK_HEADER = 16 + NativeBlockOutputStream.HEADER;

    private final byte[] header = new byte[BLOCK_HEADER];
    private int filled;
    private long dataLeft;

    /** The uncompressed size of the blocks whose headers end in these bytes. */
    public long count(byte[] b, int off, int len) {
        long raw = 0;
        while (len > 0) {
            if (dataLeft > 0) {
                int n = (int) Math.min(dataLeft, len);
                dataLeft -= n;
                off += n;
                len -= n;
                continue;
            }
            int n = Math.min(BLOCK_HEADER - filled, len);
            System.arraycopy(b, off, header, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == BLOCK_HEADER) {
                raw += NativeBlockInputStream.uintLE(header, 21);
                dataLeft = Math.max(0, NativeBlockInputStream.uintLE(header, 17) - NativeBlockOutputStream.HEADER);
                filled = 0;
            }
        }
        return raw;
    }
}
