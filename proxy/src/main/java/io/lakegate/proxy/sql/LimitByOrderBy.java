package io.lakegate.proxy.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's ORDER BY, LIMIT and OFFSET with ClickHouse's {@code LIMIT n [OFFSET m] BY expressions} between them: the
 * first n rows (after m) of each distinct value of the expressions, in the query's order.
 */
public final class LimitByOrderBy extends SqlOrderBy {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ORDER BY", SqlKind.ORDER_BY, 0) {
        @Override
        public SqlSyntax getSyntax() {
            return SqlSyntax.POSTFIX;
        }

        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            ((LimitByOrderBy) call).print(writer, this);
        }
    };

    public final SqlNode count;
    public final SqlNode byOffset;
    public final SqlNodeList by;

    public LimitByOrderBy(SqlParserPos pos, SqlNode query, SqlNodeList orderList, SqlNode count, SqlNode byOffset,
                          SqlNodeList by, SqlNode offset, SqlNode fetch) {
        super(pos, query, orderList, offset, fetch);
        this.count = count;
        this.byOffset = byOffset;
        this.by = by;
    }

    /** The same LIMIT BY over another query, ORDER BY and LIMIT. */
    public LimitByOrderBy with(SqlNode query, SqlNodeList orderList, SqlNode offset, SqlNode fetch) {
        return new LimitByOrderBy(getParserPosition(), query, orderList, count, byOffset, by, offset, fetch);
    }

    /**
     * For the validator: the BY expressions are read where ORDER BY's are (the select list's aliases, the FROM's
     * columns, grouped if the query is), so they are validated as more ORDER BY items.
     */
    public SqlOrderBy standardForm() {
        List<SqlNode> order = new ArrayList<>(orderList.getList());
        order.addAll(by.getList());
        return new SqlOrderBy(getParserPosition(), query, new SqlNodeList(order, orderList.getParserPosition()),
                offset, fetch);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    private void print(SqlWriter writer, SqlOperator operator) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.ORDER_BY);
        query.unparse(writer, operator.getLeftPrec(), operator.getRightPrec());
        if (!orderList.isEmpty()) {
            writer.sep("ORDER BY");
            writer.list(SqlWriter.FrameTypeEnum.ORDER_BY_LIST, SqlWriter.COMMA, orderList);
        }
        writer.sep("LIMIT");
        count.unparse(writer, 0, 0);
        if (byOffset != null) {
            writer.keyword("OFFSET");
            byOffset.unparse(writer, 0, 0);
        }
        writer.keyword("BY");
        writer.list(SqlWriter.FrameTypeEnum.SIMPLE, SqlWriter.COMMA, by);
        writer.fetchOffset(fetch, offset);
        writer.endList(frame);
    }
}
