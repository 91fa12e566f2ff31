package io.lakegate.proxy.clickhouse;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.engine.protocol.SqlScanner;
import io.lakegate.engine.protocol.SqlScanner.Kind;
import io.lakegate.engine.protocol.SqlScanner.Token;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;

import java.util.List;
import java.util.Locale;

/**
 * The catalog statements clients send besides SELECTs ({@code SHOW DATABASES}, {@code SHOW TABLES}, {@code DESCRIBE},
 * {@code EXISTS}, {@code USE}), written as the equivalent SELECT over the tenant-filtered catalog tables, so their
 * answer has ClickHouse's own columns and comes in any output format.
 */
final class CatalogStatements {
    private CatalogStatements() {
    }

    /** The SELECT that answers {@code sql}, or {@code sql} itself when it is not such a statement. */
    static String translate(String sql, TenantCatalog catalog) {
        SqlScanner scanner = SqlScanner.scan(sql);
        List<Token> tokens = scanner.tokens().stream().filter(t -> !t.text().equals(";")).toList();
        String first = scanner.firstKeyword();
        String format = scanner.outputFormat();
        String suffix = format == null ? "" : " FORMAT " + format;
        String db = ClickHouseQuoting.string(catalog.database());
        switch (first) {
            case "SHOW" -> {
                String what = word(tokens, 1);
                if (what.equals("DATABASES") || what.equals("SCHEMAS")) {
                    return "SELECT name FROM system.databases ORDER BY name" + suffix;
                }
                if (what.equals("TABLES")) {
                    String like = "";
                    for (int i = 2; i + 1 < tokens.size(); i++) {
                        if (tokens.get(i).isWord("LIKE") || tokens.get(i).isWord("ILIKE")) {
                            like = " AND name " + tokens.get(i).text().toUpperCase(Locale.ROOT) + " "
                                    + ClickHouseQuoting.string(tokens.get(i + 1).value());
                        }
                    }
                    return "SELECT name FROM system.tables WHERE database = " + db + like + " ORDER BY name" + suffix;
                }
                throw new TenantSqlException(Reason.UNSUPPORTED, "SHOW " + what + " is not supported by the gateway: "
                        + "use SHOW DATABASES, SHOW TABLES or DESCRIBE TABLE name");
            }
            case "DESCRIBE", "DESC" -> {
                TenantCatalog.Table table = table(tokens, catalog);
                return "SELECT name, type, default_kind AS default_type, default_expression, comment, "
                        + "compression_codec AS codec_expression, '' AS ttl_expression FROM system.columns "
                        + "WHERE database = " + db + " AND table = " + ClickHouseQuoting.string(table.physical())
                        + " ORDER BY position" + suffix;
            }
            case "EXISTS" -> {
                boolean exists;
                try {
                    table(tokens, catalog);
                    exists = true;
                } catch (TenantSqlException e) {
                    exists = false;
                }
                return "SELECT toUInt8(" + (exists ? 1 : 0) + ") AS result" + suffix;
            }
            case "USE" -> {
                String name = tokens.size() > 1 ? tokens.get(1).text() : "";
                TenantPolicy.checkDatabase(catalog, name);
                return "SELECT 1 AS ok LIMIT 0" + suffix;
            }
            default -> {
                return sql;
            }
        }
    }

    private static String word(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).text().toUpperCase(Locale.ROOT) : "";
    }

    /** The table named after DESCRIBE/EXISTS [TABLE]: {@code name}, {@code db.name}, quoted or not. */
    private static TenantCatalog.Table table(List<Token> tokens, TenantCatalog catalog) {
        int i = 1;
        if (i < tokens.size() && tokens.get(i).isWord("TABLE")) {
            i++;
        }
        List<Token> names = tokens.subList(Math.min(i, tokens.size()), tokens.size()).stream()
                .filter(t -> t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_NAME)
                .filter(t -> !t.isWord("FORMAT") && !t.isWord("SETTINGS")).toList();
        String name = names.isEmpty() ? "" : names.size() >= 2 && names.get(0).text().equals(catalog.database())
                ? names.get(1).text() : names.get(0).text();
        return catalog.table(name).orElseThrow(() -> new TenantSqlException(Reason.UNKNOWN_TABLE, "Table " + name
                + " does not exist in your catalog"));
    }
}
