package io.lakegate.proxy.policy;

import io.lakegate.engine.protocol.SqlScanner;
import io.lakegate.engine.protocol.SqlScanner.Kind;
import io.lakegate.engine.protocol.SqlScanner.Token;

import java.util.List;
import java.util.Set;

/**
 * The SET statements clients send on their own that ask for what the gateway already enforces: DBeaver's read-only
 * connection sends {@code SET readonly = 1}. Every tenant query runs with {@code readonly = 1}, stricter than or
 * equal to what these ask, so they are accepted and change nothing; any other SET is refused as before (a setting
 * the gateway ignored silently would give answers the tenant did not ask for).
 */
final class HarmlessSet {
    private static final Set<String> READONLY_VALUES = Set.of("1", "2");

    private HarmlessSet() {
    }

    /** True if {@code sql} is {@code SET readonly = 1} (or 2, quoted or not, with a trailing semicolon or not). */
    static boolean matches(String sql) {
        SqlScanner scanner = SqlScanner.scan(sql);
        if (scanner.unterminated() || scanner.statementCount() != 1) {
            return false;
        }
        List<Token> t = scanner.tokens().stream().filter(token -> !token.text().equals(";")).toList();
        return t.size() == 4 && t.get(0).isWord("SET") && t.get(1).isWord("readonly") && t.get(2).text().equals("=")
                && (t.get(3).kind() == Kind.NUMBER || t.get(3).kind() == Kind.STRING)
                && READONLY_VALUES.contains(t.get(3).value());
    }
}
