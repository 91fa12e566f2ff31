package io.lakegate.engine.protocol;

import com.clickhouse.data.ClickHouseCityHash;
import com.github.luben.zstd.Zstd;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads ClickHouse's native compressed block stream ({@code decompress=1} request bodies), verifying checksums.
 * <p>
 * A block header is 25 bytes anyone can forge, and its checksum (CityHash) is no secret, so no size in it is trusted
 * for an allocation: sizes above {@code maxBlockBytes} are refused, a block's compressed bytes are buffered only as
 * they actually arrive, and the decompressed size must be one the method can produce from that many bytes.
 */
public final class NativeBlockInputStream extends InputStream {
    /** The limit when the caller names none: far above the 1 MiB blocks ClickHouse's clients write. */
    public static final int DEFAULT_MAX_BLOCK_BYTES = 128 << 20;
    private static final LZ4FastDecompressor LZ4 = LZ4Factory.fastestInstance().fastDecompressor();
    private static final int HEADER = NativeBlockOutputStream.HEADER;
    private static final int FIRST_BUFFER = 64 << 10;
    /** LZ4 can expand each input byte to at most 255 output bytes. */
    private static final long LZ4_MAX_RATIO = 255;

    private final InputStream in;
    private final int maxBlockBytes;
    private byte[] block = new byte[0];
    private int position;

    public NativeBlockInputStream(InputStream in) {
        this(in, DEFAULT_MAX_BLOCK_BYTES);
    }

    /** @param maxBlockBytes the largest block (compressed or not) accepted; larger ones are refused, not allocated */
    public NativeBlockInputStream(InputStream in, int maxBlockBytes) {
        if (maxBlockBytes < 1) {
            throw new IllegalArgumentException("maxBlockBytes must be positive: " + maxBlockBytes);
        }
        this.in = in;
        this.maxBlockBytes = maxBlockBytes;
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
            byte[] header = in.readNBytes(HEADER);
            if (checksum.length < 16 || header.length < HEADER) {
                throw bad("the compressed body ends inside a block header");
            }
            long compressedSize = uintLE(header, 1);
            long rawSize = uintLE(header, 5);
            checkSizes(header[0] & 0xff, compressedSize, rawSize);
            byte[] frame = readFrame(header, (int) compressedSize);
            // deprecated in clickhouse-data, yet still the only CityHash128 of clickhouse-java (its own LZ4 streams use it)
            @SuppressWarnings("deprecation")
            long[] hash = ClickHouseCityHash.cityHash128(frame, 0, frame.length);
            if (hash[0] != longLE(checksum, 0) || hash[1] != longLE(checksum, 8)) {
                throw new ClickHouseException(ErrorCode.CANNOT_DECOMPRESS,
                        "Checksum doesn't match: corrupted data in the compressed request body");
            }
            block = decompress(header[0] & 0xff, frame, (int) rawSize);
            position = 0;
        }
        return true;
    }

    private void checkSizes(int method, long compressedSize, long rawSize) {
        if (compressedSize < HEADER) {
            throw bad("a compressed block claims " + compressedSize + " bytes, less than its own " + HEADER
                    + "-byte header");
        }
        long data = compressedSize - HEADER;
        if (data > maxBlockBytes || rawSize > maxBlockBytes) {
            throw new ClickHouseException(ErrorCode.TOO_LARGE_SIZE_COMPRESSED, "Too large compressed block in the "
                    + "request body: its header claims " + data + " compressed and " + rawSize + " decompressed "
                    + "bytes, more than the limit of " + maxBlockBytes + " bytes. Most likely corrupted data; "
                    + "ClickHouse's clients write blocks of about 1 MiB");
        }
        boolean possible = switch (method) {
            case 0x02 -> rawSize == data;
            case 0x82 -> rawSize <= data * LZ4_MAX_RATIO;
            default -> true;
        };
        if (!possible) {
            throw bad("a block of " + data + " compressed bytes cannot hold the " + rawSize + " bytes its header "
                    + "claims");
        }
    }

    /** The whole block, header included (the checksum covers both), grown only as its bytes arrive. */
    private byte[] readFrame(byte[] header, int compressedSize) throws IOException {
        byte[] frame = new byte[Math.min(compressedSize, FIRST_BUFFER)];
        System.arraycopy(header, 0, frame, 0, HEADER);
        int filled = HEADER;
        while (filled < compressedSize) {
            if (filled == frame.length) {
                frame = Arrays.copyOf(frame, (int) Math.min(compressedSize, 2L * frame.length));
            }
            int n = in.read(frame, filled, frame.length - filled);
            if (n < 0) {
                throw bad("the compressed body ends inside a block");
            }
            filled += n;
        }
        return frame;
    }

    private static byte[] decompress(int method, byte[] frame, int rawSize) {
        byte[] raw = new byte[rawSize];
        int dataLength = frame.length - HEADER;
        try {
            switch (method) {
                case 0x82 -> LZ4.decompress(frame, HEADER, raw, 0, rawSize);
                case 0x90 -> {
                    long n = Zstd.decompressByteArray(raw, 0, rawSize, frame, HEADER, dataLength);
                    if (n != rawSize) {
                        throw bad("a ZSTD block decompressed to " + n + " bytes, not the " + rawSize
                                + " its header claims");
                    }
                }
                case 0x02 -> System.arraycopy(frame, HEADER, raw, 0, rawSize);
                default -> throw new ClickHouseException(ErrorCode.UNKNOWN_COMPRESSION_METHOD,
                        "Unknown compression method 0x" + Integer.toHexString(method) + " in the compressed request "
                                + "body; use LZ4 (0x82), ZSTD (0x90) or none (0x02)");
            }
        } catch (ClickHouseException e) {
            throw e;
        } catch (RuntimeException e) {
            // lz4-java and zstd-jni report malformed input with their own runtime exceptions
            throw bad("a block does not decompress (" + e.getMessage() + ")");
        }
        return raw;
    }

    private static ClickHouseException bad(String what) {
        return new ClickHouseException(ErrorCode.CANNOT_DECOMPRESS, "Cannot decompress the request body: " + what
                + ". Send ClickHouse native compressed blocks with decompress=1, or drop decompress=1");
    }

    static long uintLE(byte[] b, int at) {
        return ((b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xffL) << 24);
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
