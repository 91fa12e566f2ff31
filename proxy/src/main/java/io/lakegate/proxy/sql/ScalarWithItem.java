package io.lakegate.proxy.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ClickHouse's {@code WITH expression AS name}: a name for a value (a constant, an expression over the query's
 * columns, a scalar subquery) that the query, and the subqueries in it, use like a column.
 */
public final class ScalarWithItem extends SqlWithItem {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("WITH_ITEM", SqlKind.WITH_ITEM, 0) {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            ScalarWithItem item = (ScalarWithItem) call;
            item.query.unparse(writer, 0, 0); // a subquery prints its own parentheses
            writer.keyword("AS");
            item.name.unparse(writer, 0, 0);
        }
    };

    /** SqlSelect's operands that hold expressions: not its keywords (0), FROM (2) and hints (11). */
    private static final int[] SELECT_EXPRESSIONS = {1, 3, 4, 5, 6, 7, 8, 9, 10};

    public ScalarWithItem(SqlParserPos pos, SqlIdentifier name, SqlNode expression) {
        super(pos, name, null, expression, SqlLiteral.createBoolean(false, pos));
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    /**
     * For the validator: the query with each name replaced by its expression, as ClickHouse itself once evaluated
     * them, so the validator checks the expression wherever the name is used; the table items stay a WITH. The names
     * cover the query's ORDER BY and LIMIT BY too, which the grammar puts around the WITH.
     *
     * @param query a WITH, or an ORDER BY of one
     * @return the query unchanged when it has no {@code expression AS name} item
     */
    static SqlNode standardForm(SqlNode query) {
        SqlOrderBy orderBy = query instanceof SqlOrderBy o ? o : null;
        if (!((orderBy == null ? query : orderBy.query) instanceof SqlWith with)) {
            return query;
        }
        Map<String, SqlNode> values = new HashMap<>();
        List<SqlNode> tables = new ArrayList<>();
        for (SqlNode item : with.withList) {
            if (item instanceof ScalarWithItem scalar) {
                values.put(scalar.name.getSimple(), scalar.query);
            } else {
                tables.add(item);
            }
        }
        if (values.isEmpty()) {
            return query;
        }
        for (SqlNode table : tables) {
            SqlWithItem item = (SqlWithItem) table;
            item.query = inline(item.query, values); // the names are the whole query's, its WITH tables' too
        }
        SqlNode body = inline(with.body, values);
        SqlNode inlined = tables.isEmpty() ? body
                : new SqlWith(with.getParserPosition(), new SqlNodeList(tables, with.withList.getParserPosition()),
                        body);
        if (orderBy == null) {
            return inlined;
        }
        inline(orderBy.orderList, values);
        if (orderBy instanceof LimitByOrderBy limitBy) {
            inline(limitBy.by, values);
            return limitBy.with(inlined, orderBy.orderList, orderBy.offset, orderBy.fetch);
        }
        return new SqlOrderBy(orderBy.getParserPosition(), inlined, orderBy.orderList, orderBy.offset, orderBy.fetch);
    }

    /** Replaces, in place, every unqualified use of a name as a value; table names and aliases are not values. */
    private static SqlNode inline(SqlNode node, Map<String, SqlNode> values) {
        if (node instanceof SqlIdentifier id) {
            SqlNode value = id.isSimple() ? values.get(id.getSimple()) : null;
            return value == null ? id : value.clone(id.getParserPosition());
        }
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                list.set(i, inline(list.get(i), values));
            }
            return list;
        }
        if (!(node instanceof SqlCall call)) {
            return node;
        }
        if (call instanceof ClickHouseSyntax.InName in && in.getFrom() instanceof SqlIdentifier name
                && name.isSimple() && values.containsKey(name.getSimple())) {
            // x IN s, s a WITH value: IN its elements (a tuple's, an array's) or IN it
            SqlNode value = values.get(name.getSimple()).clone(name.getParserPosition());
            return value instanceof SqlCall list && (list.getKind() == SqlKind.ROW
                    || list.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR)
                    ? new SqlNodeList(list.getOperandList(), name.getParserPosition()) : SqlNodeList.of(value);
        }
        if (call instanceof SqlSelect select) {
            if (select.getFrom() != null) {
                select.setFrom(inlineFrom(select.getFrom(), values));
            }
            for (int i : SELECT_EXPRESSIONS) {
                if (call.operand(i) != null) {
                    call.setOperand(i, inline(call.operand(i), values));
                }
            }
            return select;
        }
        int last = call.getKind() == SqlKind.AS ? 1 : call.operandCount(); // after AS: the alias and column names
        for (int i = 0; i < last; i++) {
            if (call.operand(i) != null) {
                call.setOperand(i, inline(call.operand(i), values));
            }
        }
        return call;
    }

    private static SqlNode inlineFrom(SqlNode from, Map<String, SqlNode> values) {
        if (from instanceof SqlIdentifier) {
            return from; // a table
        }
        if (from instanceof SqlJoin join) {
            join.setLeft(inlineFrom(join.getLeft(), values));
            join.setRight(inlineFrom(join.getRight(), values));
            if (join.getCondition() != null && !(join.getCondition() instanceof SqlNodeList)) {
                join.setOperand(5, inline(join.getCondition(), values));
            }
            return join;
        }
        if (from instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            call.setOperand(0, inlineFrom(call.operand(0), values));
            return call;
        }
        return inline(from, values);
    }
}
