package io.lakegate.proxy.gateway;

import io.lakegate.proxy.credentials.CredentialStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a tenant's username and password on every request. The credential is read from ClickHouse each time, so a
 * revocation or a removed credential takes effect at once; the slow bcrypt comparison is done once per password and
 * remembered. A failed login says nothing about whether the user exists, takes as long either way, and repeated
 * failures for a user or from an address are slowed down.
 */
public final class GatewayAuthenticator {
    /** A failed login: the message never says whether the user exists. */
    public static final class LoginFailedException extends RuntimeException {
        LoginFailedException(String message) {
            super(message);
        }
    }

    private static final int FREE_FAILURES = 3;
    private static final long MAX_DELAY_MS = 5_000;
    private static final long FAILURE_WINDOW_MS = 15 * 60_000;

    private record Failures(int count, long lastAt) {
    }

    private final CredentialStore store;
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public GatewayAuthenticator(CredentialStore store) {
        this.store = store;
    }

    public Tenant authenticate(String username, String password, String remoteAddress) {
        if (username == null || username.isEmpty()) {
            throw new LoginFailedException("Authentication required: log in with the username and password issued "
                    + "for your organization");
        }
        Optional<CredentialStore.Row> row;
        try {
            row = store.find(username);
        } catch (SQLException e) {
            throw new IllegalStateException("The credential store in ClickHouse cannot be read: " + e.getMessage(), e);
        }
        String key = username + ":" + digest(password);
        boolean ok;
        if (row.isEmpty()) {
            CredentialStore.compareWithDummy(password);
            ok = false;
        } else {
            String hash = row.get().hash();
            ok = hash.equals(verified.get(key)) || CredentialStore.matches(password, hash);
            if (ok) {
                verified.put(key, hash);
            }
            ok &= !row.get().revoked();
        }
        if (!ok) {
            slowDown(username, remoteAddress);
            throw new LoginFailedException("Authentication failed: wrong username or password, or the credential "
                    + "was revoked");
        }
        failures.remove(username);
        failures.remove(remoteAddress);
        return new Tenant(username, row.get().orgId());
    }

    private void slowDown(String username, String remoteAddress) {
        int count = Math.max(record(username), record(remoteAddress));
        if (count > FREE_FAILURES) {
            long delay = Math.min(MAX_DELAY_MS, 250L << Math.min(10, count - FREE_FAILURES - 1));
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int record(String key) {
        if (key == null) {
            return 0;
        }
        long now = System.currentTimeMillis();
        return failures.merge(key, new Failures(1, now), (old, one) ->
                now - old.lastAt() > FAILURE_WINDOW_MS ? one : new Failures(old.count() + 1, now)).count();
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
