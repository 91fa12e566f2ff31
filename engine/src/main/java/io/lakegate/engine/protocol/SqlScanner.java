package io.lakegate.engine.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Just enough of ClickHouse's lexer for the HTTP layer: where statements end, what kind a statement is, its
 * {@code FORMAT} clause, and where the inline data of an {@code INSERT ... FORMAT X} begins. Strings, quoted names and
 * comments are skipped properly, so a {@code ;} or {@code FORMAT} inside them never counts.
 */
public final class SqlScanner {
    /** A lexical token; {@code quoted} is true for {@code `name`} and {@code "name"}. */
    public record Token(Kind kind, String text, int start, int end) {
        public boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

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
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                boolean closed = false;
                while (i < n) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            closed = true;
                            break;
                        }
                    } else {
                        i++;
                    }
                }
                unterminated |= !closed;
            } else if (c == '\'' || c == '`' || c == '"') {
                int end = quotedEnd(i, c);
                String body = sql.substring(i + 1, Math.max(i + 1, end - 1));
                add(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, body, i, end);
                statementHasTokens = true;
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                add(Kind.WORD, sql.substring(start, i), start, i);
                statementHasTokens = true;
                if (isInsertFormatName()) {
                    insertFormat = tokens.get(tokens.size() - 1).text();
                    insertFormatStart = tokens.get(tokens.size() - 2).start();
                    insertDataStart = dataStart(i);
                    statements++;
                    return; // the rest is data, not SQL
                }
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || (sql.charAt(i) == '-' || sql.charAt(i) == '+')
                        && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E'))) {
                    i++;
                }
                add(Kind.NUMBER, sql.substring(start, i), start, i);
                statementHasTokens = true;
            } else if (c == ';') {
                if (statementHasTokens) {
                    statements++;
                }
                statementHasTokens = false;
                add(Kind.SYMBOL, ";", i, i + 1);
                i++;
            } else {
                add(Kind.SYMBOL, String.valueOf(c), i, i + 1);
                statementHasTokens = true;
                i++;
            }
        }
        if (statementHasTokens) {
            statements++;
        }
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

    private void add(Kind kind, String text, int start, int end) {
        tokens.add(new Token(kind, text, start, end));
    }
}
