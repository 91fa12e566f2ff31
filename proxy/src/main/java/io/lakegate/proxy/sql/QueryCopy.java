package io.lakegate.proxy.sql;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlStarExclude;
import org.apache.calcite.sql.SqlStarReplace;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlCase;

import java.util.ArrayList;
import java.util.List;

/**
 * A deep copy of a parsed query: the validator rewrites the tree it validates and the binder the one it binds, so each
 * gets its own tree from one parse (a parse costs more than the rest of the plan). Literals, type specifications and
 * parameters, which neither changes, are shared. A node of a kind it does not know makes it give up: the caller then
 * parses the text again.
 */
final class QueryCopy {
    /** Thrown for a node the copy does not know; cheap, as it is caught at once. */
    private static final class UnknownNode extends RuntimeException {
        UnknownNode() {
            super(null, null, false, false);
        }
    }

    private QueryCopy() {
    }

    /** A copy of {@code query}, or null if it holds a node the copy does not know. */
    static SqlNode of(SqlNode query) {
        try {
            return copy(query);
        } catch (UnknownNode e) {
            return null;
        }
    }

    private static SqlNode copy(SqlNode node) {
        if (node == null || node instanceof SqlLiteral || node instanceof SqlDynamicParam
                || node instanceof SqlDataTypeSpec || node instanceof SqlIntervalQualifier) {
            return node;
        }
        if (node instanceof SqlIdentifier id) {
            return id.clone(id.getParserPosition()); // the binder renames identifiers in place
        }
        if (node instanceof SqlNodeList list) {
            return list(list);
        }
        if (node.getClass() == SqlBasicCall.class) {
            SqlBasicCall call = (SqlBasicCall) node;
            return new SqlBasicCall(call.getOperator(), operands(call), call.getParserPosition(),
                    call.getFunctionQuantifier());
        }
        if (node instanceof ClickHouseSyntax.InName in) {
            return ClickHouseSyntax.selectAll((SqlIdentifier) copy(in.getFrom()));
        }
        if (node.getClass() == SqlSelect.class) {
            SqlSelect s = (SqlSelect) node;
            return new SqlSelect(s.getParserPosition(), list((SqlNodeList) s.getOperandList().get(0)),
                    list(s.getSelectList()), copy(s.getFrom()), copy(s.getWhere()), list(s.getGroup()),
                    copy(s.getHaving()), list(s.getWindowList()), copy(s.getQualify()), list(s.getOrderList()),
                    copy(s.getOffset()), copy(s.getFetch()), list(s.getHints()));
        }
        if (node instanceof LimitByOrderBy o) {
            return new LimitByOrderBy(o.getParserPosition(), copy(o.query), list(o.orderList), copy(o.count),
                    copy(o.byOffset), list(o.by), copy(o.offset), copy(o.fetch));
        }
        if (node.getClass() == SqlOrderBy.class) {
            SqlOrderBy o = (SqlOrderBy) node;
            return new SqlOrderBy(o.getParserPosition(), copy(o.query), list(o.orderList), copy(o.offset),
                    copy(o.fetch));
        }
        if (node instanceof ArrayJoin j) {
            return j.with(copy(j.getLeft()), list(j.arrays()));
        }
        if (node instanceof ClickHouseJoin j) {
            return j.with(copy(j.getLeft()), copy(j.getRight()), copy(j.getCondition()));
        }
        if (node.getClass() == SqlJoin.class) {
            SqlJoin j = (SqlJoin) node;
            return new SqlJoin(j.getParserPosition(), copy(j.getLeft()), j.isNaturalNode(), j.getJoinTypeNode(),
                    copy(j.getRight()), j.getConditionTypeNode(), copy(j.getCondition()));
        }
        if (node instanceof ScalarWithItem item) {
            return new ScalarWithItem(item.getParserPosition(), (SqlIdentifier) copy(item.name), copy(item.query));
        }
        if (node.getClass() == SqlWithItem.class) {
            SqlWithItem item = (SqlWithItem) node;
            return new SqlWithItem(item.getParserPosition(), (SqlIdentifier) copy(item.name), list(item.columnList),
                    copy(item.query), item.recursive);
        }
        if (node.getClass() == SqlWith.class) {
            SqlWith with = (SqlWith) node;
            return new SqlWith(with.getParserPosition(), list(with.withList), copy(with.body));
        }
        if (node.getClass() == SqlCase.class) {
            SqlCase c = (SqlCase) node;
            return new SqlCase(c.getParserPosition(), copy(c.getValueOperand()), list(c.getWhenOperands()),
                    list(c.getThenOperands()), copy(c.getElseOperand()));
        }
        if (node.getClass() == SqlLambda.class) {
            SqlLambda lambda = (SqlLambda) node;
            return new SqlLambda(lambda.getParserPosition(), list(lambda.getParameters()),
                    copy(lambda.getExpression()));
        }
        if (node.getClass() == SqlWindow.class) {
            SqlCall window = (SqlCall) node;
            return window.getOperator().createCall(null, window.getParserPosition(),
                    operands(window).toArray(new SqlNode[0]));
        }
        if (node instanceof SqlStarExclude e) {
            return new SqlStarExclude(e.getParserPosition(), (SqlIdentifier) copy(e.getStarIdentifier()),
                    list(e.getExcludeList()));
        }
        if (node instanceof SqlStarReplace r) {
            return new SqlStarReplace(r.getParserPosition(), (SqlIdentifier) copy(r.getStarIdentifier()),
                    list(r.getReplaceList()));
        }
        throw new UnknownNode();
    }

    private static List<SqlNode> operands(SqlCall call) {
        List<SqlNode> operands = new ArrayList<>(call.operandCount());
        for (SqlNode operand : call.getOperandList()) {
            operands.add(copy(operand));
        }
        return operands;
    }

    private static SqlNodeList list(SqlNodeList list) {
        if (list == null || list == SqlNodeList.EMPTY) {
            return list; // EMPTY is immutable, and Calcite tells "no ORDER BY" by it
        }
        List<SqlNode> items = new ArrayList<>(list.size());
        for (SqlNode item : list) {
            items.add(copy(item));
        }
        return new SqlNodeList(items, list.getParserPosition());
    }
}
