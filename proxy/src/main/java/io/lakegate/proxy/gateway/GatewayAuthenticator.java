package io.lakegate.proxy.gateway;

import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.RevocationEpoch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Checks a tenant's username and password on every request. A pair that passed is remembered
 * ({@link VerifiedCredentials}) and trusted without reading ClickHouse for as long as no credential changed since
 * ({@link RevocationEpoch}), so a revocation or a removed credential takes effect within a second on every replica;
 * otherwise the credential is read from ClickHouse, and the slow bcrypt comparison is done once per password and
 * stored hash. A failed login says nothing about whether the user exists and takes as long either way; how many
 * passwords can be tried per user name and per address is the {@link LoginThrottle}'s to decide, and an attempt over
 * its budget is refused at once: no thread of either door waits out a penalty.
 */
public final class GatewayAuthenticator {
    /** A failed login: the message never says whether the user exists. */
    public static final class LoginFailedException extends RuntimeException {
        LoginFailedException(String message) {
            super(message);
        }
    }

    private final CredentialStore store;
    private final LongSupplier generation;
    private final VerifiedCredentials verified = new VerifiedCredentials();
    private final LoginThrottle throttle = new LoginThrottle();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong storeReads = new AtomicLong();

    /** Reads the credential from ClickHouse on every login. */
    public GatewayAuthenticator(CredentialStore store) {
        this(store, () -> RevocationEpoch.UNTRUSTED);
    }

    /** @param generation the credentials' generation ({@link RevocationEpoch#current()}) */
    public GatewayAuthenticator(CredentialStore store, LongSupplier generation) {
        this.store = store;
        this.generation = generation;
    }

    public Tenant authenticate(String username, String password, String remoteAddress) {
        if (username == null || username.isEmpty()) {
            throw new LoginFailedException("Authentication required: log in with the username and password issued "
                    + "for your organization");
        }
        LoginThrottle.Admission admission = throttle.admit(username, remoteAddress);
        if (!admission.admitted()) {
            throttled.incrementAndGet();
            throw new LoginFailedException("Authentication failed: too many failed logins for this user name or "
                    + "from this address; the password was not checked. Try again in "
                    + Math.max(1, (admission.waitMillis() + 999) / 1000) + " s");
        }
        String key = username + ":" + digest(password);
        // read before the store: a change after this instant moves the generation past the one remembered below
        long seen = generation.getAsLong();
        String org = verified.orgIn(key, seen);
        if (org != null) {
            throttle.succeeded(admission.ticket());
            return new Tenant(username, org);
        }
        Optional<CredentialStore.Row> row;
        storeReads.incrementAndGet();
        try {
            row = store.find(username);
        } catch (SQLException e) {
            throttle.unchecked(admission.ticket());
            throw new IllegalStateException("The credential store in ClickHouse cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throttle.unchecked(admission.ticket());
            throw e;
        }
        boolean ok;
        if (row.isEmpty()) {
            CredentialStore.compareWithDummy(password);
            ok = false;
        } else {
            String hash = row.get().hash();
            ok = verified.matched(key, hash) || CredentialStore.matches(password, hash);
            ok &= !row.get().revoked();
            if (ok) {
                verified.put(key, row.get().orgId(), hash, seen);
            }
        }
        if (!ok) {
            // the attempt stays charged: that is what spaces the next ones
            failed.incrementAndGet();
            throw new LoginFailedException("Authentication failed: wrong username or password, or the credential "
                    + "was revoked");
        }
        throttle.succeeded(admission.ticket());
        return new Tenant(username, row.get().orgId());
    }

    /** Logins refused for a wrong username or password, or a revoked credential, since the start. */
    public long failedLogins() {
        return failed.get();
    }

    /**
     * Logins that read the credential from ClickHouse since the start: a new login, or one after the credentials
     * changed or while the revocation epoch could not be read in time. The others were trusted without a read.
     */
    public long credentialReads() {
        return storeReads.get();
    }

    /** Logins refused unchecked, over the throttle's budget, since the start. */
    public long throttledLogins() {
        return throttled.get();
    }

    private static String digest(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
