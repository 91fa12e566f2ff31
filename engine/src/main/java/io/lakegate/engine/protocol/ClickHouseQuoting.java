package io.lakegate.engine.protocol;

/**
 * ClickHouse's lexical rules for quoted text, both ways, in one place: every string literal and quoted name lakegate
 * prints goes through {@link #string} or {@link #identifier}, and every one it reads through {@link #decode}. Printing
 * escapes the backslash as well as the quote (ClickHouse reads {@code \`} as an escaped quote, so a name ending in a
 * backslash must never be printed bare) and writes control characters as {@code \xHH}, so the printed text is one
 * token on one line whatever the value holds.
 */
public final class ClickHouseQuoting {
    private ClickHouseQuoting() {
    }

    /** A string literal ClickHouse reads back as exactly {@code value}. */
    public static String string(String value) {
        return quote(value, '\'');
    }

    /**
     * The same literal with its quotes doubled rather than escaped, when the value needs no other escape: for text
     * that clients rewrite before it reaches ClickHouse (clickhouse-jdbc garbles {@code \'} inside the statements it
     * wraps in {@code DESC (...)}).
     */
    public static String plainString(String value) {
        boolean plain = value.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != '\\');
        return plain ? "'" + value.replace("'", "''") + "'" : string(value);
    }

    /** A back-quoted name ClickHouse reads back as exactly {@code name}. */
    public static String identifier(String name) {
        return quote(name, '`');
    }

    private static String quote(String value, char quote) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == quote) {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                sb.append(c);
            }
        }
        return sb.append(quote).toString();
    }

    /**
     * The value of a quoted token's body (the text between its quotes) as ClickHouse reads it: backslash escapes
     * ({@code \n}, {@code \xHH}, {@code \'}, ...; an unknown escape keeps its backslash) and the doubled quote.
     *
     * @throws IllegalArgumentException for an escape this gateway cannot hold as text ({@code \x} of a non-ASCII
     *                                  byte, which ClickHouse reads as a raw byte) or a malformed {@code \x}
     */
    public static String decode(String body, char quote) {
        if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
                sb.append(c);
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                switch (e) {
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'e' -> sb.append('\u001b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'v' -> sb.append('\u000b');
                    case '0' -> sb.append('\0');
                    case 'N' -> { } // ClickHouse reads \N as nothing here
                    case '\\', '\'', '"', '`', '/' -> sb.append(e);
                    case 'x' -> {
                        int hex = i + 2 < body.length() ? hexByte(body, i + 1) : -1;
                        if (hex < 0) {
                            throw new IllegalArgumentException("\\x must be followed by two hexadecimal digits");
                        }
                        if (hex >= 0x80) {
                            throw new IllegalArgumentException("\\x" + body.substring(i + 1, i + 3) + " is a raw "
                                    + "byte; write the character itself or use unhex()");
                        }
                        sb.append((char) hex);
                        i += 2;
                    }
                    default -> sb.append('\\').append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int hexByte(String s, int at) {
        int hi = Character.digit(s.charAt(at), 16);
        int lo = Character.digit(s.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }
}
