package io.lakegate.proxy.sql;

import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.proxy.catalog.TenantCatalog;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tenant is told when the gateway's parser or validator refuses a query: the error code ClickHouse itself
 * answers for the same mistake (62 syntax, 43 argument types, 46 unknown function, 47 unknown identifier, 60 unknown
 * table, 42 argument count, 215 not grouped, ...), so a client or a person who knows ClickHouse's errors reads the
 * gateway's the same way through either door, and a message that says what to write instead. Calcite's own texts are
 * the input: they are matched here, in one place, and never reach the tenant as they are.
 */
public final class TenantErrors {
    private static final Logger LOG = LoggerFactory.getLogger(TenantErrors.class);
    private static final Pattern POSITION = Pattern.compile("^(From|At) line \\d+, column \\d+( to line \\d+, "
            + "column \\d+)?: ");
    private static final Pattern NOT_FOUND = Pattern.compile("Object '([^']*)' not found");
    /** The statements ClickHouse knows besides reads: a query starting with one is refused, not misspelt. */
    private static final Set<String> STATEMENTS = Set.of("INSERT", "CREATE", "ALTER", "DROP", "DETACH", "ATTACH",
            "TRUNCATE", "RENAME", "OPTIMIZE", "SYSTEM", "KILL", "SET", "USE", "SHOW", "DESCRIBE", "DESC", "EXPLAIN",
            "EXISTS", "GRANT", "REVOKE", "CHECK", "DELETE", "UPDATE", "UNDROP", "BACKUP", "RESTORE", "WATCH", "MOVE",
            "EXCHANGE", "BEGIN", "COMMIT", "ROLLBACK", "REPLACE", "UPSERT", "MERGE", "CALL", "COPY", "LOAD");

    private record Rule(Pattern pattern, ErrorCode code, Function<Matcher, String> message) {
    }

    /** Calcite's validator messages (CalciteResource), most specific first. */
    private static final List<Rule> VALIDATOR = List.of(
            rule("Column '([^']*)' not found in any table", ErrorCode.UNKNOWN_IDENTIFIER, m ->
                    "Unknown identifier " + m.group(1) + ": no table in FROM has such a column (DESCRIBE a table to "
                            + "see its columns; names are case-sensitive)"),
            rule("Column '([^']*)' not found in table '([^']*)'", ErrorCode.UNKNOWN_IDENTIFIER, m ->
                    "Unknown identifier " + m.group(2) + "." + m.group(1) + ": " + m.group(2) + " has no column "
                            + m.group(1) + " (DESCRIBE the table to see its columns; names are case-sensitive)"),
            rule("The definition of column '([^']*)' depends on itself.*", ErrorCode.UNKNOWN_IDENTIFIER, m ->
                    "Unknown identifier " + m.group(1) + ": it is neither a column of the tables in FROM nor an "
                            + "alias defined before it in the SELECT list"),
            rule("Table '([^']*)' not found", ErrorCode.UNKNOWN_IDENTIFIER, m ->
                    "Unknown identifier " + m.group(1) + ": no table or alias of that name in FROM; qualify columns "
                            + "with a table or alias the query reads"),
            rule("Unknown identifier '([^']*)'", ErrorCode.UNKNOWN_IDENTIFIER, m ->
                    "Unknown identifier " + m.group(1) + ": no table or alias of that name in FROM"),
            rule("Column '([^']*)' is ambiguous", ErrorCode.AMBIGUOUS_COLUMN_NAME, m ->
                    "Column " + m.group(1) + " is in more than one table of FROM: qualify it with a table name or "
                            + "alias (a." + m.group(1) + ")"),
            rule("No match found for function signature ([^(]*)\\(.*", ErrorCode.UNKNOWN_FUNCTION, m ->
                    "Function " + m.group(1) + " does not exist with these arguments: check its name and "
                            + "arguments in ClickHouse's function reference"),
            rule("Invalid number of arguments to function '([^']*)'\\. Was expecting (\\d+) arguments",
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, m ->
                            "Number of arguments for function " + m.group(1) + " doesn't match: it takes "
                                    + m.group(2)),
            rule("Invalid type '([^']*)' in 'CONVERT' function.*", ErrorCode.UNKNOWN_FUNCTION, m ->
                    "CONVERT(x, type) is the ODBC escape {fn CONVERT(x, SQL_VARCHAR)} (SQL_BIGINT, SQL_DOUBLE, "
                            + "SQL_DATE, ...); ClickHouse itself has no CONVERT: write CAST(x AS String) or toString(x)"),
            rule("Cannot apply '([^']*)' to arguments of type (.*)\\. Supported form\\(s\\): (.*)",
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, m ->
                            "Illegal types of arguments of " + m.group(1) + ": " + m.group(2) + "; it takes "
                                    + m.group(3).replace("\n", " ") + ". Convert an argument (toString, toInt64, "
                                    + "toDateTime, ...)"),
            rule("Expression '([^']*)' is not being grouped", ErrorCode.NOT_AN_AGGREGATE, m ->
                    "Column " + m.group(1) + " is not under an aggregate function and not in GROUP BY: add it to "
                            + "GROUP BY, or aggregate it (any(" + m.group(1) + "), max(" + m.group(1) + "))"),
            rule("Aggregate expressions cannot be nested", ErrorCode.ILLEGAL_AGGREGATION, m ->
                    "An aggregate function is inside another aggregate function: compute the inner one in a "
                            + "subquery and aggregate its result"),
            rule("(Windowed aggregate|Aggregate) expression is illegal in (\\w+) clause",
                    ErrorCode.ILLEGAL_AGGREGATION, m ->
                            "Aggregate functions are not allowed in " + m.group(2) + ": filter on aggregates in "
                                    + "HAVING, or aggregate in a subquery"),
            rule("Column count mismatch in (.*)", ErrorCode.UNION_ALL_RESULT_STRUCTURES_MISMATCH, m ->
                    "The SELECTs of " + m.group(1) + " have different numbers of columns: give each the same "
                            + "columns in the same order"),
            rule("Type mismatch in column (\\d+) of (.*)", ErrorCode.TYPE_MISMATCH, m ->
                    "Column " + m.group(1) + " of " + m.group(2) + " has types that do not match: CAST them to "
                            + "one type"),
            rule("Ordinal out of range", ErrorCode.BAD_ARGUMENTS, m ->
                    "ORDER BY or GROUP BY names a position beyond the SELECT list: number its columns from 1"),
            rule("OVER clause is necessary for window functions", ErrorCode.BAD_ARGUMENTS, m ->
                    "A window function needs an OVER clause, e.g. row_number() OVER (ORDER BY timestamp)"),
            rule("Illegal DATE literal '([^']*)'.*", ErrorCode.CANNOT_PARSE_DATE, m ->
                    "Cannot parse date '" + m.group(1) + "': write DATE 'YYYY-MM-DD' with a real date"),
            rule("Illegal (TIMESTAMP|TIME) literal '([^']*)'.*", ErrorCode.CANNOT_PARSE_DATETIME, m ->
                    "Cannot parse " + m.group(1) + " '" + m.group(2) + "': write " + m.group(1) + " '"
                            + (m.group(1).equals("TIME") ? "hh:mm:ss" : "YYYY-MM-DD hh:mm:ss") + "' with a real "
                            + "date and time"),
            rule("Illegal interval literal format '([^']*)' for (.*)", ErrorCode.SYNTAX_ERROR, m ->
                    "Syntax error: '" + m.group(1) + "' is not a length of " + m.group(2) + ": write a number, e.g. "
                            + "INTERVAL 3 DAY"),
            rule("(WHERE|HAVING|ON|QUALIFY) clause must be a condition", ErrorCode.ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER,
                    m -> "Invalid type for filter in " + m.group(1) + ": write a condition (x = 'abc', "
                            + "has(tags, 'x')) or a number"),
            rule("List of column aliases must have same degree as table; (.*)", ErrorCode.BAD_ARGUMENTS, m ->
                    "Number of aliases does not match the number of columns: " + m.group(1)),
            rule("Duplicate (alias|relation name|column name) '([^']*)'.*", ErrorCode.MULTIPLE_EXPRESSIONS_FOR_ALIAS,
                    m -> "The " + m.group(1) + " " + m.group(2) + " is used twice: give each its own name"));

    private TenantErrors() {
    }

    private static Rule rule(String regex, ErrorCode code, Function<Matcher, String> message) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), code, message);
    }

    /** A statement that is not a read: refused if ClickHouse knows it, a syntax error if it is no statement at all. */
    public static TenantSqlException notARead(String firstKeyword) {
        if (firstKeyword.isEmpty() || STATEMENTS.contains(firstKeyword.toUpperCase(Locale.ROOT))) {
            return new TenantSqlException(ErrorCode.ACCESS_DENIED, (firstKeyword.isEmpty() ? "This statement"
                    : firstKeyword) + " is not allowed: the gateway only runs queries that read (SELECT or WITH ... "
                    + "SELECT)", null);
        }
        return new TenantSqlException(ErrorCode.SYNTAX_ERROR, "Syntax error: " + firstKeyword + " is not a "
                + "statement; a query starts with SELECT or WITH", null);
    }

    /** Calcite's parser refused the text. */
    static TenantSqlException syntax(SqlParseException e) {
        String message = firstLine(e.getMessage());
        if (message.startsWith("Non-query expression encountered in illegal context")) {
            // what the parser says of a ClickHouse column transformer it cannot read (* EXCEPT c, * APPLY (...))
            return new TenantSqlException(ErrorCode.NOT_IMPLEMENTED, "The query has an expression where a query is "
                    + "expected, or a column transformer the gateway does not read yet (SELECT * EXCEPT c without "
                    + "parentheses, * APPLY (...)): write * EXCEPT (c), or list the columns you want", e);
        }
        return new TenantSqlException(ErrorCode.SYNTAX_ERROR, "Syntax error: " + message, e);
    }

    /** Calcite's validator refused the query: ClickHouse's code for the same mistake, and what to write instead. */
    static TenantSqlException invalid(CalciteContextException e, TenantCatalog catalog) {
        String message = POSITION.matcher(String.valueOf(e.getMessage())).replaceFirst("");
        Matcher notFound = NOT_FOUND.matcher(message);
        if (notFound.find()) {
            String name = notFound.group(1);
            if (name.equalsIgnoreCase("system") || name.equalsIgnoreCase("information_schema")) {
                return new TenantSqlException(ErrorCode.ACCESS_DENIED, "System tables (" + name + ") are not "
                        + "available: use your client's catalog browser (JDBC DatabaseMetaData) to list tables and "
                        + "columns", e);
            }
            return new TenantSqlException(ErrorCode.UNKNOWN_TABLE, "Table " + name + " does not exist in your "
                    + "catalog. Your tables: " + String.join(", ", catalog.tables().stream()
                    .map(TenantCatalog.Table::name).toList()), e);
        }
        String where = " (at line " + e.getPosLine() + ", column " + e.getPosColumn() + ")";
        for (Rule rule : VALIDATOR) {
            Matcher m = rule.pattern().matcher(message);
            if (m.matches()) {
                return new TenantSqlException(rule.code(), rule.message().apply(m) + where, e);
            }
        }
        return new TenantSqlException(ErrorCode.BAD_ARGUMENTS, message + where, e);
    }

    /**
     * The validator failed in itself (a bug or gap in Calcite's handling of an expression, such as a standard
     * function called with ClickHouse's arguments): no exception text a tenant cannot act on, the details in the log.
     */
    static TenantSqlException internal(RuntimeException e) {
        LOG.warn("The validator failed on a tenant query", e);
        return new TenantSqlException(ErrorCode.NOT_IMPLEMENTED, "The gateway cannot check this query: one of its "
                + "expressions is written in a way its validator does not handle (e.g. a SQL-standard function called "
                + "with other arguments); write it with ClickHouse's own function, or report the query to your "
                + "gateway's operators", e);
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
