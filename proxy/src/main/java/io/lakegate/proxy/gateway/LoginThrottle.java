package io.lakegate.proxy.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * How many passwords may be tried, per user name and per remote address. Three attempts are free; after that one
 * attempt at a time, spaced 250 ms, 500 ms, 1 s, ... up to 5 s apart: what a failed login used to cost by sleeping,
 * without holding a thread. An attempt that comes too early is refused at once, before its password is looked at,
 * so it tells nothing, costs no bcrypt comparison and holds nothing; made-up user names are counted like real ones.
 * <p>
 * A user who logged in from an address recently (a "known" pair) is not held back by the address's budget or by the
 * user name's (which strangers elsewhere can exhaust), only by the pair's own: a flood of bad logins from an office's
 * shared address, or aimed at one user name, does not lock the tenants already working there out. The price: from an
 * address whose budget is spent, a user that logged in from that very address within the hour is still checked, so
 * whoever shares the address can tell that user logged in from it.
 */
final class LoginThrottle {
    static final int FREE_ATTEMPTS = 3;
    static final long FIRST_DELAY_MS = 250;
    static final long MAX_DELAY_MS = 5_000;
    /** A budget forgets its attempts this long after the last one. */
    static final long WINDOW_MS = 15 * 60_000;
    /** A pair stays known this long after its last successful login. */
    static final long KNOWN_MS = 60 * 60_000;
    /** Per map: a few MB at most, and far more keys than an address can create in a window at one per 5 s. */
    static final int MAX_KEYS = 100_000;
    private static final int MAX_KEY_CHARS = 128;

    private record Pair(String user, String address) {
    }

    /** Attempts in the window, and when the next one may come (meaningful only past the free attempts). */
    private record Budget(int attempts, long nextAt) {
        long waitMillis(long now) {
            return attempts < FREE_ATTEMPTS ? 0 : Math.max(0, nextAt - now);
        }

        Budget charged(long now) {
            int n = attempts + 1;
            return new Budget(n, n > FREE_ATTEMPTS ? now + delayAfter(n) : nextAt);
        }

        Budget refunded() {
            return new Budget(Math.max(0, attempts - 1), nextAt);
        }
    }

    private record Charge(ExpiringMap<Object, Budget> budgets, Object key) {
    }

    /** An attempt let through: the budgets it was charged to, to settle when its outcome is known. */
    static final class Ticket {
        private final Pair pair;
        private final List<Charge> charges;

        private Ticket(Pair pair, List<Charge> charges) {
            this.pair = pair;
            this.charges = charges;
        }
    }

    /** Either a ticket, or how long to wait before the next attempt. */
    record Admission(Ticket ticket, long waitMillis) {
        boolean admitted() {
            return ticket != null;
        }
    }

    private final LongSupplier clock;
    private final ExpiringMap<Object, Budget> users = new ExpiringMap<>(WINDOW_MS, MAX_KEYS);
    private final ExpiringMap<Object, Budget> addresses = new ExpiringMap<>(WINDOW_MS, MAX_KEYS);
    private final ExpiringMap<Object, Budget> pairs = new ExpiringMap<>(WINDOW_MS, MAX_KEYS);
    private final ExpiringMap<Pair, Boolean> known = new ExpiringMap<>(KNOWN_MS, MAX_KEYS);

    LoginThrottle() {
        this(() -> System.nanoTime() / 1_000_000);
    }

    /** @param clock milliseconds from any fixed origin; must not go backwards */
    LoginThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /** User names come from strangers and may be megabytes long: a long one is remembered by its digest. */
    static String boundedKey(String user) {
        if (user.length() <= MAX_KEY_CHARS) {
            return user;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(user.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long delayAfter(int attempts) {
        return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(10, attempts - FREE_ATTEMPTS - 1));
    }

    /** Lets an attempt through and charges it, or (charging nothing) says how long its budgets make it wait. */
    synchronized Admission admit(String user, String address) {
        long now = clock.getAsLong();
        Pair pair = new Pair(boundedKey(user), address);
        List<Charge> charges = new ArrayList<>(2);
        if (address != null && known.get(pair, now) != null) {
            charges.add(new Charge(pairs, pair));
        } else {
            if (address != null) {
                charges.add(new Charge(addresses, address));
            }
            charges.add(new Charge(users, pair.user()));
        }
        long wait = 0;
        for (Charge c : charges) {
            Budget budget = c.budgets().get(c.key(), now);
            wait = Math.max(wait, budget == null ? 0 : budget.waitMillis(now));
        }
        if (wait > 0) {
            return new Admission(null, wait);
        }
        for (Charge c : charges) {
            Budget budget = c.budgets().get(c.key(), now);
            c.budgets().put(c.key(), (budget == null ? new Budget(0, 0) : budget).charged(now), now);
        }
        return new Admission(new Ticket(pair, charges), 0);
    }

    /**
     * The password was right: the user's budgets start over and the pair becomes known. The address's budget only
     * gets this attempt back, or one tenant logging in would wipe the address's record of strangers' failures.
     */
    synchronized void succeeded(Ticket ticket) {
        long now = clock.getAsLong();
        users.remove(ticket.pair.user());
        pairs.remove(ticket.pair);
        for (Charge c : ticket.charges) {
            if (c.budgets() == addresses) {
                refund(c, now);
            }
        }
        if (ticket.pair.address() != null) {
            known.put(ticket.pair, Boolean.TRUE, now);
        }
    }

    /** The password could not be checked at all (the credential store is unreachable): the attempt is not counted. */
    synchronized void unchecked(Ticket ticket) {
        long now = clock.getAsLong();
        for (Charge c : ticket.charges) {
            refund(c, now);
        }
    }

    private static void refund(Charge c, long now) {
        Budget budget = c.budgets().get(c.key(), now);
        if (budget != null) {
            c.budgets().put(c.key(), budget.refunded(), now);
        }
    }

    /** Entries held, for tests of the bound. */
    synchronized int size() {
        return users.size() + addresses.size() + pairs.size() + known.size();
    }
}
