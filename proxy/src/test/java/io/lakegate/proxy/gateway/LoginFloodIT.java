package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins cost an attacker time without costing the gateway threads. Each test has a gateway of its own over
 * the fixture's lake, so its login budgets start empty and the shared gateway's stay untouched.
 */
class LoginFloodIT {
    private static final GatewayFixture FX = GatewayFixture.get();
    private static final String COUNT = "SELECT count() FROM entity_operations";
    private static final int FLOODERS = 80;
    /**
     * Each flooder's pause between attempts. The issue is 80 bad logins in flight, not raw request rate: unpaced, 80
     * in-process clients make some 3,000 requests a second and share the 2 cores with the tenant, which measures the
     * machine. Paced, there are still 80 attempts in flight, hundreds a second, which the old code's sleeps turned
     * into 32 held threads.
     */
    private static final long FLOOD_PAUSE_MS = 100;
    private static final String REFUSED = "the password was not checked";
    private static final String CHECKED = "wrong username or password";
    private static final Pattern TRY_AGAIN = Pattern.compile("Try again in (\\d+) s");

    private Gateway gateway;
    private DoorRequests door;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(FX.target, FX.settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null,
                GatewayFixture.LIMITS));
        door = new DoorRequests(gateway.httpPort());
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
    }

    @Test
    void eightyParallelBadLoginsDoNotSlowAnotherTenantDown() throws Exception {
        String expected = tenantCount();
        for (int i = 0; i < 3; i++) {
            tenantCount();
        }
        long before = medianTenantMillis(15, expected);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> floodMillis = new ConcurrentLinkedQueue<>();
        ExecutorService flood = Executors.newFixedThreadPool(FLOODERS);
        long floodStart = System.nanoTime();
        for (int i = 0; i < FLOODERS; i++) {
            flood.submit(() -> {
                DoorRequests attacker = new DoorRequests(gateway.httpPort());
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = attacker.query("SELECT 1", "intruder_" + UUID.randomUUID(),
                            UUID.randomUUID().toString());
                    floodMillis.add((System.nanoTime() - t0) / 1_000_000);
                    if (r.statusCode() == 403 && DoorRequests.code(r).equals("516") && r.body().contains(REFUSED)) {
                        refused.incrementAndGet();
                    } else if (r.statusCode() == 403 && DoorRequests.code(r).equals("516")
                            && r.body().contains(CHECKED)) {
                        checked.incrementAndGet();
                    } else {
                        unexpected.add(r.statusCode() + " " + r.body());
                    }
                    Thread.sleep(FLOOD_PAUSE_MS);
                }
                return null;
            });
        }
        // past the first wave (the free attempts), then long enough for the delays to reach their 5 s cap
        Thread.sleep(1000);
        long during = medianTenantMillisFor(6000, expected);
        stop.set(true);
        flood.shutdown();
        assertThat(flood.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        long floodElapsed = (System.nanoTime() - floodStart) / 1_000_000;

        System.out.printf("login flood: tenant median %d ms before, %d ms during %d parallel bad logins "
                        + "(%d refused unchecked, %d checked, flood median answer %d ms, over %d ms)%n", before,
                during, FLOODERS, refused.get(), checked.get(), median(new ArrayList<>(floodMillis)), floodElapsed);
        assertThat(unexpected).as("every bad login gets ClickHouse's 516").isEmpty();
        assertThat(during).as("the tenant's median latency during the flood, against %d ms before", before)
                .isLessThanOrEqualTo(2 * before + 200);
        assertThat(median(new ArrayList<>(floodMillis))).as("bad logins are answered, not held").isLessThan(1000);
        assertThat(checked.get()).as("passwords actually tried from one address in %d ms", floodElapsed)
                .isLessThanOrEqualTo(checksAllowedWithin(floodElapsed));
        assertThat(refused.get()).isGreaterThan(FLOODERS);
    }

    @Test
    void aBurstOfPasswordsForOneUserIsRefusedUncheckedAndSaysNothingAboutTheUser() throws Exception {
        Burst real = burst(FX.neighbour.username(), FX.neighbour.password());
        // the right password came after the budget was spent: refused without being looked at
        assertThat(real.rightPassword()).startsWith("403 516 ").contains(REFUSED);

        Matcher wait = TRY_AGAIN.matcher(real.rightPassword());
        assertThat(wait.find()).isTrue();
        Thread.sleep(Long.parseLong(wait.group(1)) * 1000 + 100);
        assertThat(door.query(COUNT, FX.neighbour.username(), FX.neighbour.password()).statusCode())
                .as("after the wait the right password logs in").isEqualTo(200);

        stop();
        start();
        Burst madeUp = burst("t1501_" + UUID.randomUUID().toString().substring(0, 8), "anything");
        assertThat(madeUp.answers()).as("a user that does not exist is answered the same")
                .isEqualTo(real.answers());
        assertThat(madeUp.checked()).isEqualTo(real.checked());
    }

    @Test
    void theJdbcDoorRefusesFromTheSameBudgetWithoutWaiting() {
        Properties p = new Properties();
        p.setProperty("avatica_user", FX.neighbour.username());
        p.setProperty("avatica_password", "wrong");
        String url = "jdbc:avatica:remote:url=http://127.0.0.1:" + gateway.avaticaPort()
                + ";serialization=protobuf;authentication=BASIC";
        List<String> errors = new ArrayList<>();
        long slowest = 0;
        for (int i = 0; i < 20 && errors.stream().noneMatch(e -> e.contains(REFUSED)); i++) {
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1");
                errors.add("logged in with a wrong password");
            } catch (SQLException | RuntimeException e) {
                // Avatica's driver reports some server errors as AvaticaClientRuntimeException
                errors.add(String.valueOf(e.getMessage()));
            }
            slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
        }
        assertThat(errors).allMatch(e -> e.contains("Authentication failed")).anyMatch(e -> e.contains(REFUSED));
        assertThat(slowest).as("no login waits out a penalty").isLessThan(2000);
    }

    /** What a burst of bad passwords, then the right one, got back. */
    private record Burst(Set<String> answers, int checked, String rightPassword) {
    }

    /**
     * Wrong passwords one after another, as fast as the door answers, until the door makes the next attempt wait more
     * than a second; then the right password.
     */
    private Burst burst(String user, String rightPassword) throws Exception {
        Set<String> answers = new TreeSet<>();
        int checked = 0;
        long slowest = 0;
        long start = System.nanoTime();
        for (int i = 0; ; i++) {
            assertThat((System.nanoTime() - start) / 1_000_000).as("time before the door asks for a wait of more "
                    + "than a second").isLessThan(10_000);
            long t0 = System.nanoTime();
            HttpResponse<String> r = door.query("SELECT 1", user, "wrong-" + i);
            slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
            String answer = answer(r);
            answers.add(answer.replaceAll("\\d+ s\\b", "N s"));
            if (answer.contains(CHECKED)) {
                checked++;
            }
            Matcher wait = TRY_AGAIN.matcher(answer);
            if (wait.find() && Integer.parseInt(wait.group(1)) >= 2) {
                break;
            }
        }
        String right = answer(door.query("SELECT 1", user, rightPassword));
        System.out.printf("burst for %s: %d passwords checked, slowest answer %d ms, then: %s%n", user, checked,
                slowest, right);
        assertThat(slowest).as("no answer waits out a penalty").isLessThan(1000);
        // 4 at once, then one 250 ms, 500 ms and 1 s later: the next is 2 s away
        assertThat(checked).isEqualTo(LoginThrottle.FREE_ATTEMPTS + 4);
        return new Burst(answers, checked, right);
    }

    private static String answer(HttpResponse<String> r) {
        return r.statusCode() + " " + DoorRequests.code(r) + " " + r.body().replaceAll("\\(version [^)]*\\)", "");
    }

    private String tenantCount() throws Exception {
        HttpResponse<String> r = door.query(COUNT, FX.tenant.username(), FX.tenant.password());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private long medianTenantMillis(int runs, String expected) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            assertThat(tenantCount()).isEqualTo(expected);
            millis.add((System.nanoTime() - t0) / 1_000_000);
        }
        return median(millis);
    }

    private long medianTenantMillisFor(long windowMillis, String expected) throws Exception {
        List<Long> millis = new ArrayList<>();
        long end = System.nanoTime() + windowMillis * 1_000_000;
        while (System.nanoTime() < end || millis.size() < 15) {
            long t0 = System.nanoTime();
            assertThat(tenantCount()).isEqualTo(expected);
            millis.add((System.nanoTime() - t0) / 1_000_000);
        }
        return median(millis);
    }

    private static long median(List<Long> values) {
        Collections.sort(values);
        return values.isEmpty() ? 0 : values.get(values.size() / 2);
    }

    /** Password checks one address earns in {@code millis}: the free ones at once, then one per growing delay. */
    private static int checksAllowedWithin(long millis) {
        int attempts = LoginThrottle.FREE_ATTEMPTS + 1;
        long at = 0;
        while ((at += LoginThrottle.delayAfter(attempts)) <= millis) {
            attempts++;
        }
        return attempts;
    }
}
