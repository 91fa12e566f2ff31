package io.lakegate.proxy.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A number that changes whenever any credential in {@code lakegate_credentials} changes (issued, revoked, removed),
 * seen the same way by every gateway replica because each one polls the table itself: a fingerprint of the table is
 * read every {@link #POLL}, and the generation goes up when it differs from the last one. Whatever was learnt about a
 * credential in one generation may be trusted while the generation stays the same.
 * <p>
 * The generation is only given out while the last poll that succeeded started less than {@link #TRUSTED_FOR} ago, so
 * a revocation is seen within that time on every replica, and when ClickHouse cannot be polled nothing is trusted.
 */
public final class RevocationEpoch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationEpoch.class);
    static final Duration POLL = Duration.ofMillis(250);
    /**
     * How long a generation is trusted after its poll started, and so the longest a change of the credentials takes
     * to count on every replica (revocation must end access within 1 s): the two polls after one may be late or
     * fail.
     */
    public static final Duration TRUSTED_FOR = Duration.ofMillis(750);
    /** What {@link #current()} says when nothing may be trusted. */
    public static final long UNTRUSTED = -1;

    private record Seen(String fingerprint, long generation, long polledAt) {
    }

    private final Supplier<String> fingerprint;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService poller;
    private volatile Seen seen;

    /**
     * @param fingerprint reads the credentials' fingerprint from ClickHouse ({@link CredentialStore#fingerprintQuery})
     * @param nanoClock   nanoseconds from any fixed origin
     * @param poller      null for none: {@link #poll()} is then called by the owner
     */
    RevocationEpoch(Supplier<String> fingerprint, LongSupplier nanoClock, ScheduledExecutorService poller) {
        this.fingerprint = fingerprint;
        this.nanoClock = nanoClock;
        this.poller = poller;
    }

    /** Polls {@code fingerprint} every {@link #POLL} on its own thread until closed. */
    public static RevocationEpoch start(Supplier<String> fingerprint) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lakegate-revocation-epoch");
            t.setDaemon(true);
            return t;
        });
        RevocationEpoch epoch = new RevocationEpoch(fingerprint, System::nanoTime, poller);
        poller.scheduleWithFixedDelay(epoch::refresh, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        return epoch;
    }

    /** The credentials' generation now, or {@link #UNTRUSTED} when the last successful poll is too old. */
    public long current() {
        Seen s = seen;
        return s == null || nanoClock.getAsLong() - s.polledAt() >= TRUSTED_FOR.toNanos() ? UNTRUSTED
                : s.generation();
    }

    synchronized void poll() {
        // one poll at a time: a slow one finishing after a later one would bring back the older generation
        long started = nanoClock.getAsLong(); // what is read reflects every change made before this instant
        String now = fingerprint.get();
        Seen last = seen;
        long generation = last == null ? 0 : last.fingerprint().equals(now) ? last.generation()
                : last.generation() + 1;
        seen = new Seen(now, generation, started);
    }

    /** Polls now: a change made through this gateway counts for it at once, not after the next poll. */
    public void refresh() {
        try {
            poll();
        } catch (RuntimeException e) {
            // until a poll succeeds again the generation is too old to trust, and every login reads its credential
            LOG.debug("Cannot read the credentials' fingerprint: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
