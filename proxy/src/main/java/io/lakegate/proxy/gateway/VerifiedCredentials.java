package io.lakegate.proxy.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lakegate.proxy.credentials.RevocationEpoch;

import java.time.Duration;

/**
 * Username and password pairs whose bcrypt check passed, with what the credential store said about them and in which
 * {@link RevocationEpoch} generation. A pair checked in the current generation needs no read of the store at all; one
 * checked earlier needs the read, but no second bcrypt comparison while its stored hash is the same. Only pairs that
 * passed are kept, so strangers cannot fill it; it is bounded all the same.
 */
final class VerifiedCredentials {
    static final int MAX_ENTRIES = 10_000;
    /** An unused pair is forgotten after this; the next login pays one bcrypt comparison again. */
    static final Duration IDLE = Duration.ofHours(1);

    private record Verified(String orgId, String hash, long generation) {
    }

    private final Cache<String, Verified> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
            .expireAfterAccess(IDLE).build();

    /**
     * The org of {@code key}'s credential when it was verified in {@code generation} (and generation is trusted), or
     * null: then the store must be read.
     */
    String orgIn(String key, long generation) {
        if (generation == RevocationEpoch.UNTRUSTED) {
            return null;
        }
        Verified v = entries.getIfPresent(key);
        return v != null && v.generation() == generation ? v.orgId() : null;
    }

    /** True if {@code key}'s password was found to match {@code hash} before: no bcrypt comparison needed. */
    boolean matched(String key, String hash) {
        Verified v = entries.getIfPresent(key);
        return v != null && v.hash().equals(hash);
    }

    /** {@code key}'s password matches the store's {@code hash} of an unrevoked credential, read in {@code generation}. */
    void put(String key, String orgId, String hash, long generation) {
        entries.put(key, new Verified(orgId, hash, generation));
    }
}
