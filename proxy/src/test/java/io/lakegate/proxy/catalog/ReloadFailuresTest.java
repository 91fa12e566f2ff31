package io.lakegate.proxy.catalog;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReloadFailuresTest {
    /** The level and arguments of every line logged. */
    private final List<String> said = new ArrayList<>();
    private final Logger log = (Logger) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("warn") || method.getName().equals("info")) {
                    StringBuilder line = new StringBuilder(method.getName());
                    for (Object a : args) {
                        if (a instanceof Object[] many) {
                            for (Object m : many) {
                                line.append(' ').append(m);
                            }
                        } else if (a != args[0]) {
                            line.append(' ').append(a);
                        }
                    }
                    said.add(line.toString());
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });

    @Test
    void anOutageIsSaidOnceWhenItBeginsAndOnceWhenItEndsPerOrg() {
        ReloadFailures failures = new ReloadFailures(log, "catalog");
        failures.succeeded("1"); // nothing had failed: nothing to say
        failures.failed("1", "connection refused", "the last one stays");
        failures.failed("1", "connection refused", "the last one stays");
        failures.failed("2", "timeout", "the last one stays");
        failures.succeeded("1");
        failures.succeeded("1");
        failures.failed("1", "timeout", "the last one stays");
        assertThat(said).containsExactly(
                "warn catalog 1 connection refused the last one stays",
                "warn catalog 2 timeout the last one stays",
                "info catalog 1",
                "warn catalog 1 timeout the last one stays");
    }
}
