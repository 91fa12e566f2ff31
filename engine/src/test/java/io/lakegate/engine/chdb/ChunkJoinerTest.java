package io.lakegate.engine.chdb;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkJoinerTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void dropsRepeatedTextHeaders() {
        ChunkJoiner tsv = ChunkJoiner.forFormat("TSVWithNamesAndTypes");
        assertThat(tsv.join(b("n\ns\nUInt64\tString\n1\ta\n"), true)).isEqualTo(b("n\ns\nUInt64\tString\n1\ta\n"));
        ChunkJoiner csv = ChunkJoiner.forFormat("CSVWithNames");
        csv.join(b("\"a\nb\"\n1\n"), true);
        assertThat(csv.join(b("\"a\nb\"\n2\n"), false)).isEqualTo(b("2\n"));
    }

    @Test
    void dropsRepeatedRowBinaryHeaders() {
        byte[] header = {1, 1, 'n', 6, 'U', 'I', 'n', 't', '6', '4'};
        byte[] first = concat(header, new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        byte[] second = concat(header, new byte[] {2, 0, 0, 0, 0, 0, 0, 0});
        ChunkJoiner joiner = ChunkJoiner.forFormat("RowBinaryWithNamesAndTypes");
        assertThat(joiner.join(first, true)).isEqualTo(first);
        assertThat(joiner.join(second, false)).isEqualTo(new byte[] {2, 0, 0, 0, 0, 0, 0, 0});
    }

    @Test
    void knowsWhichFormatsCannotBeJoined() {
        assertThat(ChunkJoiner.forFormat("JSON")).isNull();
        assertThat(ChunkJoiner.forFormat("Parquet")).isNull();
        assertThat(ChunkJoiner.forFormat("Values")).isNull();
        assertThat(ChunkJoiner.forFormat("TabSeparated")).isNotNull();
        assertThat(ChunkJoiner.forFormat("Native")).isNotNull();
        assertThat(ChunkJoiner.forFormat("ODBCDriver2")).isNotNull();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
