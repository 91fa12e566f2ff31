package io.lakegate.proxy.clickhouse;

import io.lakegate.engine.protocol.SqlScanner;

import java.util.List;
import java.util.Locale;

/**
 * Which way a statement of the ClickHouse door goes: a catalog query (it names a system table) is parsed by
 * ClickHouse and checked on ClickHouse's syntax tree by the tenant policy; any other statement is parsed by the
 * gateway and bound by it. Both ways refuse what they do not know, so a query sent the wrong way is refused, never
 * let through: the choice is not an access decision.
 */
final class CatalogQueries {
    private CatalogQueries() {
    }

    /** True if the statement names a system or information-schema table or reads VALUES: a catalog query. */
    static boolean isCatalogQuery(String sql) {
        List<SqlScanner.Token> tokens = SqlScanner.scan(sql).tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlScanner.Token t = tokens.get(i);
            boolean name = t.kind() == SqlScanner.Kind.WORD || t.kind() == SqlScanner.Kind.QUOTED_NAME;
            String lower = t.text().toLowerCase(Locale.ROOT);
            if (name && (lower.equals("system") || lower.equals("information_schema"))
                    && tokens.get(i + 1).text().equals(".")) {
                return true;
            }
            // FROM VALUES (...): the constant rows drivers answer metadata calls with (getClientInfoProperties)
            if (t.isWord("FROM") && tokens.get(i + 1).isWord("VALUES")) {
                return true;
            }
        }
        return false;
    }
}
