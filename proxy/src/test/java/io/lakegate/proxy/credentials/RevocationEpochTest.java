package io.lakegate.proxy.credentials;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credentials' generation on a clock the test moves, polled by the test. */
class RevocationEpochTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicReference<String> table = new AtomicReference<>("2\t17");
    private final RevocationEpoch epoch = new RevocationEpoch(() -> {
        String f = table.get();
        if (f == null) {
            throw new IllegalStateException("ClickHouse is away");
        }
        return f;
    }, nanos::get, null);

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000);
    }

    @Test
    void nothingIsTrustedBeforeTheFirstPoll() {
        assertThat(epoch.current()).isEqualTo(RevocationEpoch.UNTRUSTED);
        epoch.poll();
        assertThat(epoch.current()).isZero();
    }

    @Test
    void theGenerationMovesWhenTheCredentialsChangeAndOnlyThen() {
        epoch.poll();
        advanceMillis(250);
        epoch.poll();
        assertThat(epoch.current()).isZero();
        table.set("2\t99"); // a revocation: same count, another fingerprint
        advanceMillis(250);
        epoch.poll();
        assertThat(epoch.current()).isEqualTo(1);
        advanceMillis(250);
        epoch.poll();
        assertThat(epoch.current()).isEqualTo(1);
    }

    @Test
    void aGenerationIsNotTrustedOnceItsPollIsTooOldSoARevocationCountsWithinASecond() {
        epoch.poll();
        advanceMillis(RevocationEpoch.TRUSTED_FOR.toMillis() - 1);
        assertThat(epoch.current()).isZero();
        advanceMillis(1);
        assertThat(epoch.current()).isEqualTo(RevocationEpoch.UNTRUSTED);
        assertThat(RevocationEpoch.TRUSTED_FOR).isLessThan(java.time.Duration.ofSeconds(1));
    }

    @Test
    void whileClickHouseCannotBePolledNothingIsTrusted() {
        epoch.poll();
        table.set(null);
        for (int i = 0; i < 3; i++) {
            advanceMillis(250);
            assertThatThrownBy(epoch::poll).isInstanceOf(IllegalStateException.class);
        }
        assertThat(epoch.current()).isEqualTo(RevocationEpoch.UNTRUSTED);
        table.set("2\t17");
        epoch.poll();
        assertThat(epoch.current()).isZero();
    }

    @Test
    void aStartedEpochPollsOnItsOwnUntilClosed() throws Exception {
        AtomicLong polls = new AtomicLong();
        try (RevocationEpoch running = RevocationEpoch.start(() -> "1\t" + polls.incrementAndGet() / 3)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            long seen;
            while ((seen = running.current()) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(seen).isGreaterThanOrEqualTo(2);
        }
        long after = polls.get();
        Thread.sleep(600);
        assertThat(polls.get()).isEqualTo(after);
    }
}
