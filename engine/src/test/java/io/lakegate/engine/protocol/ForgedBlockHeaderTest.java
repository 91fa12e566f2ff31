package io.lakegate.engine.protocol;

import com.clickhouse.data.ClickHouseCityHash;
import com.github.luben.zstd.Zstd;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Block headers are 25 bytes anyone can write: what they claim must be refused, or read as it arrives, never
 * allocated up front. Each test measures what its thread allocated, so a reader that trusts the header fails here
 * (or dies of OutOfMemoryError) instead of passing.
 */
class ForgedBlockHeaderTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long ONE_MB = 1 << 20;

    /** A checksum (unchecked before the sizes), the method byte and the two sizes, as unsigned 32-bit numbers. */
    static byte[] header(int method, long compressedSize, long rawSize) {
        return ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(2).put((byte) method)
                .putInt((int) compressedSize).putInt((int) rawSize).array();
    }

    private static long allocatedWhileReading(byte[] body, int maxBlockBytes) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(body), maxBlockBytes)
                .readAllBytes()).isInstanceOf(ClickHouseException.class);
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void aHeaderClaimingTwoGigabytesIsRefusedWithAClearError() {
        byte[] forged = header(0x82, 2L << 30, 2L << 30);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(forged)).readAllBytes())
                .isInstanceOfSatisfying(ClickHouseException.class, e -> {
                    assertThat(e.code()).isEqualTo(39);
                    assertThat(e.errorName()).isEqualTo("TOO_LARGE_SIZE_COMPRESSED");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("2147483648").contains("limit of "
                            + NativeBlockInputStream.DEFAULT_MAX_BLOCK_BYTES + " bytes");
                });
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(ONE_MB);
    }

    @Test
    void aHeaderJustUnderClickHousesOneGibibyteIsRefusedToo() {
        byte[] forged = header(0x82, (1L << 30) - 1, (1L << 30) - 1);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(forged)).readAllBytes())
                .isInstanceOfSatisfying(ClickHouseException.class,
                        e -> assertThat(e.errorName()).isEqualTo("TOO_LARGE_SIZE_COMPRESSED"));
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(ONE_MB);
    }

    @Test
    void aBlockUnderTheLimitIsBufferedOnlyAsItsBytesArrive() {
        // 100 MB claimed, 25 bytes sent: the reader must find the end of the body, not allocate 100 MB first
        byte[] forged = header(0x82, 100L << 20, 100L << 20);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(forged)).readAllBytes())
                .isInstanceOf(ClickHouseException.class).hasMessageContaining("ends inside a block");
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(ONE_MB);
    }

    @Test
    void aDecompressedSizeTheMethodCannotProduceIsRefusedBeforeAllocating() {
        // 16 bytes of LZ4 cannot become 100 MB (LZ4 expands a byte to at most 255), nor "none" change size
        byte[] lz4 = concat(header(0x82, 9 + 16, 100L << 20), new byte[16]);
        byte[] none = concat(header(0x02, 9 + 16, 17), new byte[16]);
        for (byte[] forged : new byte[][] {lz4, none}) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(forged)).readAllBytes())
                    .isInstanceOfSatisfying(ClickHouseException.class, e -> {
                        assertThat(e.errorName()).isEqualTo("CANNOT_DECOMPRESS");
                        assertThat(e.getMessage()).contains("cannot hold");
                    });
            assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(ONE_MB);
        }
    }

    @Test
    void theCallersLimitApplies() throws IOException {
        byte[] frame = signed(0x02, "SELECT 1".getBytes(StandardCharsets.US_ASCII), 8);
        assertThat(new String(new NativeBlockInputStream(new ByteArrayInputStream(frame), 8).readAllBytes(),
                StandardCharsets.US_ASCII)).isEqualTo("SELECT 1");
        assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(frame), 7).readAllBytes())
                .isInstanceOfSatisfying(ClickHouseException.class,
                        e -> assertThat(e.getMessage()).contains("limit of 7 bytes"));
    }

    @Test
    void zstdBlocksDecompressAndLiesAboutTheirSizeAreCaught() throws IOException {
        byte[] text = "SELECT 'zstd' ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        byte[] packed = Zstd.compress(text);
        byte[] honest = signed(0x90, packed, text.length);
        assertThat(new NativeBlockInputStream(new ByteArrayInputStream(honest)).readAllBytes()).isEqualTo(text);
        byte[] lying = signed(0x90, packed, text.length + 1000);
        assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(lying)).readAllBytes())
                .isInstanceOf(ClickHouseException.class).hasMessageContaining("Cannot decompress");
    }

    @Test
    void manyForgedBlocksInARowStayCheap() {
        long total = 0;
        for (int i = 0; i < 50; i++) {
            total += allocatedWhileReading(header(0x90, 120L << 20, 120L << 20),
                    NativeBlockInputStream.DEFAULT_MAX_BLOCK_BYTES);
        }
        assertThat(total).isLessThan(10 * ONE_MB);
    }

    /** A block with a correct checksum, as a client that means it (or knows CityHash) sends it. */
    private static byte[] signed(int method, byte[] data, int rawSize) {
        byte[] frame = ByteBuffer.allocate(9 + data.length).order(ByteOrder.LITTLE_ENDIAN).put((byte) method)
                .putInt(9 + data.length).putInt(rawSize).put(data).array();
        // deprecated in clickhouse-data, yet still the only CityHash128 of clickhouse-java (its own LZ4 streams use it)
        @SuppressWarnings("deprecation")
        long[] hash = ClickHouseCityHash.cityHash128(frame, 0, frame.length);
        return ByteBuffer.allocate(16 + frame.length).order(ByteOrder.LITTLE_ENDIAN).putLong(hash[0]).putLong(hash[1])
                .put(frame).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
