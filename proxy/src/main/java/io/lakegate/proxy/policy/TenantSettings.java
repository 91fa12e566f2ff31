package io.lakegate.proxy.policy;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings a tenant's query runs with: those the tenant may choose itself, its limits (which it may lower, never
 * raise), and the second line of defence that holds even for a query the gateway should never have let through.
 */
final class TenantSettings {
    /** The most threads a tenant may ask for: more only starve the other tenants. */
    static final int MAX_THREADS = 16;

    /**
     * Settings a tenant may set (SETTINGS clause, URL parameters): they change output, not what may be read. Nothing
     * that changes how ClickHouse analyses a query ({@code compatibility}, {@code allow_experimental_analyzer}):
     * the old analyzer's hints name tables outside the tenant's catalog.
     */
    static final Set<String> TENANT_SETTINGS = Set.of("max_threads", "join_use_nulls", "cast_keep_nullable",
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

    private TenantSettings() {
    }

    /**
     * The settings a query runs with: the tenant's own (checked against the allowlist, limits only lowered) and then
     * the limits, which ClickHouse applies last.
     */
    static Map<String, String> settingsFor(TenantLimits limits, Map<String, String> requested) {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, Long> most = limits.asSettings();
        Map<String, Long> effective = new LinkedHashMap<>(most);
        requested.forEach((name, value) -> {
            if (!VALUE.matcher(value).matches()) {
                throw new TenantSqlException(Reason.SYNTAX, "Setting " + name + " = " + value + " is not a valid "
                        + "value: give one number, word or 'quoted string'");
            }
            if (most.containsKey(name)) {
                long asked = parseLimit(name, value);
                if (asked > most.get(name) || asked <= 0) {
                    throw new TenantSqlException(Reason.NOT_ALLOWED, "Setting " + name + " = " + value + " is not "
                            + "allowed: your limit is " + most.get(name) + " and may only be lowered");
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
                        + String.join(", ", most.keySet()));
            }
        });
        effective.forEach((name, value) -> result.put(name, String.valueOf(value)));
        result.put("result_overflow_mode", "'throw'");
        result.put("timeout_overflow_mode", "'throw'");
        return result;
    }

    /**
     * The SETTINGS clause: the tenant's settings and limits, then read-only (no writes, no table functions such as
     * url() or file(), no further setting changes) and each table's row filter, which ClickHouse applies wherever a
     * table is read.
     */
    static String clause(TenantLimits limits, Map<String, String> requested, Map<String, String> rowFilters) {
        Map<String, String> settings = settingsFor(limits, requested);
        // quotes doubled, not escaped: clickhouse-jdbc rewrites \' in the statements it wraps in DESC (...)
        settings.put("additional_table_filters", rowFilters.entrySet().stream()
                .map(e -> ClickHouseQuoting.plainString(e.getKey()) + ": "
                        + ClickHouseQuoting.plainString(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}")));
        settings.put("readonly", "1");
        return "SETTINGS " + settings.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A setting's value from a URL parameter (plain text, as ClickHouse takes it there) as a SETTINGS value. */
    static String urlValue(String value) {
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
}
