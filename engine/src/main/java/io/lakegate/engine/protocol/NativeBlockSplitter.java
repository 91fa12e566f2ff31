package io.lakegate.engine.protocol;

import java.io.IOException;
import java.util.Arrays;

/**
 * Cuts a stream of ClickHouse's native compressed blocks ({@code compress=1}) passing by into whole blocks, without
 * decompressing them, and tells each block's uncompressed size: so a gateway that passes compressed answers through
 * can count them against a result-bytes limit and stop between two blocks, never inside one. The stream is
 * ClickHouse's own; a client's goes through {@link NativeBlockInputStream}, which trusts no size. Bytes that cannot
 * be a block's (an error text ClickHouse wrote after the last one) pass on as they are.
 */
public final class NativeBlockSplitter {
    /** Where the blocks go. */
    public interface Sink {
        void write(byte[] bytes, int offset, int length, long uncompressedSize) throws IOException;
    }

    /** Checksum, method byte, compressed size, raw size. */
    private static final int BLOCK_HEADER = 16 + NativeBlockOutputStream.HEADER;
    /** ClickHouse's blocks are at most max_compress_block_size (1 MiB) before compression. */
    private static final long MAX_BLOCK = 64L << 20;

    private final Sink sink;
    private byte[] block = new byte[BLOCK_HEADER];
    private int filled;
    /** The whole block's length once its header is in, else -1; after bytes that are no block, -2. */
    private long length = -1;
    private long uncompressed;

    public NativeBlockSplitter(Sink sink) {
        this.sink = sink;
    }

    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (length == -2) {
                sink.write(b, off, len, len);
                return;
            }
            int want = (int) (length < 0 ? BLOCK_HEADER - filled : length - filled);
            int n = Math.min(want, len);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (length < 0 && filled == BLOCK_HEADER) {
                long compressed = NativeBlockInputStream.uintLE(block, 17);
                uncompressed = NativeBlockInputStream.uintLE(block, 21);
                if (compressed < NativeBlockOutputStream.HEADER || compressed > MAX_BLOCK || uncompressed > MAX_BLOCK) {
                    passOnAsItIs();
                    continue;
                }
                length = 16 + compressed;
                if (block.length < length) {
                    block = Arrays.copyOf(block, (int) length);
                }
            } else if (length >= 0 && filled == length) {
                sink.write(block, 0, filled, uncompressed);
                filled = 0;
                length = -1;
            }
        }
    }

    /** At the end of the stream: what is left is no whole block, and passes on as it is. */
    public void finish() throws IOException {
        passOnAsItIs();
    }

    private void passOnAsItIs() throws IOException {
        length = -2;
        if (filled > 0) {
            sink.write(block, 0, filled, filled);
            filled = 0;
        }
    }
}
