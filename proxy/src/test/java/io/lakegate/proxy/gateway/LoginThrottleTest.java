package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The login budgets on a clock the test moves. */
class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(now::get);

    private boolean tries(String user, String address) {
        return throttle.admit(user, address).admitted();
    }

    @Test
    void threeFreeAttemptsThenOneAtATimeSpacedLikeTheOldSleeps() {
        List<Long> spacing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertThat(tries("alice", "10.0.0.1")).isTrue();
        }
        for (int i = 0; i < 7; i++) {
            long start = now.get();
            while (!tries("alice", "10.0.0.1")) {
                now.addAndGet(50);
            }
            spacing.add(now.get() - start);
        }
        assertThat(spacing).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 5000L, 5000L);
    }

    @Test
    void aRefusedAttemptCostsNothingAndSaysHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            tries("bob", "10.0.0.2");
            now.addAndGet(1000);
        }
        // five attempts a second apart: the sixth is due 500 ms after the fifth, the seventh 1 s after the sixth
        LoginThrottle.Admission sixth = throttle.admit("bob", "10.0.0.2");
        assertThat(sixth.admitted()).isTrue();
        for (int i = 0; i < 100; i++) {
            LoginThrottle.Admission early = throttle.admit("bob", "10.0.0.2");
            assertThat(early.admitted()).isFalse();
            assertThat(early.waitMillis()).isEqualTo(1000);
        }
        now.addAndGet(1000);
        assertThat(tries("bob", "10.0.0.2")).as("refused attempts did not push the next one back").isTrue();
    }

    @Test
    void aUserNameIsLimitedFromEveryAddressAndAnAddressForEveryUserName() {
        for (int i = 0; i < 4; i++) {
            assertThat(tries("carol", "10.1.0." + i)).isTrue();
        }
        assertThat(tries("carol", "10.1.0.99")).as("a fresh address for a spent user name").isFalse();
        for (int i = 0; i < 4; i++) {
            assertThat(tries("made-up-" + i, "10.2.0.1")).isTrue();
        }
        assertThat(tries("made-up-99", "10.2.0.1")).as("a fresh user name from a spent address").isFalse();
    }

    @Test
    void aTenantWhoLoggedInFromAnAddressIsNotLockedOutByStrangersFailures() {
        LoginThrottle.Admission login = throttle.admit("tenant", "10.3.0.1");
        throttle.succeeded(login.ticket());
        for (int i = 0; i < 50; i++) {
            tries("intruder-" + i, "10.3.0.1");
            tries("tenant", "10.9.0." + i);
        }
        assertThat(tries("someone-new", "10.3.0.1")).as("the address is spent").isFalse();
        assertThat(tries("tenant", "10.9.1.1")).as("the user name is spent elsewhere").isFalse();
        for (int i = 0; i < 20; i++) {
            LoginThrottle.Admission again = throttle.admit("tenant", "10.3.0.1");
            assertThat(again.admitted()).isTrue();
            throttle.succeeded(again.ticket());
        }
        assertThat(tries("someone-new", "10.3.0.1")).as("the tenant's logins did not clear the address").isFalse();
    }

    @Test
    void aKnownPairHasItsOwnBudget() {
        throttle.succeeded(throttle.admit("dave", "10.4.0.1").ticket());
        for (int i = 0; i < 4; i++) {
            assertThat(tries("dave", "10.4.0.1")).isTrue();
        }
        assertThat(tries("dave", "10.4.0.1")).as("wrong passwords from the known address are limited too").isFalse();
    }

    @Test
    void attemptsThatCouldNotBeCheckedAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            LoginThrottle.Admission a = throttle.admit("erin", "10.5.0.1");
            assertThat(a.admitted()).isTrue();
            throttle.unchecked(a.ticket());
        }
    }

    @Test
    void budgetsAreForgottenAfterTheWindow() {
        for (int i = 0; i < 10; i++) {
            tries("frank", "10.6.0.1");
        }
        assertThat(tries("frank", "10.6.0.1")).isFalse();
        now.addAndGet(LoginThrottle.WINDOW_MS);
        for (int i = 0; i < 4; i++) {
            assertThat(tries("frank", "10.6.0.1")).isTrue();
        }
    }

    @Test
    void strangersCannotGrowTheStateWithoutBound() {
        for (int i = 0; i < 3 * LoginThrottle.MAX_KEYS; i++) {
            tries("random-" + i, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(2 * LoginThrottle.MAX_KEYS);
        now.addAndGet(LoginThrottle.WINDOW_MS);
        tries("one-more", "10.200.0.1");
        assertThat(throttle.size()).as("entries older than the window are dropped").isLessThanOrEqualTo(2);
        assertThat(LoginThrottle.boundedKey("x".repeat(1 << 20))).hasSizeLessThan(100);
    }
}
