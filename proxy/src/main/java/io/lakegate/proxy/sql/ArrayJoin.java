package io.lakegate.proxy.sql;

import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * ClickHouse's {@code t [LEFT] ARRAY JOIN arr AS a, ...}. It is the join the validator knows for it, {@code t CROSS
 * JOIN LATERAL (SELECT arr AS a, ...)} (LEFT JOIN ... ON TRUE for LEFT ARRAY JOIN): the arrays are validated in the
 * scope of the tables before them, and their names are visible after them, as in ClickHouse. It prints as ClickHouse's
 * ARRAY JOIN from the same expressions, which the binder walks like any others.
 */
public final class ArrayJoin extends SqlJoin {
    private static final SqlOperator OPERATOR = new PrintedJoin<ArrayJoin>(ArrayJoin::print);

    private final boolean leftArrayJoin;
    /** {@code array AS name}: the lateral select's list; an array without AS has a name nobody can write. */
    private final SqlNodeList arrays;
    private final boolean[] named;

    public ArrayJoin(SqlParserPos pos, SqlNode left, boolean leftArrayJoin, List<SqlNode> items) {
        this(pos, left, leftArrayJoin, selectList(pos, items), named(items));
    }

    private ArrayJoin(SqlParserPos pos, SqlNode left, boolean leftArrayJoin, SqlNodeList arrays, boolean[] named) {
        super(pos, left, SqlLiteral.createBoolean(false, pos),
                (leftArrayJoin ? JoinType.LEFT : JoinType.CROSS).symbol(pos), lateral(pos, arrays),
                (leftArrayJoin ? JoinConditionType.ON : JoinConditionType.NONE).symbol(pos),
                leftArrayJoin ? SqlLiteral.createBoolean(true, pos) : null);
        this.leftArrayJoin = leftArrayJoin;
        this.arrays = arrays;
        this.named = named;
    }

    /** The same ARRAY JOIN of other tables and arrays (a copy's). */
    ArrayJoin with(SqlNode left, SqlNodeList arrays) {
        return new ArrayJoin(getParserPosition(), left, leftArrayJoin, arrays, named);
    }

    /** The arrays, each as {@code expression AS name}. */
    public SqlNodeList arrays() {
        return arrays;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    private static SqlNodeList selectList(SqlParserPos pos, List<SqlNode> items) {
        List<SqlNode> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            list.add(item.getKind() == SqlKind.AS ? item : SqlStdOperatorTable.AS.createCall(pos, item,
                    new SqlIdentifier("$array_join_" + pos.getLineNum() + "_" + pos.getColumnNum() + "_" + i, pos)));
        }
        return new SqlNodeList(list, pos);
    }

    private static boolean[] named(List<SqlNode> items) {
        boolean[] named = new boolean[items.size()];
        for (int i = 0; i < named.length; i++) {
            named[i] = items.get(i).getKind() == SqlKind.AS;
        }
        return named;
    }

    private static SqlNode lateral(SqlParserPos pos, SqlNodeList arrays) {
        SqlSelect select = new SqlSelect(pos, null, arrays, null, null, null, null, null, null, null, null, null, null);
        return SqlStdOperatorTable.AS.createCall(pos, SqlStdOperatorTable.LATERAL.createCall(pos, select),
                new SqlIdentifier("$array_join_" + pos.getLineNum() + "_" + pos.getColumnNum(), pos));
    }

    private void print(SqlWriter writer, int leftPrec) {
        getLeft().unparse(writer, leftPrec, OPERATOR.getLeftPrec());
        writer.sep(leftArrayJoin ? "LEFT ARRAY JOIN" : "ARRAY JOIN");
        for (int i = 0; i < arrays.size(); i++) {
            if (i > 0) {
                writer.sep(",");
            }
            SqlNode item = named[i] ? arrays.get(i) : ((SqlCall) arrays.get(i)).operand(0);
            item.unparse(writer, 0, 0);
        }
    }
}
