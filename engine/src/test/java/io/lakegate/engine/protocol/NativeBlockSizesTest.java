package io.lakegate.engine.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NativeBlockSizesTest {
    @Test
    void countsTheUncompressedBytesOfBlocksCutAnywhere() throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        long raw = 0;
        try (NativeBlockOutputStream blocks = new NativeBlockOutputStream(wire)) {
            for (int i = 0; i < 40; i++) {
                byte[] part = new byte[random.nextInt(300_000)];
                for (int j = 0; j < part.length; j++) {
                    part[j] = (byte) (random.nextInt(8) + 'a'); // compressible, so compressed and raw sizes differ
                }
                blocks.write(part);
                raw += part.length;
                if (i % 3 == 0) {
                    blocks.flush(); // a block ends here
                }
            }
        }
        byte[] bytes = wire.toByteArray();
        assertThat((long) bytes.length).isLessThan(raw);
        for (int cut : new int[] {1, 7, 25, 26, 4096, 65536, bytes.length}) {
            NativeBlockSizes sizes = new NativeBlockSizes();
            long counted = 0;
            for (int at = 0; at < bytes.length; at += cut) {
                counted += sizes.count(bytes, at, Math.min(cut, bytes.length - at));
            }
            assertThat(counted).as("pieces of %d bytes", cut).isEqualTo(raw);
        }
    }
}
