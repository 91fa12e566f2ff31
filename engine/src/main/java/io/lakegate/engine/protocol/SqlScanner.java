package io.lakegate.engine.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ClickHouse's lexer (its {@code Parsers/Lexer.cpp}, token for token where it matters): where statements end, what
 * kind a statement is, its {@code FORMAT} clause, where the inline data of an {@code INSERT ... FORMAT X} begins, and
 * the tokens the gateway reads a tenant's query from. Strings ({@code '...'}, heredocs {@code $tag$...$tag$},
 * {@code \u2018...\u2019}), quoted names ({@code `...`}, {@code "..."}, {@code \u201C...\u201D}) and comments
 * ({@code --}, {@code //}, {@code # }, nested {@code /* *}{@code /}) end exactly where ClickHouse ends them, so a
 * {@code ;}, a bracket or {@code FORMAT} inside them never counts, and what the gateway reads as one token is one token
 * to ClickHouse too.
 */
public final class SqlScanner {
    /**
     * A lexical token. For strings and quoted names {@code text} is the body between the quotes and {@code quote}
     * the opening quote ({@code '$'} for a heredoc); {@link #value()} is what ClickHouse reads the body as.
     */
    public record Token(Kind kind, String text, int start, int end, char quote) {
        public Token(Kind kind, String text, int start, int end) {
            this(kind, text, start, end, (char) 0);
        }

        public boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        /** The string's or name's value: escapes decoded for the ASCII quotes; heredocs and Unicode quotes are raw. */
        public String value() {
            return quote == '\'' || quote == '"' || quote == '`' ? ClickHouseQuoting.decode(text, quote) : text;
        }
    }

    private static final char LEFT_SINGLE = '\u2018';
    private static final char RIGHT_SINGLE = '\u2019';
    private static final char LEFT_DOUBLE = '\u201C';
    private static final char RIGHT_DOUBLE = '\u201D';
    private static final Pattern NUMBER = Pattern.compile(
            "0[xX][0-9a-fA-F_]+(\\.[0-9a-fA-F_]*)?([pP][-+]?[0-9_]+)?|0[bB][01_]+"
                    + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9_]+)?|\\.[0-9_]+([eE][-+]?[0-9_]+)?");
    private static final Pattern INTEGER_PART = Pattern.compile(
            "[0-9][0-9_]*|0[xX][0-9a-fA-F_]+");
    private static final Pattern MANTISSA = Pattern.compile(
            "([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9_]+)[eE]|0[xX][0-9a-fA-F_]*(\\.[0-9a-fA-F_]*)?[pP]");

    public enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL }

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int statements;
    private int insertDataStart = -1;
    private int insertFormatStart = -1;
    private String insertFormat;
    private boolean unterminated;

    private SqlScanner(String sql) {
        this.sql = sql;
        scan();
    }

    public static SqlScanner scan(String sql) {
        return new SqlScanner(sql);
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** Number of non-empty statements separated by top-level semicolons. */
    public int statementCount() {
        return statements;
    }

    /** True if a string, quoted name or block comment is never closed. */
    public boolean unterminated() {
        return unterminated;
    }

    /** The first keyword in upper case ("SELECT", "INSERT", ...), or "" for an empty text. */
    public String firstKeyword() {
        for (Token t : tokens) {
            if (t.kind() == Kind.WORD) {
                return t.text().toUpperCase(Locale.ROOT);
            }
            if (!t.text().equals("(")) {
                return "";
            }
        }
        return "";
    }

    public boolean isInsert() {
        return firstKeyword().equals("INSERT");
    }

    /** For {@code INSERT ... FORMAT X <data>}: X; else null. */
    public String insertFormat() {
        return insertFormat;
    }

    /** For {@code INSERT ... FORMAT X <data>}: where the FORMAT keyword begins; else -1. */
    public int insertFormatStart() {
        return insertFormatStart;
    }

    /** For {@code INSERT ... FORMAT X <data>}: where the data begins (after one line break or space); else -1. */
    public int insertDataStart() {
        return insertDataStart;
    }

    /**
     * The output format named by a top-level {@code FORMAT name} at the end of a statement that is not an INSERT,
     * or null if there is none.
     */
    public String outputFormat() {
        if (isInsert()) {
            return null;
        }
        int depth = 0;
        String found = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals("(") || t.text().equals("[")) {
                depth++;
            } else if (t.text().equals(")") || t.text().equals("]")) {
                depth--;
            } else if (depth == 0 && t.isWord("FORMAT") && i + 1 < tokens.size()) {
                Token next = tokens.get(i + 1);
                boolean nameFollows = next.kind() == Kind.WORD || next.kind() == Kind.QUOTED_NAME;
                boolean endsThere = i + 2 >= tokens.size() || tokens.get(i + 2).isWord("SETTINGS")
                        || tokens.get(i + 2).text().equals(";");
                if (nameFollows && endsThere && !next.isWord("FROM")) {
                    found = next.text();
                }
            }
        }
        return found;
    }

    private void scan() {
        int i = 0;
        int n = sql.length();
        boolean statementHasTokens = false;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (sql.startsWith("--", i) || sql.startsWith("//", i)
                    || c == '#' && i + 1 < n && (sql.charAt(i + 1) == ' ' || sql.charAt(i + 1) == '!')) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (sql.startsWith("/*", i)) {
                i = blockCommentEnd(i);
            } else if (c == '\'' || c == '`' || c == '"') {
                int end = quotedEnd(i, c);
                String body = sql.substring(i + 1, Math.max(i + 1, end - 1));
                add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, body, i, end, c));
                statementHasTokens = true;
                i = end;
            } else if (c == LEFT_SINGLE || c == LEFT_DOUBLE) {
                char close = c == LEFT_SINGLE ? RIGHT_SINGLE : RIGHT_DOUBLE;
                int closeAt = sql.indexOf(close, i + 1);
                int end = closeAt < 0 ? n : closeAt + 1;
                unterminated |= closeAt < 0;
                add(new Token(c == LEFT_SINGLE ? Kind.STRING : Kind.QUOTED_NAME,
                        sql.substring(i + 1, Math.max(i + 1, end - 1)), i, end, c));
                statementHasTokens = true;
                i = end;
            } else if (c == '$' && heredocEnd(i) > 0) {
                int end = heredocEnd(i);
                int tag = sql.indexOf('$', i + 1) + 1 - i;
                add(new Token(Kind.STRING, sql.substring(i + tag, end - tag), i, end, '$'));
                statementHasTokens = true;
                i = end;
            } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1)) && !afterOperand()) {
                i = number(i);
                statementHasTokens = true;
            } else if (isWordChar(c) || c == '$' && i + 1 < n && isWordChar(sql.charAt(i + 1))) {
                int start = i;
                while (i < n && (isWordChar(sql.charAt(i)) || sql.charAt(i) == '$')) {
                    i++;
                }
                add(new Token(Kind.WORD, sql.substring(start, i), start, i));
                statementHasTokens = true;
                if (isInsertFormatName()) {
                    insertFormat = tokens.get(tokens.size() - 1).text();
                    insertFormatStart = tokens.get(tokens.size() - 2).start();
                    insertDataStart = dataStart(i);
                    statements++;
                    return; // the rest is data, not SQL
                }
            } else if (c == ';') {
                if (statementHasTokens) {
                    statements++;
                }
                statementHasTokens = false;
                add(new Token(Kind.SYMBOL, ";", i, i + 1));
                i++;
            } else {
                int width = Character.charCount(sql.codePointAt(i));
                add(new Token(Kind.SYMBOL, sql.substring(i, i + width), i, i + width));
                statementHasTokens = true;
                i += width;
            }
        }
        if (statementHasTokens) {
            statements++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** ClickHouse's words are ASCII: letters, digits and the underscore (and {@code $} after the first). */
    private static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** True after a name, a number or a closing bracket, where {@code .} is a dot, not the start of a number. */
    private boolean afterOperand() {
        if (tokens.isEmpty()) {
            return false;
        }
        Token prev = tokens.get(tokens.size() - 1);
        return prev.kind() != Kind.SYMBOL || prev.text().equals(")") || prev.text().equals("]");
    }

    /**
     * A number as ClickHouse's lexer reads it: after a dot only digits (so {@code t.1.2} is two tuple accesses); a
     * number followed by word characters is a name ({@code 16581729_entity_operations}).
     */
    private int number(int start) {
        int i = start;
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).text().equals(".")
                && tokens.get(tokens.size() - 1).end() == start) {
            while (i < sql.length() && isDigit(sql.charAt(i))) {
                i++;
            }
        } else {
            i = wordEnd(sql.charAt(i) == '.' ? i + 1 : i);
            if (i < sql.length() && sql.charAt(i) == '.' && INTEGER_PART.matcher(sql.substring(start, i)).matches()) {
                i = wordEnd(i + 1);
            }
            if (i + 1 < sql.length() && (sql.charAt(i) == '-' || sql.charAt(i) == '+')
                    && isDigit(sql.charAt(i + 1)) && MANTISSA.matcher(sql.substring(start, i)).matches()) {
                i = wordEnd(i + 1);
            }
        }
        String text = sql.substring(start, i);
        boolean word = !NUMBER.matcher(text).matches() && text.chars().allMatch(ch -> isWordChar((char) ch)
                || ch == '$');
        add(new Token(word ? Kind.WORD : Kind.NUMBER, text, start, i));
        return i;
    }

    private int wordEnd(int from) {
        int i = from;
        while (i < sql.length() && (isWordChar(sql.charAt(i)) || sql.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    /** Where a {@code $tag$...$tag$} heredoc starting at {@code i} ends, or -1 if none starts there. */
    private int heredocEnd(int i) {
        int tagEnd = sql.indexOf('$', i + 1);
        if (tagEnd < 0) {
            return -1;
        }
        String tag = sql.substring(i, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? -1 : close + tag.length();
    }

    private int blockCommentEnd(int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        unterminated = true;
        return sql.length();
    }

    private boolean isInsertFormatName() {
        int size = tokens.size();
        return size >= 2 && tokens.get(size - 2).isWord("FORMAT") && firstKeyword().equals("INSERT")
                && tokens.get(size - 1).kind() == Kind.WORD;
    }

    private int dataStart(int afterName) {
        int i = afterName;
        // ClickHouse skips the whitespace up to and including the first line break after the format name.
        while (i < sql.length() && (sql.charAt(i) == ' ' || sql.charAt(i) == '\t' || sql.charAt(i) == '\r')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    private int quotedEnd(int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        unterminated = true;
        return sql.length();
    }

    private void add(Token token) {
        tokens.add(token);
    }
}
