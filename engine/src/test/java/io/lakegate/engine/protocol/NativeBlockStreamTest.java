package io.lakegate.engine.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeBlockStreamTest {
    @Test
    void roundTripsAcrossSeveralBlocks() throws IOException {
        byte[] data = new byte[3 * (1 << 20) + 12345];
        Random random = new Random(7);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 1000 < 900 ? 'a' + i % 7 : random.nextInt(256));
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new NativeBlockOutputStream(compressed)) {
            out.write(data, 0, 100);
            out.write(data, 100, data.length - 100);
        }
        byte[] bytes = compressed.toByteArray();
        assertThat(bytes.length).isLessThan(data.length);
        assertThat(bytes[16]).isEqualTo((byte) 0x82);
        assertThat(new NativeBlockInputStream(new ByteArrayInputStream(bytes)).readAllBytes()).isEqualTo(data);
    }

    @Test
    void rejectsTruncatedAndCorruptedInput() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new NativeBlockOutputStream(compressed)) {
            out.write("hello hello hello".getBytes());
        }
        byte[] bytes = compressed.toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(truncated)).readAllBytes())
                .isInstanceOf(ClickHouseException.class).hasMessageContaining("ends inside a block");
        byte[] garbage = "definitely not compressed at all, not at all".getBytes();
        assertThatThrownBy(() -> new NativeBlockInputStream(new ByteArrayInputStream(garbage)).readAllBytes())
                .isInstanceOf(ClickHouseException.class);
    }
}
