package io.lakegate.proxy.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

/**
 * The operator of a join ClickHouse writes its own way ({@link ArrayJoin}, {@link ClickHouseJoin}): the validator
 * sees the node as the {@link SqlJoin} it is; only the printing is the node's.
 */
final class PrintedJoin<J extends SqlJoin> extends SqlSpecialOperator {
    interface Printer<J> {
        void print(J join, SqlWriter writer, int leftPrec);
    }

    private final Printer<J> printer;

    PrintedJoin(Printer<J> printer) {
        super("JOIN", SqlKind.JOIN, 18); // Calcite's join precedence, so nested joins get the same parentheses
        this.printer = printer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        printer.print((J) call, writer, leftPrec);
    }
}
