package io.lakegate.proxy.policy;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.sql.TenantSqlException;
import io.lakegate.proxy.sql.TenantSqlException.Reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a catalog query of the ClickHouse door may do: the statements BI tools and drivers send to
 * {@code system.tables}, {@code system.columns}, {@code system.databases} and a few harmless system tables. ClickHouse
 * parses them (they use its whole dialect: {@code ARRAY JOIN}, {@code ::}, {@code ? :}); this checks ClickHouse's
 * syntax tree ({@code EXPLAIN AST}) so that they read only those tables and call only allowed functions, and gives the
 * row filters with which ClickHouse itself keeps the three catalog tables to the tenant's objects, wherever in the query
 * they are read.
 */
final class CatalogQueryCheck {
    /** System tables a catalog query may read; the first three are filtered to the tenant. */
    static final Set<String> READABLE = Set.of("system.tables", "system.columns", "system.databases",
            "system.functions", "system.data_type_families", "system.table_engines", "system.formats",
            "system.time_zones", "system.aggregate_function_combinators", "system.collations", "system.one",
            "system.settings", "system.keywords");
    private static final Set<String> TABLE_FUNCTIONS = Set.of("values");
    private static final Set<String> IN_FUNCTIONS = Set.of("in", "notIn", "globalIn", "globalNotIn", "nullIn",
            "notNullIn", "globalNullIn", "globalNotNullIn");

    private CatalogQueryCheck() {
    }

    /** The rows of the catalog tables a tenant may see: its own objects ({@code additional_table_filters}). */
    static Map<String, String> filters(TenantCatalog catalog) {
        String db = ClickHouseQuoting.string(catalog.database());
        String tables = catalog.tables().stream().map(t -> ClickHouseQuoting.string(t.physical()))
                .collect(Collectors.joining(", "));
        return Map.of("system.tables", "database = " + db + " AND name IN (" + tables + ")",
                "system.columns", "database = " + db + " AND table IN (" + tables + ")",
                "system.databases", "name = " + db);
    }

    /** Columns of the catalog tables that describe the server (its paths), not the tenant's objects. */
    private static final Set<String> SERVER_COLUMNS = Set.of("data_path", "data_paths", "metadata_path");

    /** Checks ClickHouse's syntax tree of a catalog query; throws if it reads anything else. */
    static void check(String explainAst, FunctionAllowlist functions) {
        Node root = parse(explainAst);
        walk(root, functions);
        if (reads(root, "system.databases") || reads(root, "system.tables")) {
            refuseServerColumns(root);
        }
    }

    private static boolean reads(Node node, String table) {
        return node.text.startsWith("TableIdentifier ") && name(node.text, "TableIdentifier ").equals(table)
                || node.children.stream().anyMatch(child -> reads(child, table));
    }

    private static void refuseServerColumns(Node node) {
        if (node.text.equals("Asterisk") || node.text.startsWith("QualifiedAsterisk")) {
            throw refused("SELECT * is not available on system.databases and system.tables (some of their columns "
                    + "describe the server): list the columns you need, e.g. SELECT name FROM system.tables");
        }
        if (node.text.startsWith("Identifier ")) {
            String column = name(node.text, "Identifier ");
            String last = column.substring(column.lastIndexOf('.') + 1);
            if (SERVER_COLUMNS.contains(last)) {
                throw refused("Column " + last + " describes the server and is not available to tenants");
            }
        }
        node.children.forEach(CatalogQueryCheck::refuseServerColumns);
    }

    private static void walk(Node node, FunctionAllowlist functions) {
        String text = node.text;
        if (text.startsWith("TableIdentifier ")) {
            String table = name(text, "TableIdentifier ");
            if (!READABLE.contains(table)) {
                throw refused(table.toLowerCase(Locale.ROOT).startsWith("system.")
                        || table.toLowerCase(Locale.ROOT).startsWith("information_schema.")
                        ? "System table " + table + " is not available to tenants; catalog queries may read "
                                + String.join(", ", new java.util.TreeSet<>(READABLE))
                        : "A catalog query may only read system tables; query " + table + " in a query of its own");
            }
        } else if (text.equals("TableExpression")) {
            for (Node child : node.children) {
                if (!child.text.startsWith("Function ")) {
                    walk(child, functions);
                } else if (TABLE_FUNCTIONS.contains(name(child.text, "Function ").toLowerCase(Locale.ROOT))) {
                    // a table function is no call of the allowlist's: only its arguments are
                    child.children.forEach(argument -> walk(argument, functions));
                } else {
                    throw refused("Table function " + name(child.text, "Function ") + "() is not allowed");
                }
            }
            return;
        } else if (text.equals("Set") || text.startsWith("Set ")) {
            throw refused("SETTINGS inside a query are not allowed; put them at its end");
        } else if (text.startsWith("Function ")) {
            String function = name(text, "Function ");
            TenantPolicy.checkFunction(functions, function);
            if (IN_FUNCTIONS.contains(function) && node.children.size() == 1
                    && node.children.get(0).children.size() == 2
                    && node.children.get(0).children.get(1).text.startsWith("Identifier ")) {
                throw refused("x IN <table> is not allowed; use x IN (SELECT ...)");
            }
        } else if (!knownNode(text)) {
            throw refused("This kind of statement (" + text.split(" ")[0] + ") is not allowed in a catalog query");
        }
        for (Node child : node.children) {
            walk(child, functions);
        }
    }

    /** The node kinds of a plain SELECT; anything else (DDL, INSERT, SYSTEM, ...) is refused. */
    private static boolean knownNode(String text) {
        String kind = text.split(" ")[0];
        return Set.of("SelectWithUnionQuery", "SelectIntersectExceptQuery", "ExpressionList", "SelectQuery",
                "Identifier", "Literal", "TablesInSelectQuery", "TablesInSelectQueryElement", "TableJoin",
                "ArrayJoin", "Subquery", "Asterisk", "QualifiedAsterisk", "ColumnsRegexpMatcher", "OrderByElement",
                "WithElement", "QueryParameter", "WindowDefinition", "WindowListElement", "ColumnsTransformerList",
                "ColumnsApplyTransformer", "ColumnsExceptTransformer", "ColumnsReplaceTransformer",
                "ColumnsReplaceTransformer::Replacement", "InterpolateElement", "LimitByElement",
                "DataType", "NameTypePair", "ColumnsListMatcher", "QualifiedColumnsRegexpMatcher",
                "QualifiedColumnsListMatcher", "TableExpression", "TableIdentifier", "Function", "Set")
                .contains(kind);
    }

    private static String name(String line, String prefix) {
        String rest = line.substring(prefix.length());
        int cut = rest.indexOf(" (");
        return cut < 0 ? rest.strip() : rest.substring(0, cut).strip();
    }

    private static TenantSqlException refused(String message) {
        return new TenantSqlException(Reason.NOT_ALLOWED, message);
    }

    private static final class Node {
        final String text;
        final int depth;
        final List<Node> children = new ArrayList<>();

        Node(String text, int depth) {
            this.text = text;
            this.depth = depth;
        }
    }

    private static Node parse(String ast) {
        Node root = new Node("SelectWithUnionQuery", -1);
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        for (String line : ast.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == ' ') {
                depth++;
            }
            Node node = new Node(line.strip().replaceAll(" \\(children \\d+\\)$", ""), depth);
            while (stack.peek().depth >= depth) {
                stack.pop();
            }
            stack.peek().children.add(node);
            stack.push(node);
        }
        return root;
    }
}
