package io.lakegate.engine.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NativeBlockSplitterTest {
    private long raw;

    private byte[] blocks() throws IOException {
        Random random = new Random(7);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (NativeBlockOutputStream out = new NativeBlockOutputStream(wire)) {
            for (int i = 0; i < 40; i++) {
                byte[] part = new byte[random.nextInt(300_000)];
                for (int j = 0; j < part.length; j++) {
                    part[j] = (byte) (random.nextInt(8) + 'a'); // compressible, so the sizes differ
                }
                out.write(part);
                raw += part.length;
                if (i % 3 == 0) {
                    out.flush(); // a block ends here
                }
            }
        }
        return wire.toByteArray();
    }

    @Test
    void cutsWholeBlocksAndTellsTheirUncompressedSizesWhereverTheStreamIsCut() throws IOException {
        byte[] bytes = blocks();
        assertThat((long) bytes.length).isLessThan(raw);
        for (int cut : new int[] {1, 7, 25, 26, 4096, 65536, bytes.length}) {
            ByteArrayOutputStream passed = new ByteArrayOutputStream();
            List<Long> sizes = new ArrayList<>();
            NativeBlockSplitter splitter = new NativeBlockSplitter((b, off, len, size) -> {
                passed.write(b, off, len);
                sizes.add(size);
                // each piece is one whole block: it decompresses on its own
                try (InputStream one = new NativeBlockInputStream(new ByteArrayInputStream(b, off, len))) {
                    assertThat((long) one.readAllBytes().length).isEqualTo(size);
                }
            });
            for (int at = 0; at < bytes.length; at += cut) {
                splitter.write(bytes, at, Math.min(cut, bytes.length - at));
            }
            splitter.finish();
            assertThat(passed.toByteArray()).as("pieces of %d bytes", cut).isEqualTo(bytes);
            assertThat(sizes.stream().mapToLong(Long::longValue).sum()).isEqualTo(raw);
        }
    }

    @Test
    void bytesThatAreNoBlockPassOnAsTheyAre() throws IOException {
        byte[] text = "Code: 241. DB::Exception: Memory limit exceeded".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        NativeBlockSplitter splitter = new NativeBlockSplitter((b, off, len, size) -> passed.write(b, off, len));
        splitter.write(text, 0, text.length);
        splitter.finish();
        assertThat(passed.toByteArray()).isEqualTo(text);
    }
}
