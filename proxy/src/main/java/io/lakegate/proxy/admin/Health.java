package io.lakegate.proxy.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Readiness: ClickHouse answers, and its schema has every changeset of this build's changelogs. ClickHouse is asked
 * on every probe; the schema, which changes only with {@code schema update}, at most every {@code schemaTtl}.
 */
public final class Health {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Readiness(@JsonProperty("ready") boolean ready, @JsonProperty("clickhouse") boolean clickhouse,
                            @JsonProperty("schema_current") Boolean schemaCurrent,
                            @JsonProperty("problem") String problem) {
    }

    private final Runnable ping;
    private final Callable<List<String>> pendingChangeSets;
    private final long schemaTtlNanos;
    private List<String> pending;
    private long checkedAt;

    /**
     * @param ping              fails when ClickHouse does not answer
     * @param pendingChangeSets the ids of the changesets not applied yet
     */
    public Health(Runnable ping, Callable<List<String>> pendingChangeSets, Duration schemaTtl) {
        this.ping = ping;
        this.pendingChangeSets = pendingChangeSets;
        this.schemaTtlNanos = schemaTtl.toNanos();
    }

    public Readiness readiness() {
        try {
            ping.run();
        } catch (RuntimeException e) {
            return new Readiness(false, false, null, "ClickHouse does not answer: " + e.getMessage());
        }
        List<String> notApplied;
        try {
            notApplied = pending();
        } catch (Exception e) {
            return new Readiness(false, true, null, "The schema cannot be read: " + e.getMessage());
        }
        if (!notApplied.isEmpty()) {
            return new Readiness(false, true, false, "Changesets not applied: " + String.join(", ", notApplied)
                    + "; run `lakegate schema update`");
        }
        return new Readiness(true, true, true, null);
    }

    private synchronized List<String> pending() throws Exception {
        long now = System.nanoTime();
        if (pending == null || !pending.isEmpty() || now - checkedAt >= schemaTtlNanos) {
            pending = pendingChangeSets.call();
            checkedAt = now;
        }
        return pending;
    }
}
