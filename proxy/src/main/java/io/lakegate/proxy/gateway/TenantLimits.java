package io.lakegate.proxy.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one tenant's query may use, enforced by ClickHouse as settings on every query (plus the gateway's own
 * concurrency limit). The tenant policy ({@code io.lakegate.proxy.policy}) turns them into the query's settings.
 */
public record TenantLimits(long maxExecutionSeconds, long maxResultRows, long maxResultBytes, long maxMemoryBytes,
                           int maxConcurrentQueries, int maxConnectionsPerCredential, int maxConnectionsPerOrg,
                           int maxQueriesPerMinute) {
    /**
     * The limits by the names they have everywhere outside Java: the admin API's JSON, {@code lakegate limits set},
     * the columns of {@code lakegate_limits}, {@code serve}'s flags ({@code --max-execution-seconds}, ...).
     */
    public static final List<String> NAMES = List.of("max_execution_seconds", "max_result_rows", "max_result_bytes",
            "max_memory_bytes", "max_concurrent_queries", "max_connections_per_credential", "max_connections_per_org",
            "max_queries_per_minute");

    public static final TenantLimits DEFAULTS = new TenantLimits(300, 100_000_000L, 8L << 30, 4L << 30, 4);

    /** ClickHouse's hint, up to the error name that ends its messages ({@code (UNKNOWN_TABLE)}) or the end. */
    private static final Pattern HINT = Pattern.compile("(?s)\\s*Maybe you meant:?.*?(?=\\s*\\([A-Z_]+\\)|$)");

    public TenantLimits {
        if (maxExecutionSeconds <= 0 || maxResultRows <= 0 || maxResultBytes <= 0 || maxMemoryBytes <= 0
                || maxConcurrentQueries <= 0 || maxConnectionsPerCredential <= 0 || maxConnectionsPerOrg <= 0
                || maxQueriesPerMinute < 0) {
            throw new IllegalArgumentException("Every tenant limit must be a positive number (max_queries_per_minute "
                    + "may be 0: no limit)");
        }
    }

    /** With the default connection caps: a BI tool's connection pool per credential, a few such tools per org. */
    public TenantLimits(long maxExecutionSeconds, long maxResultRows, long maxResultBytes, long maxMemoryBytes,
                        int maxConcurrentQueries) {
        this(maxExecutionSeconds, maxResultRows, maxResultBytes, maxMemoryBytes, maxConcurrentQueries, 64, 256);
    }

    /** Without a limit on queries per minute. */
    public TenantLimits(long maxExecutionSeconds, long maxResultRows, long maxResultBytes, long maxMemoryBytes,
                        int maxConcurrentQueries, int maxConnectionsPerCredential, int maxConnectionsPerOrg) {
        this(maxExecutionSeconds, maxResultRows, maxResultBytes, maxMemoryBytes, maxConcurrentQueries,
                maxConnectionsPerCredential, maxConnectionsPerOrg, 0);
    }

    /** The limits by {@link #NAMES}, in that order. */
    public Map<String, Long> byName() {
        long[] values = {maxExecutionSeconds, maxResultRows, maxResultBytes, maxMemoryBytes, maxConcurrentQueries,
                maxConnectionsPerCredential, maxConnectionsPerOrg, maxQueriesPerMinute};
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            result.put(NAMES.get(i), values[i]);
        }
        return result;
    }

    /**
     * These limits with some replaced, by {@link #NAMES}.
     *
     * @throws IllegalArgumentException naming the limit that is unknown or out of range
     */
    public TenantLimits with(Map<String, Long> overrides) {
        Map<String, Long> v = byName();
        overrides.forEach((name, value) -> {
            if (!v.containsKey(name)) {
                throw new IllegalArgumentException("Unknown limit '" + name + "': the limits are "
                        + String.join(", ", NAMES));
            }
            long most = name.startsWith("max_concurrent") || name.startsWith("max_connections")
                    || name.equals("max_queries_per_minute") ? Integer.MAX_VALUE : Long.MAX_VALUE;
            long least = name.equals("max_queries_per_minute") ? 0 : 1;
            if (value == null || value < least || value > most) {
                throw new IllegalArgumentException("Limit " + name + " must be a whole number from " + least + " to "
                        + most + (least == 0 ? " (0: no limit)" : "") + ", not " + value);
            }
            v.put(name, value);
        });
        return new TenantLimits(v.get(NAMES.get(0)), v.get(NAMES.get(1)), v.get(NAMES.get(2)), v.get(NAMES.get(3)),
                v.get(NAMES.get(4)).intValue(), v.get(NAMES.get(5)).intValue(), v.get(NAMES.get(6)).intValue(),
                v.get(NAMES.get(7)).intValue());
    }

    /** The limits as ClickHouse settings, keyed by setting name. */
    public Map<String, Long> asSettings() {
        Map<String, Long> s = new LinkedHashMap<>();
        s.put("max_execution_time", maxExecutionSeconds);
        s.put("max_result_rows", maxResultRows);
        s.put("max_result_bytes", maxResultBytes);
        s.put("max_memory_usage", maxMemoryBytes);
        return s;
    }

    /**
     * The gateway's own check of the result limits. ClickHouse checks them between blocks of rows, so a result made
     * in one block (arrayJoin over a long array) passes its check whole.
     */
    public String resultRowsExceeded() {
        return "Tenant limit max_result_rows (" + maxResultRows + ") exceeded: add filters or a LIMIT";
    }

    public String resultBytesExceeded() {
        return "Tenant limit max_result_bytes (" + maxResultBytes + ") exceeded: add filters or a LIMIT";
    }

    /**
     * Rewords ClickHouse's error when it is one of the tenant limits, so the tenant knows which limit it hit.
     *
     * @param errorName ClickHouse's name of the error ({@code TIMEOUT_EXCEEDED})
     */
    public String explain(String errorName, String clickhouseMessage) {
        // ClickHouse's "Maybe you meant" hints pick names from the whole server, other orgs' tables among them
        String m = HINT.matcher(String.valueOf(clickhouseMessage)).replaceAll("");
        if (errorName.equals("TIMEOUT_EXCEEDED")) {
            return "Tenant limit max_execution_time (" + maxExecutionSeconds + " s) exceeded: " + m;
        }
        if (errorName.equals("TOO_MANY_ROWS_OR_BYTES")) {
            return "Tenant limit max_result_rows (" + maxResultRows + ") or max_result_bytes (" + maxResultBytes
                    + ") exceeded: add filters or a LIMIT. " + m;
        }
        if (errorName.equals("MEMORY_LIMIT_EXCEEDED")) {
            return "Tenant limit max_memory_usage (" + maxMemoryBytes + " bytes) exceeded: " + m;
        }
        return m;
    }
}
