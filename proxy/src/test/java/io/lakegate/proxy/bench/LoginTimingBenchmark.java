package io.lakegate.proxy.bench;

import io.lakegate.engine.testing.BenchmarkReport;
import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.IssuedCredential;
import io.lakegate.proxy.gateway.GatewayAuthenticator;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How long a failed login takes for a user name that does not exist and for a real user with a wrong password, over
 * many interleaved tries in one run: the two must not differ beyond noise, or the time would tell which user names
 * exist. Measured on the gateway's login check itself (the credential read from ClickHouse, then bcrypt), which both
 * doors call the same way; each try uses its own address and every user name at most three times, so the login
 * throttle's free attempts let every password be checked (past them, every try is refused at once, unchecked).
 */
class LoginTimingBenchmark {
    private static final int USERS = 60;
    /** The throttle's free attempts per user name; the first round warms up and is not counted. */
    private static final int ROUNDS = 3;

    @Test
    void unknownUserAndWrongPasswordTakeAsLong() throws Exception {
        TestClickHouse ch = TestClickHouse.get();
        ClickHouseTarget target = ClickHouseTarget.remote(ch.url(), ch.user(), ch.password());
        SchemaSettings settings = SchemaSettings.defaults().withDatabase("login_" + ProcessHandle.current().pid());
        new SchemaManager(target, settings).update();
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        try (Connection c = target.connect(settings.database())) {
            new OrgProvisioner(c, settings, null).add(List.of(new OrgId("1001")));
            CredentialStore store = new CredentialStore(target.dataSource(settings.database()), settings);
            List<IssuedCredential> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(store.create(new OrgId("1001"), "timing"));
            }
            GatewayAuthenticator authenticator = new GatewayAuthenticator(store);
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < USERS; i++) {
                    String knownUser = users.get(i).username();
                    String madeUp = "t1001_" + Integer.toString(1_000_000 + round * USERS + i, 36);
                    String knownFrom = "10." + round + ".0." + i;
                    String madeUpFrom = "10." + round + ".1." + i;
                    // alternate which comes first, so neither profits from the other's warm caches
                    long a;
                    long b;
                    if (i % 2 == 0) {
                        a = failedLogin(authenticator, knownUser, knownFrom);
                        b = failedLogin(authenticator, madeUp, madeUpFrom);
                    } else {
                        b = failedLogin(authenticator, madeUp, madeUpFrom);
                        a = failedLogin(authenticator, knownUser, knownFrom);
                    }
                    if (round > 0) {
                        wrong.add(a);
                        unknown.add(b);
                    }
                }
            }
        }
        double wrongMedian = percentile(wrong, 50);
        double unknownMedian = percentile(unknown, 50);
        double difference = Math.abs(wrongMedian - unknownMedian) / Math.max(wrongMedian, unknownMedian);
        StringBuilder md = new StringBuilder("## Login timing\n\n" + BenchmarkReport.machine() + ", "
                + (ch.isEmbedded() ? "embedded ClickHouse " + ch.embedded().version() : ch.url()) + ". "
                + wrong.size() + " failed logins of each kind, interleaved in one run (after " + USERS + " of each "
                + "to warm up), on the gateway's login check (credential read from ClickHouse, bcrypt cost 10); each "
                + "from its own address, each user name at most " + ROUNDS + " times, so every password is checked.\n\n"
                + "| failed login | p10 | median | p90 |\n|---|---:|---:|---:|\n");
        md.append(row("known user, wrong password", wrong)).append(row("unknown user", unknown));
        md.append(String.format(Locale.ROOT, "%nThe medians differ by %.1f %%.%n", difference * 100));
        BenchmarkReport.writeSection("login-timing", md.toString());
        System.out.print(md);
        assertThat(difference).as("medians %s ms and %s ms", wrongMedian, unknownMedian).isLessThan(0.2);
    }

    /** Nanoseconds a login with a wrong password takes; it must fail as every failed login does. */
    private static long failedLogin(GatewayAuthenticator authenticator, String user, String address) {
        long start = System.nanoTime();
        Throwable refused = catchThrowable(() -> authenticator.authenticate(user, "not-the-password", address));
        long nanos = System.nanoTime() - start;
        assertThat(refused).isInstanceOf(GatewayAuthenticator.LoginFailedException.class)
                .hasMessage("Authentication failed: wrong username or password, or the credential was revoked");
        return nanos;
    }

    private static String row(String what, List<Long> nanos) {
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", what, percentile(nanos, 10),
                percentile(nanos, 50), percentile(nanos, 90));
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
