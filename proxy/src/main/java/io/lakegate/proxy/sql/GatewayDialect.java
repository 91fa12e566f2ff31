package io.lakegate.proxy.sql;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.ClickHouseSqlDialect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's ClickHouse dialect, with the few constructs it prints in a form ClickHouse rejects written its way, and
 * every name and string printed by {@link ClickHouseQuoting}: Calcite's own quoting doubles the quote but leaves the
 * backslash, which ClickHouse reads as an escape, so a name ending in a backslash would swallow the quote after it.
 */
final class GatewayDialect extends ClickHouseSqlDialect {
    static final GatewayDialect INSTANCE = new GatewayDialect();

    private GatewayDialect() {
        super(ClickHouseSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public String quoteIdentifier(String val) {
        return ClickHouseQuoting.identifier(val);
    }

    @Override
    public StringBuilder quoteIdentifier(StringBuilder buf, String val) {
        return buf.append(ClickHouseQuoting.identifier(val));
    }

    @Override
    public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
        buf.append(ClickHouseQuoting.string(val)); // ClickHouse strings are bytes: no charset prefix, no u&'...'
    }

    @Override
    public void quoteStringLiteralUnicode(StringBuilder buf, String val) {
        buf.append(ClickHouseQuoting.string(val));
    }

    /** Calcite's ClickHouse dialect fails on an OFFSET without LIMIT, which ClickHouse reads as OFFSET n ROWS. */
    @Override
    public void unparseOffsetFetch(SqlWriter writer, @Nullable SqlNode offset, @Nullable SqlNode fetch) {
        if (fetch != null) {
            super.unparseOffsetFetch(writer, offset, fetch);
            return;
        }
        if (offset != null) {
            writer.newlineAndIndent();
            writer.keyword("OFFSET");
            offset.unparse(writer, -1, -1);
            writer.keyword("ROWS");
        }
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
        if (call.getOperator() == SqlStdOperatorTable.UNION) {
            // a bare UNION is refused by ClickHouse unless union_default_mode is set: say DISTINCT
            SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SETOP);
            call.operand(0).unparse(writer, 0, 0);
            writer.sep("UNION DISTINCT");
            call.operand(1).unparse(writer, 0, 0);
            writer.endList(frame);
            return;
        }
        super.unparseCall(writer, call, leftPrec, rightPrec);
    }
}
