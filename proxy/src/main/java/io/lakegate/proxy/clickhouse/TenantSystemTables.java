package io.lakegate.proxy.clickhouse;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.engine.protocol.SqlScanner;
import io.lakegate.engine.protocol.SqlScanner.Kind;
import io.lakegate.engine.protocol.SqlScanner.Token;
import io.lakegate.proxy.catalog.TenantCatalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code system.tables} and {@code system.columns} as a tenant sees them in a catalog query: each of its views twice,
 * by its full name ({@code 16581729_entity_operations}, the original product's name) and by its short name
 * ({@code entity_operations}, the name a report shared between orgs is built on), as the JDBC door lists them; and
 * nothing of how a view is made (its query, the tables it loads from, its definer), which would name the lake's
 * internal views and their org parameter. Every read of the two tables in a query becomes a subquery of that shape,
 * with the columns and types of the table it replaces, so a driver's own catalog SQL runs unchanged.
 */
final class TenantSystemTables {
    /** What ClickHouse may write after a table in FROM: anything else there is the table's alias. */
    private static final Set<String> AFTER_TABLE = Set.of("WHERE", "PREWHERE", "JOIN", "INNER", "LEFT", "RIGHT",
            "FULL", "CROSS", "ANY", "ALL", "SEMI", "ANTI", "ASOF", "GLOBAL", "ARRAY", "ON", "USING", "ORDER", "GROUP",
            "HAVING", "LIMIT", "OFFSET", "SETTINGS", "FORMAT", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "QUALIFY",
            "FINAL", "SAMPLE", "PASTE", "INTO");
    /** Columns of system.tables that tell how a view is made or where the server keeps it. */
    private static final String TABLES_HIDDEN = "'' AS create_table_query, '' AS as_select, '' AS engine_full, "
            + "'' AS definer, '' AS metadata_path, '' AS target_database, '' AS target_table, "
            + "CAST([], 'Array(String)') AS data_paths, "
            + "CAST([], 'Array(String)') AS dependencies_database, CAST([], 'Array(String)') AS dependencies_table, "
            + "CAST([], 'Array(String)') AS loading_dependencies_database, "
            + "CAST([], 'Array(String)') AS loading_dependencies_table, "
            + "CAST([], 'Array(String)') AS loading_dependent_database, "
            + "CAST([], 'Array(String)') AS loading_dependent_table, "
            + "CAST([], 'Array(Tuple(name String, type String))') AS parameterized_view_parameters";

    private TenantSystemTables() {
    }

    /** {@code sql} with every read of system.tables and system.columns replaced by the tenant's view of it. */
    static String rewrite(String sql, TenantCatalog catalog) {
        List<Token> tokens = SqlScanner.scan(sql).tokens();
        // system.tables.name is a column of the table's alias in FROM, wherever the alias is given
        Map<String, String> aliases = new HashMap<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            String table = systemTable(tokens, i);
            Token next = i + 3 < tokens.size() ? tokens.get(i + 3) : null;
            if (table != null && next != null && isAlias(next)) {
                Token alias = next.isWord("AS") && i + 4 < tokens.size() ? tokens.get(i + 4) : next;
                aliases.putIfAbsent(table, alias.text());
            }
        }
        StringBuilder out = new StringBuilder(sql.length() + 1024);
        int copied = 0;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            String table = systemTable(tokens, i);
            if (table == null) {
                continue;
            }
            out.append(sql, copied, tokens.get(i).start());
            Token next = i + 3 < tokens.size() ? tokens.get(i + 3) : null;
            if (next != null && next.text().equals(".")) {
                out.append(aliases.getOrDefault(table, "`" + table + "`"));
            } else {
                out.append(table.equals("tables") ? tables(catalog) : columns(catalog));
                if (next == null || !isAlias(next)) {
                    out.append(" AS `").append(table).append('`');
                }
            }
            copied = tokens.get(i + 2).end();
            i += 2;
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    /** "tables" or "columns" if the tokens at {@code i} name system.tables or system.columns. */
    private static String systemTable(List<Token> tokens, int i) {
        if (!isName(tokens.get(i), "system") || !tokens.get(i + 1).text().equals(".")) {
            return null;
        }
        Token t = tokens.get(i + 2);
        return isName(t, "tables") ? "tables" : isName(t, "columns") ? "columns" : null;
    }

    private static boolean isName(Token t, String name) {
        return (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_NAME) && t.value().equals(name);
    }

    private static boolean isAlias(Token t) {
        return t.isWord("AS") || t.kind() == Kind.QUOTED_NAME
                || t.kind() == Kind.WORD && !AFTER_TABLE.contains(t.text().toUpperCase(Locale.ROOT));
    }

    private static String tables(TenantCatalog catalog) {
        String shortName = shortName(catalog, "name");
        return "(SELECT * REPLACE (" + shortName + " AS name, " + TABLES_HIDDEN + "), " + shortName + " AS `table` "
                + "FROM system.tables UNION ALL SELECT * REPLACE (" + TABLES_HIDDEN + "), name AS `table` "
                + "FROM system.tables)";
    }

    private static String columns(TenantCatalog catalog) {
        return "(SELECT * REPLACE (" + shortName(catalog, "table") + " AS `table`), name AS `column` "
                + "FROM system.columns UNION ALL SELECT *, name AS `column` FROM system.columns)";
    }

    /** The short name of the view named by {@code column} (ClickHouse filters the rows to the tenant's views). */
    private static String shortName(TenantCatalog catalog, String column) {
        if (catalog.tables().isEmpty()) {
            return column;
        }
        return "transform(" + column + ", " + array(catalog, TenantCatalog.Table::physical) + ", "
                + array(catalog, TenantCatalog.Table::name) + ", " + column + ")";
    }

    private static String array(TenantCatalog catalog, java.util.function.Function<TenantCatalog.Table, String> f) {
        return catalog.tables().stream().map(t -> ClickHouseQuoting.string(f.apply(t)))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
