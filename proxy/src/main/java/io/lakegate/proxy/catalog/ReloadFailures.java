package io.lakegate.proxy.catalog;

import org.slf4j.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says that an org's entry cannot be read from ClickHouse once when it begins and once when it ends: per reload, it
 * would repeat every few seconds for every org in use while ClickHouse is away.
 */
public final class ReloadFailures {
    private final Logger log;
    private final String what;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** @param what what is read, as in "the {what} of org 42" */
    public ReloadFailures(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    public void failed(String org, String reason, String fallback) {
        if (failing.add(org)) {
            log.warn("The {} of org {} cannot be read from ClickHouse ({}); {}", what, org, reason, fallback);
        }
    }

    public void succeeded(String org) {
        if (failing.remove(org)) {
            log.info("The {} of org {} is read from ClickHouse again", what, org);
        }
    }
}
