package io.lakegate.proxy.policy;

import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.proxy.sql.TenantErrors;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a tenant may do, decided in one place and denied by default, in the manner of Trino's
 * {@code SystemAccessControl}: which statements run, which table a name stands for, which functions may be called,
 * which settings a query runs with, and what a catalog query may read. The SQL binder, the catalog-query check and
 * the doors walk their trees and requests and ask here; what nothing here allows is refused.
 */
public final class TenantPolicy {
    /** Constructs refused wherever they appear, with what to do instead. */
    public enum Refusal {
        SEVERAL_STATEMENTS("Several statements are not allowed: send one SELECT statement per query"),
        INTO_OUTFILE("INTO OUTFILE is not allowed: results come back to your client"),
        IDENTIFIER_PARAMETER("Query parameters of type Identifier are not allowed: parameters are values; write "
                + "table and column names in the query"),
        INSERT("INSERT is not allowed: the gateway only runs queries that read"),
        BATCH("Batches are not allowed: the gateway only runs queries that read"),
        SYSTEM_TABLE("System tables are not available: use your client's catalog browser (JDBC DatabaseMetaData) to "
                + "list tables and columns");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public TenantSqlException exception() {
            return new TenantSqlException(Reason.NOT_ALLOWED, message);
        }
    }

    /**
     * ClickHouse's syntax that reads as a call but is no function of {@code system.functions}: {@code COLUMNS('re')}
     * names columns of the tables read, {@code GROUPING(c)} tells a ROLLUP's total rows, and ClickHouse's syntax tree
     * of a catalog query shows {@code x -> expr} as {@code lambda(...)}. Lower case: ClickHouse reads them in any.
     */
    private static final Set<String> SYNTAX = Set.of("columns", "grouping", "lambda");

    private final FunctionAllowlist functions;

    public TenantPolicy(FunctionAllowlist functions) {
        this.functions = functions;
    }

    // ---- statements: one read

    /** A statement may start only as a read does: {@code SELECT} or {@code WITH}. */
    public static void checkStatementStart(String firstKeyword) {
        if (!firstKeyword.equals("SELECT") && !firstKeyword.equals("WITH")) {
            throw TenantErrors.notARead(firstKeyword);
        }
    }

    /** The parsed statement must be a query. */
    public static void checkStatement(SqlNode parsed) {
        if (!parsed.isA(SqlKind.QUERY)) {
            throw new TenantSqlException(Reason.NOT_ALLOWED, parsed.getKind().sql + " is not allowed: the gateway "
                    + "only runs queries that read");
        }
    }

    /** Where a query is expected, anything but a query is refused. */
    public static TenantSqlException notAQuery(SqlKind kind) {
        return new TenantSqlException(Reason.NOT_ALLOWED, "Only queries that read are allowed, not " + kind.sql);
    }

    /** After FROM or JOIN only tables and subqueries: table functions and anything else are refused. */
    public static TenantSqlException notATable(SqlKind kind) {
        String what = kind == SqlKind.COLLECTION_TABLE ? "Table functions" : kind.sql;
        return new TenantSqlException(Reason.NOT_ALLOWED, what + " are not allowed after FROM or JOIN: only your "
                + "tables and subqueries over them may be read");
    }

    /**
     * True for a SET that asks for what every tenant query has already ({@code SET readonly = 1}): it is answered and
     * changes nothing. Every other SET is refused as a statement that is not a read.
     */
    public static boolean isHarmlessSet(String sql) {
        return HarmlessSet.matches(sql);
    }

    // ---- tables: the tenant's views, nothing else

    /**
     * The tenant table that a name in a FROM stands for ({@code entity_operations}, {@code 16581729_entity_operations},
     * either qualified by the lake's database), or a refusal that lists the tenant's tables.
     */
    public static TenantCatalog.Table bindTable(TenantCatalog catalog, List<String> names) {
        boolean qualifiedOk = names.size() == 2 && names.get(0).equals(catalog.database());
        if (names.size() > 2 || names.size() == 2 && !qualifiedOk) {
            throw unknownTable(catalog, String.join(".", names));
        }
        String name = names.get(names.size() - 1);
        return catalog.table(name).orElseThrow(() -> unknownTable(catalog, name));
    }

    private static TenantSqlException unknownTable(TenantCatalog catalog, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("system.") || lower.startsWith("information_schema.") || lower.equals("system")) {
            return Refusal.SYSTEM_TABLE.exception();
        }
        return new TenantSqlException(Reason.UNKNOWN_TABLE, "Table " + name + " does not exist in your catalog. "
                + "Your tables: " + String.join(", ", catalog.tables().stream().map(TenantCatalog.Table::name)
                .toList()));
    }

    /** {@code USE name}: only the tenant's own database. */
    public static void checkDatabase(TenantCatalog catalog, String name) {
        if (!name.equals(catalog.database())) {
            throw new TenantSqlException(Reason.NOT_ALLOWED, "Database " + name + " is not yours: your database is "
                    + catalog.database());
        }
    }

    // ---- functions: the reviewed allowlist

    /** Refuses a call of {@code name} unless the allowlist allows it. */
    public void checkFunction(String name) {
        checkFunction(functions, name);
    }

    /**
     * Refuses a function of SQL's own syntax, as the grammar reads it ({@code TRIM(BOTH ...)}, {@code CURRENT_USER},
     * {@code CONVERT(x USING y)}), when ClickHouse has it under that name and the allowlist does not allow it. One
     * ClickHouse does not have is left to the validator and ClickHouse, which refuse it with their own advice.
     */
    public void checkSqlFunction(String name) {
        if (functions.verdict(name) != FunctionAllowlist.Verdict.UNKNOWN) {
            checkFunction(name);
        }
    }

    static void checkFunction(FunctionAllowlist functions, String name) {
        if (SYNTAX.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        switch (functions.verdict(name)) {
            case ALLOWED -> {
            }
            case EXCLUDED -> throw new TenantSqlException(Reason.NOT_ALLOWED, "Function " + name + "() is not "
                    + "allowed: it " + functions.exclusionReason(name).orElseThrow());
            case UNREVIEWED -> throw new TenantSqlException(Reason.NOT_ALLOWED, "Function " + name + "() is not "
                    + "allowed yet: this ClickHouse has it, but the gateway's operators have not reviewed it for "
                    + "tenants; use another function or ask them to review it");
            case UNKNOWN -> throw new TenantSqlException(ErrorCode.UNKNOWN_FUNCTION, "Unknown function " + name
                    + "(): no function of that name may be called; check its name (ClickHouse's function names are "
                    + "case-sensitive)", null);
        }
    }

    // ---- settings

    /**
     * The SETTINGS clause a tenant's query runs with: the settings it asked for (checked), its limits, read-only, and
     * the row filters of every table of the lake ({@link TenantCatalog#rowFilters()}, plus {@code moreRowFilters}).
     */
    public static String settingsClause(TenantLimits limits, TenantCatalog catalog, Map<String, String> requested,
                                        Map<String, String> moreRowFilters) {
        Map<String, String> rows = new LinkedHashMap<>(catalog.rowFilters());
        rows.putAll(moreRowFilters);
        return TenantSettings.clause(limits, requested, rows);
    }

    /** A setting's value from a URL parameter (plain text, as ClickHouse takes it there) as a SETTINGS value. */
    public static String urlSettingValue(String value) {
        return TenantSettings.urlValue(value);
    }

    // ---- catalog queries of the ClickHouse door

    /** Refuses a catalog query, by ClickHouse's syntax tree of it, that reads or calls anything else. */
    public void checkCatalogQuery(String explainAst) {
        CatalogQueryCheck.check(explainAst, functions);
    }

    /** The rows of the catalog tables a tenant may see: its own objects. */
    public static Map<String, String> catalogRowFilters(TenantCatalog catalog) {
        return CatalogQueryCheck.filters(catalog);
    }
}
