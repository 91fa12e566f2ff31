package io.lakegate.proxy.sql;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.engine.protocol.SqlScanner;
import io.lakegate.engine.protocol.SqlScanner.Kind;
import io.lakegate.engine.protocol.SqlScanner.Token;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.sql.TenantSqlException.Reason;
import io.lakegate.proxy.sql.parser.ClickHouseParserImpl;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns ClickHouse-flavoured SQL, as tenants and BI tools write it, into SQL that the gateway's grammar (Calcite's,
 * extended in src/main/codegen) reads with back-tick quoting, without changing what it means. It works on ClickHouse's own tokens (strings, quoted names and
 * comments are never touched by mistake) and either rewrites a construct into an equivalent one or refuses it with a
 * message that names it; it never lets one through to be mis-parsed (e.g. {@code FROM t FINAL} read as alias FINAL).
 *
 * <ul>
 *   <li>function calls keep ClickHouse's exact name ({@code `countIf`(x)}): Calcite prints unquoted names in upper
 *       case and knows some names ({@code dateDiff}, {@code position}, {@code if}) with another syntax;</li>
 *   <li>parametric aggregates {@code quantile(0.9)(x)} become {@code `quantile`(x, `__lakegate_params`(0.9))};</li>
 *   <li>{@code CAST(x AS Nullable(String))} becomes {@code `CAST`(x, 'Nullable(String)')}, which ClickHouse also
 *       accepts, so every ClickHouse type name works;</li>
 *   <li>{@code [1, 2]} becomes {@code array(1, 2)}; {@code count()} becomes {@code count(*)};</li>
 *   <li>ODBC escapes {@code {fn f(x)}}, {@code {d '...'}}, {@code {ts '...'}} are lowered;</li>
 *   <li>reserved words used as names ({@code timestamp}, {@code date}) are quoted;</li>
 *   <li>{@code FINAL} and {@code SAMPLE k} are dropped (every tenant view is already deduplicated, and no table under
 *       the views has a sampling key, so ClickHouse reads every row); {@code SETTINGS} and {@code FORMAT}
 *       are taken off and returned separately;</li>
 *   <li>{@code {name:Type}} query parameters become {@code ?} and are returned in order.</li>
 * </ul>
 */
public final class ClickHouseSqlPreprocessor {
    /** The preprocessed text and what was taken off it. */
    public record Result(String sql, Map<String, String> settings, String format, List<String> placeholders) {
    }

    static final String PARAMS_FUNCTION = "__lakegate_params";

    /** Parse and validation work grows with the tokens, not the characters: bounded before any of it starts. */
    static final int MAX_TOKENS = 64 * 1024;

    /** The grammar's words (reserved, non-reserved), worked out once: it parses each keyword. */
    static final SqlAbstractParserImpl.Metadata PARSER_METADATA =
            ClickHouseParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

    /** Words followed by "(" that are syntax or functions Calcite must see as itself; every other call is quoted. */
    private static final Set<String> NATIVE = Set.of("AND", "OR", "NOT", "IN", "EXISTS", "AS", "FROM", "JOIN", "ON",
            "WHERE", "OVER", "VALUES", "USING", "SELECT", "BY", "THEN", "ELSE", "WHEN", "CASE", "HAVING", "DISTINCT",
            "UNION", "INTERSECT", "EXCEPT", "MINUS", "LIMIT", "OFFSET", "FETCH", "INTERVAL", "WITH", "LATERAL", "TABLE",
            "IS", "LIKE", "ILIKE", "BETWEEN", "FILTER", "WITHIN", "GROUP", "PARTITION", "ROWS", "QUALIFY",
            "WINDOW", "UNNEST", "ESCAPE", "COUNT", "SUM", "AVG", "MIN", "MAX", "ROW_NUMBER", "RANK", "DENSE_RANK",
            "PERCENT_RANK", "CUME_DIST", "NTILE", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE",
            "TRIM", "SUBSTRING", "OVERLAY", "CONVERT", "ROLLUP", "CUBE", "SETS", "COLUMNS", "APPLY", "INTERPOLATE");
    /** EXTRACT's units and the ClickHouse functions ClickHouse itself reads them as. */
    private static final Map<String, String> EXTRACT_UNITS = new LinkedHashMap<>();

    static {
        String[] units = {"YEAR", "toYear", "QUARTER", "toQuarter", "MONTH", "toMonth", "DAY", "toDayOfMonth",
            "HOUR", "toHour", "MINUTE", "toMinute", "SECOND", "toSecond"};
        for (int i = 0; i < units.length; i += 2) {
            EXTRACT_UNITS.put(units[i], units[i + 1]);
        }
    }

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<String, String> CLOSING = Map.of("(", ")", "[", "]", "{", "}");
    private static final Set<String> QUANTIFIERS = Set.of("ANY", "ALL", "SOME");

    private final String sql;
    private final List<Token> tokens;
    private final Set<String> names;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String> placeholders = new ArrayList<>();
    private String format;

    private ClickHouseSqlPreprocessor(String sql, List<Token> tokens, Set<String> columnNames) {
        this.sql = sql;
        this.tokens = tokens;
        this.names = new HashSet<>(columnNames);
    }

    /**
     * @param columnNames the tenant catalog's column names: a reserved word among them is quoted where it is used
     *                    as a name
     */
    public static Result process(String sql, Set<String> columnNames) {
        ClickHouseSqlPreprocessor p = readable(sql, columnNames);
        int end = p.takeTrailingClauses();
        p.collectAliases(end);
        StringBuilder out = new StringBuilder(sql.length() + 32);
        p.emit(0, end, out);
        return new Result(out.toString(), p.settings, p.format, p.placeholders);
    }

    /**
     * Only takes a trailing {@code SETTINGS} and {@code FORMAT} off one read statement, leaving its text as it is: for
     * the catalog queries that ClickHouse itself parses.
     */
    public static Result trailingClauses(String sql) {
        ClickHouseSqlPreprocessor p = readable(sql, Set.of());
        int end = p.takeTrailingClauses();
        int cut = end < p.tokens.size() ? p.tokens.get(end).start() : p.tokens.get(end - 1).end();
        return new Result(sql.substring(0, cut), p.settings, p.format, List.of());
    }

    private static ClickHouseSqlPreprocessor readable(String sql, Set<String> columnNames) {
        SqlScanner scanner = SqlScanner.scan(sql);
        if (scanner.unterminated()) {
            throw new TenantSqlException(Reason.SYNTAX, "The query has a string, quoted name or comment that is never "
                    + "closed: check the quotes");
        }
        if (scanner.statementCount() == 0) {
            throw new TenantSqlException(Reason.SYNTAX, "The query is empty: send one SELECT statement");
        }
        if (scanner.statementCount() > 1) {
            throw TenantPolicy.Refusal.SEVERAL_STATEMENTS.exception();
        }
        String first = scanner.firstKeyword();
        TenantPolicy.checkStatementStart(first);
        if (scanner.tokens().size() > MAX_TOKENS) {
            throw new TenantSqlException(Reason.TOO_LARGE, "The query has " + scanner.tokens().size() + " tokens; the "
                    + "gateway reads at most " + MAX_TOKENS + ": split it, or filter with a subquery instead of a "
                    + "long list of values");
        }
        List<Token> tokens = new ArrayList<>(scanner.tokens());
        tokens.removeIf(t -> t.text().equals(";") && t.kind() == Kind.SYMBOL);
        return new ClickHouseSqlPreprocessor(sql, tokens, columnNames);
    }

    /** Takes a top-level {@code SETTINGS ...} and {@code FORMAT name} off the end; returns where the query ends. */
    private int takeTrailingClauses() {
        int end = tokens.size();
        int depth = 0;
        int settingsAt = -1;
        int formatAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (isOpen(t)) {
                depth++;
            } else if (isClose(t)) {
                depth--;
            } else if (depth == 0 && t.isWord("SETTINGS") && settingsAt < 0
                    && !(i > 0 && tokens.get(i - 1).text().equals("."))) { // not the table system.settings
                settingsAt = i;
            } else if (depth == 0 && t.isWord("FORMAT") && i == tokens.size() - 2) {
                formatAt = i;
            }
        }
        if (formatAt >= 0) {
            format = tokens.get(formatAt + 1).text();
            end = formatAt;
        }
        if (settingsAt >= 0) {
            parseSettings(settingsAt + 1, end);
            end = Math.min(end, settingsAt);
        }
        return end;
    }

    private void parseSettings(int from, int to) {
        int i = from;
        while (i < to) {
            if (i + 2 >= to || tokens.get(i).kind() != Kind.WORD || !tokens.get(i + 1).text().equals("=")) {
                throw new TenantSqlException(Reason.SYNTAX, "SETTINGS must be a list of name = value pairs, e.g. "
                        + "SETTINGS max_threads = 2");
            }
            String name = tokens.get(i).text();
            Token value = tokens.get(i + 2);
            i += 3;
            String text = value.kind() == Kind.STRING ? ClickHouseQuoting.string(value(value)) : value.text();
            if (value.text().equals("-") && i < to) {
                text = "-" + tokens.get(i).text();
                i++;
            }
            settings.put(name, text);
            if (i < to) {
                if (!tokens.get(i).text().equals(",")) {
                    throw new TenantSqlException(Reason.SYNTAX, "SETTINGS must be a comma-separated list of name = "
                            + "value pairs");
                }
                i++;
            }
        }
    }

    /** Names given with {@code AS name} are names wherever they appear, even when they are reserved words. */
    private void collectAliases(int end) {
        for (int i = 1; i < end; i++) {
            if (tokens.get(i - 1).isWord("AS") && tokens.get(i).kind() == Kind.WORD
                    && (i + 1 >= end || !tokens.get(i + 1).text().equals("("))) {
                names.add(tokens.get(i).text());
            }
        }
    }

    private void emit(int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            i = emitOne(i, to, out);
        }
    }

    /** Emits the construct that starts at token {@code i}; returns the index after it. */
    private int emitOne(int i, int to, StringBuilder out) {
        Token t = tokens.get(i);
        Token next = i + 1 < to ? tokens.get(i + 1) : null;
        switch (t.kind()) {
            case STRING -> {
                append(out, i, calciteString(value(t)));
                return i + 1;
            }
            case QUOTED_NAME -> {
                String name = value(t);
                if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                    throw new TenantSqlException(Reason.UNSUPPORTED, "The name at position " + t.start() + " holds a "
                            + "line break, which the gateway does not support in names: rename it with AS");
                }
                append(out, i, backTick(name));
                return i + 1;
            }
            case NUMBER -> {
                append(out, i, t.text());
                return i + 1;
            }
            case SYMBOL -> {
                return emitSymbol(i, to, out);
            }
            default -> {
                return emitWord(i, to, next, out);
            }
        }
    }

    private int emitSymbol(int i, int to, StringBuilder out) {
        Token t = tokens.get(i);
        if (t.text().equals("[") && !isSubscript(i)) {
            int close = matching(i, to);
            append(out, i, "`array`(");
            emit(i + 1, close, out);
            out.append(')');
            return close + 1;
        }
        if (t.text().equals("{")) {
            return emitBrace(i, to, out);
        }
        append(out, i, t.text());
        return i + 1;
    }

    /** ODBC escapes and ClickHouse's {@code {name:Type}} query parameters. */
    private int emitBrace(int i, int to, StringBuilder out) {
        int close = matching(i, to);
        Token kind = i + 1 < close ? tokens.get(i + 1) : null;
        if (kind != null && kind.kind() == Kind.WORD && i + 2 < close && tokens.get(i + 2).text().equals(":")) {
            List<Token> type = tokens.subList(i + 3, close);
            if (!PARAMETER_NAME.matcher(kind.text()).matches()) {
                throw new TenantSqlException(Reason.SYNTAX, "Query parameter name " + kind.text() + " is not valid: "
                        + "use letters, digits and _");
            }
            if (type.stream().anyMatch(t -> (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_NAME)
                    && t.text().equalsIgnoreCase("Identifier"))) {
                // ClickHouse makes the value a name, so a parameter could name any table of the gateway's account
                throw TenantPolicy.Refusal.IDENTIFIER_PARAMETER.exception();
            }
            placeholders.add("{" + kind.text() + ":" + ClickHouseTypeText.of(type, "query parameter {"
                    + kind.text() + ":...}") + "}");
            append(out, i, "?");
            return close + 1;
        }
        if (kind == null || kind.kind() != Kind.WORD) {
            throw new TenantSqlException(Reason.SYNTAX, "Unexpected '{' at position " + tokens.get(i).start()
                    + ": braces are only allowed for ODBC escapes ({fn ...}, {d '...'}, {ts '...'}) and query "
                    + "parameters ({name:Type})");
        }
        String word = kind.text().toLowerCase(Locale.ROOT);
        switch (word) {
            case "fn", "oj", "escape" -> {
                if (word.equals("escape")) {
                    append(out, i, "ESCAPE");
                }
                if (word.equals("fn") && i + 3 < close && tokens.get(i + 2).isWord("DAYOFWEEK")
                        && tokens.get(i + 3).text().equals("(")) {
                    // ODBC counts from Sunday = 1; ClickHouse's DAYOFWEEK from Monday = 1 unless told mode 3
                    int argsClose = matching(i + 3, close);
                    append(out, i + 2, "`toDayOfWeek`(");
                    emit(i + 4, argsClose, out);
                    out.append(", 3)");
                    emit(argsClose + 1, close, out);
                } else if (word.equals("fn") && i + 3 < close && tokens.get(i + 2).isWord("CONVERT")
                        && tokens.get(i + 3).text().equals("(")) {
                    // {fn CONVERT(x, SQL_VARCHAR)} is a cast, as the ODBC driver rewrites it, not SQL's CONVERT
                    int argsClose = matching(i + 3, close);
                    append(out, i + 2, "`CAST`(");
                    emit(i + 4, argsClose - 2, out);
                    out.append(", '").append(OdbcConvert.type(tokens.get(argsClose - 2), tokens.get(argsClose - 1)))
                            .append("')");
                    emit(argsClose + 1, close, out);
                } else {
                    emit(i + 2, close, out);
                }
            }
            case "d", "t", "ts" -> {
                append(out, i, word.equals("d") ? "DATE" : word.equals("t") ? "TIME" : "TIMESTAMP");
                emit(i + 2, close, out);
            }
            default -> throw new TenantSqlException(Reason.SYNTAX, "Unknown ODBC escape {" + kind.text()
                    + " ...}: supported are {fn ...}, {d '...'}, {t '...'}, {ts '...'} and {oj ...}");
        }
        return close + 1;
    }

    private int emitWord(int i, int to, Token next, StringBuilder out) {
        Token t = tokens.get(i);
        String upper = t.text().toUpperCase(Locale.ROOT);
        refuseClickHouseOnlyClauses(i, to, upper, next);
        if (upper.equals("FINAL")) {
            if (i > 0 && isName(tokens.get(i - 1))) {
                return i + 1; // the views are already deduplicated: FINAL changes nothing, so it is dropped
            }
            throw new TenantSqlException(Reason.SYNTAX, "FINAL must follow a table name, e.g. FROM "
                    + "current_entities_final FINAL (it is not needed: every tenant view is already deduplicated)");
        }
        if (upper.equals("SAMPLE") && i > 0 && isName(tokens.get(i - 1)) && next != null
                && next.kind() == Kind.NUMBER) {
            // no table under the views has a sampling key, so ClickHouse reads every row: SAMPLE changes nothing
            return afterSample(i + 1, to);
        }
        if (next != null && next.text().equals("(") && next.kind() == Kind.SYMBOL) {
            return emitCall(i, to, upper, out);
        }
        if (PARSER_METADATA.isReservedWord(upper) && names.contains(t.text()) && usedAsName(i, to)) {
            append(out, i, backTick(t.text()));
        } else {
            append(out, i, t.text());
        }
        return i + 1;
    }

    private int emitCall(int i, int to, String upper, StringBuilder out) {
        Token t = tokens.get(i);
        int close = matching(i + 1, to);
        if (upper.equals("CAST")) {
            return emitCast(i, close, out);
        }
        boolean quantifier = QUANTIFIERS.contains(upper) && i > 0 && isComparison(tokens.get(i - 1));
        // POSITION(x IN y) and EXTRACT(YEAR FROM t) are SQL; position(s, x) and extract(s, regexp) are ClickHouse's
        boolean positionIn = upper.equals("POSITION") && hasTopLevelWord(i + 2, close, "IN");
        if (upper.equals("EXTRACT") && hasTopLevelWord(i + 2, close, "FROM")) {
            return emitExtract(i, close, out);
        }
        // SELECT * REPLACE (x AS c) is syntax (also after EXCEPT (...)); replace(s, from, to) is ClickHouse's function
        boolean starReplace = upper.equals("REPLACE") && hasTopLevelWord(i + 2, close, "AS");
        if (NATIVE.contains(upper) || quantifier || positionIn || starReplace || inCastType(i)) {
            append(out, i, t.text());
            if (upper.equals("COUNT") && close == i + 2) {
                out.append("(*)");
                return close + 1;
            }
            return i + 1;
        }
        if (close + 1 < to && tokens.get(close + 1).text().equals("(")) {
            // parametric aggregate: name(parameters)(arguments)
            int argsClose = matching(close + 1, to);
            append(out, i, backTick(t.text()) + "(");
            emit(close + 2, argsClose, out);
            out.append(argsClose > close + 2 ? ", " : "").append('`').append(PARAMS_FUNCTION).append("`(");
            emit(i + 2, close, out);
            out.append("))");
            return argsClose + 1;
        }
        append(out, i, backTick(t.text()));
        return i + 1;
    }

    /**
     * {@code EXTRACT(YEAR FROM t)} becomes {@code `toYear`(t)}, as ClickHouse itself reads it: Calcite's EXTRACT
     * wants a date type the validator does not know.
     */
    private int emitExtract(int i, int close, StringBuilder out) {
        Token unit = tokens.get(i + 2);
        String function = EXTRACT_UNITS.get(unit.text().toUpperCase(Locale.ROOT));
        if (function == null || !tokens.get(i + 3).text().equalsIgnoreCase("FROM")) {
            throw unsupported("EXTRACT(" + unit.text() + " FROM ...)", "EXTRACT takes one of "
                    + String.join(", ", EXTRACT_UNITS.keySet()) + "; or use ClickHouse's date functions "
                    + "(toDayOfWeek, toDayOfYear, toUnixTimestamp, ...)");
        }
        append(out, i, backTick(function) + "(");
        emit(i + 4, close, out);
        out.append(")");
        return close + 1;
    }

    /** {@code CAST(x AS Type)} becomes {@code `CAST`(x, 'Type')}: Calcite does not know ClickHouse's type names. */
    private int emitCast(int i, int close, StringBuilder out) {
        int as = -1;
        int depth = 0;
        for (int k = i + 2; k < close; k++) {
            Token t = tokens.get(k);
            if (isOpen(t)) {
                depth++;
            } else if (isClose(t)) {
                depth--;
            } else if (depth == 0 && t.isWord("AS")) {
                as = k;
            }
        }
        if (as < 0) {
            append(out, i, "`" + tokens.get(i).text() + "`");
            return i + 1; // CAST(x, 'Type'): already a plain call
        }
        if (as + 1 >= close) {
            throw new TenantSqlException(Reason.SYNTAX, "CAST(x AS Type) needs a type after AS");
        }
        append(out, i, "`" + tokens.get(i).text() + "`(");
        emit(i + 2, as, out);
        out.append(", ").append(calciteString(ClickHouseTypeText.of(tokens.subList(as + 1, close), "CAST(x AS ...)")))
                .append(')');
        return close + 1;
    }

    /** The end of {@code SAMPLE k [/ n] [OFFSET m [/ n]]}, from the token after SAMPLE. */
    private int afterSample(int i, int to) {
        i = afterRatio(i, to);
        return i < to && tokens.get(i).isWord("OFFSET") && i + 1 < to && tokens.get(i + 1).kind() == Kind.NUMBER
                ? afterRatio(i + 1, to) : i;
    }

    private int afterRatio(int i, int to) {
        return i + 2 < to && tokens.get(i + 1).text().equals("/") && tokens.get(i + 2).kind() == Kind.NUMBER
                ? i + 3 : i + 1;
    }

    private void refuseClickHouseOnlyClauses(int i, int to, String upper, Token next) {
        String nextUpper = next == null || next.kind() != Kind.WORD ? "" : next.text().toUpperCase(Locale.ROOT);
        if (upper.equals("PASTE") && nextUpper.equals("JOIN")) {
            throw unsupported("PASTE JOIN", "join on a row number: row_number() OVER () in both subqueries");
        }
        if (upper.equals("INTO") && nextUpper.equals("OUTFILE")) {
            throw TenantPolicy.Refusal.INTO_OUTFILE.exception();
        }
    }

    private static TenantSqlException unsupported(String what, String instead) {
        return new TenantSqlException(Reason.UNSUPPORTED, what + " is not supported by the gateway: " + instead);
    }

    /** A reserved word is a name unless it is used as the keyword: a literal prefix, a type, an interval unit. */
    private boolean usedAsName(int i, int to) {
        Token next = i + 1 < to ? tokens.get(i + 1) : null;
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        if (next != null && next.kind() == Kind.STRING) {
            return false; // TIMESTAMP '2024-01-01 00:00:00'
        }
        if (prev != null && (prev.kind() == Kind.NUMBER || prev.kind() == Kind.STRING || prev.isWord("TO"))) {
            return false; // INTERVAL 1 DAY, INTERVAL '1' YEAR TO MONTH
        }
        return !inCastType(i);
    }

    /** True inside the type of {@code CAST(x AS type)} (which emitCast handles whole) or after {@code ::}. */
    private boolean inCastType(int i) {
        return i > 1 && tokens.get(i - 1).text().equals(":") && tokens.get(i - 2).text().equals(":");
    }

    private boolean isSubscript(int i) {
        if (i == 0) {
            return false;
        }
        Token prev = tokens.get(i - 1);
        if (prev.kind() == Kind.QUOTED_NAME || prev.text().equals(")") || prev.text().equals("]")) {
            return true;
        }
        return prev.kind() == Kind.WORD && !PARSER_METADATA.isReservedWord(prev.text().toUpperCase(Locale.ROOT));
    }

    private static boolean isName(Token t) {
        return t.kind() == Kind.QUOTED_NAME
                || t.kind() == Kind.WORD && !PARSER_METADATA.isReservedWord(t.text().toUpperCase(Locale.ROOT));
    }

    private static boolean isComparison(Token t) {
        return t.kind() == Kind.SYMBOL && "=<>!".contains(t.text());
    }

    private boolean hasTopLevelWord(int from, int to, String word) {
        int depth = 0;
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (isOpen(t)) {
                depth++;
            } else if (isClose(t)) {
                depth--;
            } else if (depth == 0 && t.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the bracket closing the one at {@code open}; brackets of other kinds must nest inside. */
    private int matching(int open, int to) {
        ArrayDeque<String> expected = new ArrayDeque<>();
        for (int k = open; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (isOpen(t)) {
                expected.push(CLOSING.get(t.text()));
            } else if (isClose(t)) {
                if (!t.text().equals(expected.peek())) {
                    throw new TenantSqlException(Reason.SYNTAX, "The bracket '" + t.text() + "' at position "
                            + t.start() + " does not close the bracket before it: check the brackets");
                }
                expected.pop();
                if (expected.isEmpty()) {
                    return k;
                }
            }
        }
        throw new TenantSqlException(Reason.SYNTAX, "The bracket '" + tokens.get(open).text() + "' at position "
                + tokens.get(open).start() + " is never closed");
    }

    private static boolean isOpen(Token t) {
        return t.kind() == Kind.SYMBOL && (t.text().equals("(") || t.text().equals("[") || t.text().equals("{"));
    }

    private static boolean isClose(Token t) {
        return t.kind() == Kind.SYMBOL && (t.text().equals(")") || t.text().equals("]") || t.text().equals("}"));
    }

    /** Appends a token's text, keeping tokens that touched in the source touching (so {@code <=} stays whole). */
    private void append(StringBuilder out, int i, String text) {
        if (out.length() > 0 && (i == 0 || tokens.get(i).start() != tokens.get(i - 1).end())) {
            out.append(' ');
        }
        out.append(text);
    }

    private static String value(Token t) {
        try {
            return t.value();
        } catch (IllegalArgumentException e) {
            throw new TenantSqlException(Reason.SYNTAX, "The string or name at position " + t.start() + " has an "
                    + "escape the gateway cannot read: " + e.getMessage());
        }
    }

    /** A value as a literal of Calcite's grammar, where only the doubled quote escapes. */
    private static String calciteString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String backTick(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
