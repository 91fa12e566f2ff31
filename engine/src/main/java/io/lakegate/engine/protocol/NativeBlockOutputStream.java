package io.lakegate.engine.protocol;

import com.clickhouse.data.ClickHouseCityHash;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * ClickHouse's native compressed block stream ({@code compress=1}): each block is a CityHash128 checksum, a method
 * byte (0x82 = LZ4), the compressed size including the 9-byte header, the raw size, then the LZ4 data.
 */
public final class NativeBlockOutputStream extends FilterOutputStream {
    static final int HEADER = 9;
    static final byte LZ4 = (byte) 0x82;
    private static final int BLOCK = 1 << 20;
    private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();

    private final byte[] buffer = new byte[BLOCK];
    private final byte[] compressed = new byte[HEADER + COMPRESSOR.maxCompressedLength(BLOCK)];
    private int length;

    public NativeBlockOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (length == buffer.length) {
            writeBlock();
        }
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (length == buffer.length) {
                writeBlock();
            }
            int n = Math.min(len, buffer.length - length);
            System.arraycopy(b, off, buffer, length, n);
            length += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        writeBlock();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            writeBlock();
        } finally {
            out.close();
        }
    }

    private void writeBlock() throws IOException {
        if (length == 0) {
            return;
        }
        int size = COMPRESSOR.compress(buffer, 0, length, compressed, HEADER);
        compressed[0] = LZ4;
        putIntLE(compressed, 1, size + HEADER);
        putIntLE(compressed, 5, length);
        // deprecated in clickhouse-data, yet still the only CityHash128 of clickhouse-java (its own LZ4 streams use it)
        @SuppressWarnings("deprecation")
        long[] hash = ClickHouseCityHash.cityHash128(compressed, 0, size + HEADER);
        byte[] checksum = new byte[16];
        putLongLE(checksum, 0, hash[0]);
        putLongLE(checksum, 8, hash[1]);
        out.write(checksum);
        out.write(compressed, 0, size + HEADER);
        length = 0;
    }

    static void putIntLE(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    static void putLongLE(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
