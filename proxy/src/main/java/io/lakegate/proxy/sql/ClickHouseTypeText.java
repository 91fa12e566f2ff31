package io.lakegate.proxy.sql;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.engine.protocol.SqlScanner.Kind;
import io.lakegate.engine.protocol.SqlScanner.Token;
import io.lakegate.proxy.sql.TenantSqlException.Reason;

import java.util.List;
import java.util.Set;

/**
 * A ClickHouse type name as a tenant wrote it ({@code Nullable(String)}, {@code DateTime64(3, 'UTC')},
 * {@code Tuple(a String, b Array(UInt8))}, {@code Enum8('a' = 1)}), read from its tokens and printed again from them,
 * never copied: only names, numbers, strings, commas, {@code =}, {@code -}, {@code .} and balanced round brackets can
 * make up a type, and each is printed in its one unambiguous form, so a type can neither end early nor carry SQL.
 */
final class ClickHouseTypeText {
    private static final Set<String> SYMBOLS = Set.of(",", "=", "-", ".");

    private ClickHouseTypeText() {
    }

    /** The type made of {@code tokens}, printed canonically; refused with a clear error if it is not one. */
    static String of(List<Token> tokens, String where) {
        if (tokens.isEmpty() || tokens.get(0).kind() != Kind.WORD) {
            throw notAType(where);
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        Token previous = null;
        for (Token t : tokens) {
            String text = switch (t.kind()) {
                case WORD -> t.text();
                case NUMBER -> t.text();
                case STRING -> ClickHouseQuoting.string(value(t, where));
                case QUOTED_NAME -> ClickHouseSyntax.typeWord(value(t, where));
                case SYMBOL -> {
                    if (t.text().equals("(")) {
                        depth++;
                    } else if (t.text().equals(")")) {
                        if (--depth < 0) {
                            throw notAType(where);
                        }
                    } else if (!SYMBOLS.contains(t.text())) {
                        throw notAType(where);
                    }
                    yield t.text();
                }
            };
            if (previous != null && wordLike(previous) && wordLike(t)) {
                out.append(' ');
            }
            out.append(text);
            previous = t;
        }
        if (depth != 0) {
            throw notAType(where);
        }
        return out.toString();
    }

    private static boolean wordLike(Token t) {
        return t.kind() != Kind.SYMBOL;
    }

    private static String value(Token t, String where) {
        try {
            return t.value();
        } catch (IllegalArgumentException e) {
            throw new TenantSqlException(Reason.SYNTAX, "In " + where + ": " + e.getMessage());
        }
    }

    private static TenantSqlException notAType(String where) {
        return new TenantSqlException(Reason.SYNTAX, "The type in " + where + " is not a ClickHouse type name: write "
                + "one such as String, Nullable(Int64), DateTime64(3, 'UTC') or Array(String)");
    }
}
