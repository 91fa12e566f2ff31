package io.lakegate.proxy.sql;

import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.sql.TenantSqlException.Reason;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlStarExclude;
import org.apache.calcite.sql.SqlStarReplace;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Binds a parsed query to one tenant: every table reference in a FROM becomes the org's own view
 * ({@code entity_operations} -> {@code `datawarehouse`.`16581729_entity_operations` AS `entity_operations`}, so
 * qualified column names still resolve), CTE names are left alone where they are in scope, and anything else in a
 * FROM (table functions, unknown names) is refused. The tenant policy decides each table and each function called;
 * the binder walks the tree, asks, and turns the preprocessor's stand-ins back into ClickHouse syntax. It changes the
 * tree in place.
 */
final class TenantBinder {
    private final TenantCatalog catalog;
    private final TenantPolicy policy;
    private final List<String> placeholders;
    private final SourceText source;
    /** The query's WITH values ({@code WITH (1, 2) AS s}) by name, bound, which {@code x IN s} may name. */
    private final Map<String, SqlNode> values = new HashMap<>();

    TenantBinder(TenantCatalog catalog, TenantPolicy policy, List<String> placeholders, SourceText source) {
        this.source = source;
        this.catalog = catalog;
        this.policy = policy;
        this.placeholders = placeholders;
    }

    SqlNode bind(SqlNode query) {
        return query(query, Set.of());
    }

    private SqlNode query(SqlNode node, Set<String> ctes) {
        if (node instanceof SqlWith with) {
            Set<String> scope = new HashSet<>(ctes);
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                if (withItem instanceof ScalarWithItem) {
                    withItem.query = expression(withItem.query, scope); // a value, not a table
                    values.put(withItem.name.getSimple(), withItem.query);
                    continue;
                }
                withItem.query = query(withItem.query, scope); // an item sees the items before it
                scope.add(withItem.name.getSimple());
            }
            with.setOperand(1, query(with.body, scope));
            return with;
        }
        if (node instanceof SqlOrderBy orderBy) {
            SqlNode inner = query(orderBy.query, ctes);
            expressions(orderBy.orderList, ctes);
            SqlNode offset = expression(orderBy.offset, ctes);
            SqlNode fetch = expression(orderBy.fetch, ctes);
            if (orderBy instanceof LimitByOrderBy limitBy) {
                expressions(limitBy.by, ctes);
            }
            if (inner instanceof SqlSelect select && select.getFetch() != null && (fetch != null
                    || offset != null)) {
                throw new TenantSqlException(Reason.SYNTAX, "TOP and LIMIT cannot be used together: write one");
            }
            if (inner instanceof SqlSelect select && select.getFetch() != null) {
                // SELECT TOP n ... ORDER BY: the limit applies after the ordering, so it is printed after it
                fetch = select.getFetch();
                select.setFetch(null);
            }
            return orderBy instanceof LimitByOrderBy limitBy
                    ? limitBy.with(inner, orderBy.orderList, offset, fetch)
                    : new SqlOrderBy(orderBy.getParserPosition(), inner, orderBy.orderList, offset, fetch);
        }
        if (node instanceof SqlSelect select) {
            if (ClickHouseSyntax.hasDistinctOn(select)) {
                throw new TenantSqlException(Reason.UNSUPPORTED, "DISTINCT ON is not supported in a part of a UNION, "
                        + "INTERSECT or EXCEPT: put that SELECT in parentheses");
            }
            if (select instanceof ClickHouseSyntax.InName in) {
                return inName(in, ctes);
            }
            if (select.getFrom() != null) {
                select.setFrom(from(select.getFrom(), ctes));
            }
            for (SqlNode list : new SqlNode[] {select.getSelectList(), select.getGroup(), select.getWindowList(),
                    select.getOrderList()}) {
                expressions(list, ctes);
            }
            // a clause that is one call may come back as another node (sequenceMatch(p)(x) in HAVING)
            select.setWhere(expression(select.getWhere(), ctes));
            select.setHaving(expression(select.getHaving(), ctes));
            select.setQualify(expression(select.getQualify(), ctes));
            select.setOffset(expression(select.getOffset(), ctes));
            select.setFetch(expression(select.getFetch(), ctes));
            return select;
        }
        if (node instanceof SqlCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
            for (int i = 0; i < call.operandCount(); i++) {
                call.setOperand(i, query(call.operand(i), ctes));
            }
            return call;
        }
        throw TenantPolicy.notAQuery(node.getKind());
    }

    /** {@code x IN name}: IN the rows of a table or WITH query, or IN a WITH value (a tuple, an array). */
    private SqlNode inName(ClickHouseSyntax.InName in, Set<String> ctes) {
        SqlIdentifier name = (SqlIdentifier) in.getFrom();
        if (name.isSimple() && !ctes.contains(name.getSimple()) && catalog.table(name.getSimple()).isEmpty()
                && values.containsKey(name.getSimple())) {
            // printed as the value itself: ClickHouse could read a bare name after IN as a table of that name
            return values.get(name.getSimple()).clone(name.getParserPosition());
        }
        in.setFrom(from(name, ctes));
        return in;
    }

    private SqlNode from(SqlNode node, Set<String> ctes) {
        if (node instanceof SqlIdentifier id) {
            return table(id, ctes, true);
        }
        if (node instanceof ArrayJoin arrayJoin) {
            arrayJoin.setLeft(from(arrayJoin.getLeft(), ctes));
            expressions(arrayJoin.arrays(), ctes); // the arrays are expressions over the tables before them
            return arrayJoin;
        }
        if (node instanceof SqlJoin join) {
            join.setLeft(from(join.getLeft(), ctes));
            join.setRight(from(join.getRight(), ctes));
            join.setOperand(5, expression(join.getCondition(), ctes));
            return join;
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            SqlNode source = call.operand(0);
            call.setOperand(0, source instanceof SqlIdentifier id ? table(id, ctes, false) : from(source, ctes));
            return call;
        }
        if (node instanceof SqlCall call && call.getKind().belongsTo(SqlKind.QUERY)) {
            return query(call, ctes);
        }
        throw TenantPolicy.notATable(node.getKind());
    }

    /** A table name in a FROM: a CTE in scope stays; a tenant table becomes the org's view. */
    private SqlNode table(SqlIdentifier id, Set<String> ctes, boolean addAlias) {
        if (id.isSimple() && ctes.contains(id.getSimple())) {
            return id;
        }
        TenantCatalog.Table table = TenantPolicy.bindTable(catalog, id.names);
        String name = id.names.get(id.names.size() - 1);
        SqlIdentifier physical = new SqlIdentifier(List.of(catalog.database(), table.physical()),
                id.getParserPosition());
        if (!addAlias) {
            return physical;
        }
        return SqlStdOperatorTable.AS.createCall(id.getParserPosition(), physical,
                new SqlIdentifier(name, id.getParserPosition()));
    }

    /** Walks expressions: subqueries are bound, function calls checked, stand-ins turned back into ClickHouse's. */
    private void expressions(SqlNode node, Set<String> ctes) {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, expression(list.get(i), ctes));
            }
        } else if (node != null) {
            expression(node, ctes);
        }
    }

    private SqlNode expression(SqlNode node, Set<String> ctes) {
        if (node == null) {
            return null;
        }
        if (node instanceof SqlNodeList list) {
            expressions(list, ctes);
            return list;
        }
        if (node instanceof SqlDynamicParam param && !placeholders.isEmpty()) {
            return new SqlBasicCall(new RawText(placeholders.get(param.getIndex())), List.of(),
                    param.getParserPosition());
        }
        if (node instanceof SqlIdentifier id && id.names.size() >= 3 && id.names.get(0).equals(catalog.database())) {
            // datawarehouse.entity_operations.entity_id: the table now goes by its short name
            id.setNames(id.names.subList(1, id.names.size()), null);
            return id;
        }
        if (node instanceof SqlStarExclude except) {
            return ClickHouseSyntax.starExcept(except); // column names only: nothing to bind
        }
        if (node instanceof SqlStarReplace replace) {
            expressions(replace.getReplaceList(), ctes);
            return replace;
        }
        if (!(node instanceof SqlCall call)) {
            return node;
        }
        if (call.getKind().belongsTo(SqlKind.QUERY)) {
            return query(call, ctes);
        }
        SqlSyntax syntax = call.getOperator().getSyntax();
        if ((syntax == SqlSyntax.FUNCTION || syntax == SqlSyntax.FUNCTION_STAR || syntax == SqlSyntax.FUNCTION_ID)
                && !call.getOperator().getName().equals(ClickHouseSqlPreprocessor.PARAMS_FUNCTION)) {
            // the stand-in for parameters is syntax, not a call; so are the grammar's own SQL functions (TRIM, ...)
            if (call.getOperator() instanceof SqlUnresolvedFunction) {
                policy.checkFunction(call.getOperator().getName());
            } else {
                policy.checkSqlFunction(call.getOperator().getName());
            }
        }
        if (ClickHouseSyntax.appliedFunction(call) != null) {
            policy.checkFunction(ClickHouseSyntax.appliedFunction(call));
        }
        for (int i = 0; i < call.operandCount(); i++) {
            SqlNode operand = call.operand(i);
            if (operand != null) {
                call.setOperand(i, expression(operand, ctes));
            }
        }
        if (call.getOperator() instanceof SqlUnresolvedFunction f && f.getName().equalsIgnoreCase("COLUMNS")) {
            return ClickHouseSyntax.columnsMatcher(call);
        }
        return asWritten(parametric(call));
    }

    /**
     * A function as the tenant spelled it ({@code min}, not the {@code MIN} Calcite prints for an unquoted name):
     * ClickHouse names a result column after the text of its expression, so {@code min(t)} must come back as
     * column "min(t)".
     */
    private SqlNode asWritten(SqlNode node) {
        if (!(node instanceof SqlBasicCall call) || !(call.getOperator() instanceof SqlUnresolvedFunction function)
                || function.getSyntax() != SqlSyntax.FUNCTION && function.getSyntax() != SqlSyntax.FUNCTION_STAR) {
            return node;
        }
        String written = source.wordAt(call.getParserPosition());
        SqlIdentifier id = function.getSqlIdentifier();
        if (written == null || !written.equalsIgnoreCase(function.getName())
                || id != null && id.getParserPosition().isQuoted()) {
            return node; // a quoted name is printed as it is; an unquoted one Calcite would print in upper case
        }
        SqlUnresolvedFunction spelled = new SqlUnresolvedFunction(new SqlIdentifier(written,
                SqlParserPos.QUOTED_ZERO), null, null, null, null, function.getFunctionType());
        return new SqlBasicCall(spelled, call.getOperandList(), call.getParserPosition(),
                call.getFunctionQuantifier());
    }

    /** {@code f(args..., __lakegate_params(p...))} back to ClickHouse's {@code f(p...)(args...)}. */
    private static SqlNode parametric(SqlCall call) {
        List<SqlNode> operands = call.getOperandList();
        if (operands.isEmpty() || !(operands.get(operands.size() - 1) instanceof SqlCall last)
                || !last.getOperator().getName().equals(ClickHouseSqlPreprocessor.PARAMS_FUNCTION)) {
            return call;
        }
        List<SqlNode> all = new ArrayList<>(operands.subList(0, operands.size() - 1));
        all.addAll(last.getOperandList());
        return new SqlBasicCall(new ParametricFunction(call.getOperator().getName(), last.operandCount()), all,
                call.getParserPosition());
    }

    /** Text printed as it is: a ClickHouse {@code {name:Type}} query parameter. */
    private static final class RawText extends SqlSpecialOperator {
        private final String text;

        RawText(String text) {
            super("RAW", SqlKind.OTHER);
            this.text = text;
        }

        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            writer.print(text + " ");
        }
    }
}
