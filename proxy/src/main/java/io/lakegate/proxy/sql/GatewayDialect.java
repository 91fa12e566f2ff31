package io.lakegate.proxy.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.ClickHouseSqlDialect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;

/** Calcite's ClickHouse dialect, with the few constructs it prints in a form ClickHouse rejects written its way. */
final class GatewayDialect extends ClickHouseSqlDialect {
    static final GatewayDialect INSTANCE = new GatewayDialect();

    private GatewayDialect() {
        super(ClickHouseSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (call.getKind() == SqlKind.BETWEEN && call.getOperator() instanceof SqlBetweenOperator between) {
            // Calcite writes "BETWEEN ASYMMETRIC"; ClickHouse knows only the plain form
            SqlWriter.Frame frame = writer.startList("(", ")");
            call.operand(0).unparse(writer, 0, 0);
            writer.keyword(between.isNegated() ? "NOT BETWEEN" : "BETWEEN");
            call.operand(1).unparse(writer, 0, 0);
            writer.keyword("AND");
            call.operand(2).unparse(writer, 0, 0);
            writer.endList(frame);
            return;
        }
        super.unparseCall(writer, call, leftPrec, rightPrec);
    }
}
