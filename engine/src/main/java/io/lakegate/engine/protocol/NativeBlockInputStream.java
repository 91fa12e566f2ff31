package io.lakegate.engine.protocol;

import com.clickhouse.data.ClickHouseCityHash;
import com.github.luben.zstd.Zstd;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

import java.io.IOException;
import java.io.InputStream;

/** Reads ClickHouse's native compressed block stream ({@code decompress=1} request bodies), verifying checksums. */
public final class NativeBlockInputStream extends InputStream {
    private static final LZ4FastDecompressor LZ4 = LZ4Factory.fastestInstance().fastDecompressor();
    private static final int MAX_BLOCK = 1 << 30;

    private final InputStream in;
    private byte[] block = new byte[0];
    private int position;

    public NativeBlockInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (!ensure()) {
            return -1;
        }
        return block[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ensure()) {
            return -1;
        }
        int n = Math.min(len, block.length - position);
        System.arraycopy(block, position, b, off, n);
        position += n;
        return n;
    }

    private boolean ensure() throws IOException {
        while (position >= block.length) {
            byte[] checksum = in.readNBytes(16);
            if (checksum.length == 0) {
                return false;
            }
            byte[] header = in.readNBytes(NativeBlockOutputStream.HEADER);
            if (checksum.length < 16 || header.length < NativeBlockOutputStream.HEADER) {
                throw bad("the compressed body ends inside a block header");
            }
            int compressedSize = intLE(header, 1);
            int rawSize = intLE(header, 5);
            if (compressedSize < NativeBlockOutputStream.HEADER || compressedSize > MAX_BLOCK || rawSize < 0
                    || rawSize > MAX_BLOCK) {
                throw bad("a compressed block has an impossible size (" + compressedSize + " / " + rawSize + ")");
            }
            byte[] frame = new byte[compressedSize];
            System.arraycopy(header, 0, frame, 0, NativeBlockOutputStream.HEADER);
            int body = in.readNBytes(frame, NativeBlockOutputStream.HEADER, compressedSize - NativeBlockOutputStream.HEADER);
            if (body != compressedSize - NativeBlockOutputStream.HEADER) {
                throw bad("the compressed body ends inside a block");
            }
            long[] hash = ClickHouseCityHash.cityHash128(frame, 0, compressedSize);
            if (hash[0] != longLE(checksum, 0) || hash[1] != longLE(checksum, 8)) {
                throw new ClickHouseException(ErrorCode.CANNOT_DECOMPRESS,
                        "Checksum doesn't match: corrupted data in the compressed request body");
            }
            block = new byte[rawSize];
            int dataLength = compressedSize - NativeBlockOutputStream.HEADER;
            switch (header[0] & 0xff) {
                case 0x82 -> LZ4.decompress(frame, NativeBlockOutputStream.HEADER, block, 0, rawSize);
                case 0x90 -> Zstd.decompressByteArray(block, 0, rawSize, frame, NativeBlockOutputStream.HEADER, dataLength);
                case 0x02 -> System.arraycopy(frame, NativeBlockOutputStream.HEADER, block, 0, Math.min(rawSize, dataLength));
                default -> throw new ClickHouseException(ErrorCode.UNKNOWN_COMPRESSION_METHOD,
                        "Unknown compression method 0x" + Integer.toHexString(header[0] & 0xff)
                                + " in the compressed request body; use LZ4 (0x82), ZSTD (0x90) or none (0x02)");
            }
            position = 0;
        }
        return true;
    }

    private static ClickHouseException bad(String what) {
        return new ClickHouseException(ErrorCode.CANNOT_DECOMPRESS, "Cannot decompress the request body: " + what
                + ". Send ClickHouse native compressed blocks with decompress=1, or drop decompress=1");
    }

    private static int intLE(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static long longLE(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
