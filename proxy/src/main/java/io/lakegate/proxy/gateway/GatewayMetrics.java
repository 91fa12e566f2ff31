package io.lakegate.proxy.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's metrics in Prometheus's text format (Micrometer's Prometheus registry). Query counts, latencies and
 * result sizes come from the audit records, so they count exactly what the audit trail records; the rest are read
 * from the parts that know them when a scrape asks.
 */
public final class GatewayMetrics {
    /** Latency buckets: from a catalog lookup to the longest query the default limit allows. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(300)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Micrometer holds what function counters read only weakly. */
    private final List<Supplier<Number>> read = new CopyOnWriteArrayList<>();

    /** Counts each finished query; a listener of the {@link AuditLog}. */
    public void record(AuditLog.Record r) {
        String step = r.step() == null ? "query" : r.step();
        Counter.builder("lakegate.queries").description("Tenant queries (and JDBC prepares) by door, org and outcome")
                .tags("door", r.door(), "org", r.orgId(), "step", step, "outcome", r.outcome())
                .register(registry).increment();
        Timer.builder("lakegate.query.duration").description("Time from a query's arrival to its last row")
                .tags("door", r.door(), "step", step, "outcome", r.outcome()).serviceLevelObjectives(BUCKETS)
                .register(registry).record((long) (r.durationMs() * 1_000_000), TimeUnit.NANOSECONDS);
        Counter.builder("lakegate.result.rows").description("Rows of results sent to tenants")
                .tags("door", r.door(), "org", r.orgId()).register(registry).increment(r.rows());
        Counter.builder("lakegate.result.bytes").description("Bytes of results sent to tenants (ClickHouse door; "
                        + "the JDBC door's frames are not counted)")
                .tags("door", r.door(), "org", r.orgId()).register(registry).increment(r.bytes());
        if (r.errorKind() != null) {
            Counter.builder("lakegate.query.errors").description("Queries that ended in an error: refused by the "
                            + "gateway, or failed by ClickHouse")
                    .tags("door", r.door(), "kind", r.errorKind().name().toLowerCase(Locale.ROOT))
                    .register(registry).increment();
        }
    }

    /** What the metrics read from the parts that know it, at each scrape. */
    void watch(TenantGateway pipeline, GatewayAuthenticator authenticator, Supplier<Number> openConnections,
               OrgLimits limits, AuditTable table) {
        gauge("lakegate.queries.running", "Tenant queries running now", pipeline::running);
        gauge("lakegate.jdbc.connections.open", "Open connections of the JDBC door", openConnections);
        String logins = "Logins refused: a wrong username or password or a revoked credential, or over the throttle";
        counter("lakegate.login.failures", logins, authenticator::failedLogins, "reason", "wrong");
        counter("lakegate.login.failures", logins, authenticator::throttledLogins, "reason", "throttled");
        counter("lakegate.credential.reads", "Logins that read the credential from ClickHouse (a new one, the "
                + "credentials changed, or the revocation epoch was not read in time); the others were trusted",
                authenticator::credentialReads);
        String cache = "Lookups of an org's limits, from the cache or from ClickHouse";
        counter("lakegate.limits.cache", cache, limits::cacheHits, "result", "hit");
        counter("lakegate.limits.cache", cache, limits::cacheMisses, "result", "miss");
        gauge("lakegate.audit.buffered", "Audit records waiting to be written to lakegate_audit", table::buffered);
        counter("lakegate.audit.written", "Audit records written to lakegate_audit", table::written);
        counter("lakegate.audit.lost", "Audit records not written to lakegate_audit (buffer full, or the gateway "
                + "stopped while ClickHouse was away): their log lines are the record", table::lost);
        counter("lakegate.audit.insert.failures", "Inserts into lakegate_audit that failed and were tried again",
                table::failedInserts);
    }

    /** A value read at each scrape. */
    private void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, () -> value.get().doubleValue()).description(description).strongReference(true)
                .register(registry);
    }

    /** A count kept elsewhere, read at each scrape; {@code tags} as name, value pairs. */
    private void counter(String name, String description, Supplier<Number> value, String... tags) {
        read.add(value);
        FunctionCounter.builder(name, value, v -> v.get().doubleValue()).description(description).tags(tags)
                .register(registry);
    }

    /** Everything, in Prometheus's text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
