package io.lakegate.proxy.gateway;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one tenant's query may use, enforced by ClickHouse as settings on every query (plus the gateway's own
 * concurrency limit), and the settings a tenant may choose itself. A tenant may lower a limit, never raise it.
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

    /** The most threads a tenant may ask for: more only starve the other tenants. */
    static final int MAX_THREADS = 16;

    public static final TenantLimits DEFAULTS = new TenantLimits(300, 100_000_000L, 8L << 30, 4L << 30, 4);

    /**
     * Settings a tenant may set (SETTINGS clause, URL parameters): they change output, not what may be read. Nothing
     * that changes how ClickHouse analyses a query ({@code compatibility}, {@code allow_experimental_analyzer}):
     * the old analyzer's hints name tables outside the tenant's catalog.
     */
    public static final Set<String> TENANT_SETTINGS = Set.of("max_threads", "join_use_nulls", "cast_keep_nullable",
            "prefer_column_name_to_alias", "date_time_output_format", "date_time_input_format", "session_timezone",
            "output_format_json_quote_64bit_integers", "output_format_json_quote_decimals",
            "output_format_json_quote_denormals", "output_format_decimal_trailing_zeros", "joined_subquery_requires_alias",
            "aggregate_functions_null_for_empty", "output_format_json_named_tuples_as_objects",
            "output_format_write_statistics", "extremes", "format_csv_delimiter", "output_format_csv_crlf_end_of_line",
            "output_format_tsv_crlf_end_of_line", "output_format_pretty_max_rows", "output_format_json_escape_forward_slashes",
            "send_progress_in_http_headers", "http_headers_progress_interval_ms", "wait_end_of_query",
            "buffer_size", "async_insert", "wait_for_async_insert", "use_client_time_zone",
            "output_format_native_encode_types_in_binary_format", "input_format_binary_read_json_as_string",
            "output_format_binary_write_json_as_string", "output_format_json_array_of_rows",
            "output_format_arrow_string_as_string", "output_format_parquet_string_as_string");

    /**
     * A setting's value as the SETTINGS clause may hold it: one number, word or string literal. Values are pasted into
     * the SQL that runs, before the limits: anything more ({@code 1 --}, {@code 1, max_result_rows = 0}) would end the
     * clause early or add settings the tenant may not choose.
     */
    private static final Pattern VALUE = Pattern.compile(
            "-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*|'([^'\\\\]|\\\\.|'')*'");

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
     * The settings a query runs with: the tenant's own (checked against the allowlist, limits only lowered) and then
     * the limits, which ClickHouse applies last.
     */
    public Map<String, String> settingsFor(Map<String, String> requested) {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, Long> limits = asSettings();
        Map<String, Long> effective = new LinkedHashMap<>(limits);
        requested.forEach((name, value) -> {
            if (!VALUE.matcher(value).matches()) {
                throw new TenantSqlException(Reason.SYNTAX, "Setting " + name + " = " + value + " is not a valid "
                        + "value: give one number, word or 'quoted string'");
            }
            if (limits.containsKey(name)) {
                long asked = parseLimit(name, value);
                if (asked > limits.get(name) || asked <= 0) {
                    throw new TenantSqlException(Reason.NOT_ALLOWED, "Setting " + name + " = " + value + " is not "
                            + "allowed: your limit is " + limits.get(name) + " and may only be lowered");
                }
                effective.put(name, asked);
            } else if (name.equals("max_threads")) {
                long threads = parseLimit(name, value);
                if (threads < 0 || threads > MAX_THREADS) {
                    throw new TenantSqlException(Reason.NOT_ALLOWED, "Setting max_threads = " + value + " is not "
                            + "allowed: choose 1 to " + MAX_THREADS + " (0 lets ClickHouse choose)");
                }
                result.put(name, String.valueOf(threads));
            } else if (TENANT_SETTINGS.contains(name)) {
                result.put(name, value);
            } else {
                throw new TenantSqlException(Reason.NOT_ALLOWED, "Setting " + name + " is not allowed for tenants. "
                        + "Allowed: " + String.join(", ", new TreeSet<>(TENANT_SETTINGS)) + "; and lowering "
                        + String.join(", ", limits.keySet()));
            }
        });
        effective.forEach((name, value) -> result.put(name, String.valueOf(value)));
        result.put("result_overflow_mode", "'throw'");
        result.put("timeout_overflow_mode", "'throw'");
        return result;
    }

    /** A setting's value from a URL parameter (plain text, as ClickHouse takes it there) as a SETTINGS value. */
    public static String urlValue(String value) {
        return value.matches("-?[0-9]+(\\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*") ? value
                : ClickHouseQuoting.string(value);
    }

    private static long parseLimit(String name, String value) {
        try {
            return Long.parseLong(value.replace("'", "").trim());
        } catch (NumberFormatException e) {
            throw new TenantSqlException(Reason.SYNTAX, "Setting " + name + " needs a whole number, not " + value);
        }
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

    /** Rewords ClickHouse's error when it is one of the tenant limits, so the tenant knows which limit it hit. */
    public String explain(String clickhouseMessage) {
        // ClickHouse's "Maybe you meant" hints pick names from the whole server, other orgs' tables among them
        String m = HINT.matcher(String.valueOf(clickhouseMessage)).replaceAll("");
        if (m.contains("TIMEOUT_EXCEEDED")) {
            return "Tenant limit max_execution_time (" + maxExecutionSeconds + " s) exceeded: " + m;
        }
        if (m.contains("TOO_MANY_ROWS_OR_BYTES")) {
            return "Tenant limit max_result_rows (" + maxResultRows + ") or max_result_bytes (" + maxResultBytes
                    + ") exceeded: add filters or a LIMIT. " + m;
        }
        if (m.contains("MEMORY_LIMIT_EXCEEDED")) {
            return "Tenant limit max_memory_usage (" + maxMemoryBytes + " bytes) exceeded: " + m;
        }
        return m;
    }
}
