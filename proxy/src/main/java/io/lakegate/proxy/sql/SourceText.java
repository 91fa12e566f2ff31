package io.lakegate.proxy.sql;

import org.apache.calcite.sql.parser.SqlParserPos;

/** The text a tree was parsed from, to read back what stood at a node's position (line and column from 1). */
final class SourceText {
    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        this.lineStarts = text.lines().count() == 0 ? new int[] {0} : lineStarts(text);
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[(int) text.chars().filter(c -> c == '\n').count() + 1];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    /** The word (letters, digits, {@code _}) that starts at {@code pos}, or null. */
    String wordAt(SqlParserPos pos) {
        if (pos.getLineNum() < 1 || pos.getLineNum() > lineStarts.length) {
            return null;
        }
        int start = lineStarts[pos.getLineNum() - 1] + pos.getColumnNum() - 1;
        int end = start;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return end > start ? text.substring(start, end) : null;
    }
}
