package io.lakegate.schema.data;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RngAndTimestampsTest {
    @Test
    void derivedGeneratorsAreReproducibleAndIndependent() {
        assertThat(Rng.derive(42, "org", "entity", 7).nextLong()).isEqualTo(Rng.derive(42, "org", "entity", 7)
                .nextLong());
        assertThat(Rng.derive(42, "org", "entity", 7).nextLong()).isNotEqualTo(Rng.derive(42, "org", "entity", 8)
                .nextLong());
        assertThat(Rng.derive(42, "org", "entity", 7).nextLong()).isNotEqualTo(Rng.derive(43, "org", "entity", 7)
                .nextLong());
        Rng rng = new Rng(1);
        int[] hist = new int[10];
        for (int i = 0; i < 100_000; i++) {
            hist[rng.nextInt(10)]++;
        }
        for (int n : hist) {
            assertThat(n).isBetween(9_500, 10_500);
        }
    }

    @Test
    void uuidsAndUlidsHaveTheirFormats() {
        Rng rng = new Rng(5);
        assertThat(rng.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        List<String> ulids = new ArrayList<>();
        long t = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
        for (int i = 0; i < 100; i++) {
            ulids.add(rng.ulid(t + i * 1000L));
        }
        assertThat(ulids).allSatisfy(u -> assertThat(u).matches("[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(ulids).isSorted().doesNotHaveDuplicates();
        // the first 10 characters are the time: 2024-05-01T10:00:00Z = 1714557600000 ms
        assertThat(ulids.get(0)).startsWith("01HWSSHG80");
    }

    @Test
    void timestampsFormatLikeJavaTime() {
        Rng rng = new Rng(9);
        DateTimeFormatter sql = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        for (int i = 0; i < 10_000; i++) {
            long millis = rng.nextLong(8_000_000_000_000L) - 2_000_000_000_000L;
            assertThat(Timestamps.sql(millis)).isEqualTo(sql.format(Instant.ofEpochMilli(millis)));
            assertThat(Timestamps.parse(Timestamps.iso(millis))).isEqualTo(millis);
            assertThat(Timestamps.parse(Timestamps.sql(millis))).isEqualTo(millis);
        }
    }

    @Test
    void timestampsParseTheUsualForms() {
        long utc = Instant.parse("2024-08-02T10:00:00Z").toEpochMilli();
        assertThat(Timestamps.parse("2024-08-02T10:00:00Z")).isEqualTo(utc);
        assertThat(Timestamps.parse("2024-08-02 10:00:00")).isEqualTo(utc);
        assertThat(Timestamps.parse("2024-08-02T10:00")).isEqualTo(utc);
        assertThat(Timestamps.parse("2024-08-02T12:00:00+02:00")).isEqualTo(utc);
        assertThat(Timestamps.parse("2024-08-02T05:30:00-0430")).isEqualTo(utc);
        assertThat(Timestamps.parse("2024-08-02 10:00:00.123456789")).isEqualTo(utc + 123);
        assertThat(Timestamps.parse("2024-08-02")).isEqualTo(utc - 10 * 3_600_000L);
        for (String bad : List.of("", "yesterday", "2024-13-01", "2024-02-30 10:00:00", "2024-08-02T25:00:00Z",
                "1722592800000", "2024-08-02T10:00:00+99:00")) {
            assertThatThrownBy(() -> Timestamps.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a timestamp");
        }
    }
}
