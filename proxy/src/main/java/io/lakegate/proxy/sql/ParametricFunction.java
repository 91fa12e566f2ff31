package io.lakegate.proxy.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;

/**
 * A ClickHouse parametric aggregate, {@code quantiles(0.5, 0.9)(x)}, printed back the way ClickHouse writes it. The
 * preprocessor hands it to Calcite as {@code quantiles(x, __lakegate_params(0.5, 0.9))}.
 */
final class ParametricFunction extends SqlFunction {
    private final int parameterCount;

    ParametricFunction(String name, int parameterCount) {
        super(name, SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.ANY), null, OperandTypes.VARIADIC,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
        this.parameterCount = parameterCount;
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        List<SqlNode> operands = call.getOperandList();
        int arguments = operands.size() - parameterCount;
        writer.print(ClickHouseSqlPreprocessor.backTick(getName()));
        list(writer, operands.subList(arguments, operands.size()));
        list(writer, operands.subList(0, arguments));
    }

    private static void list(SqlWriter writer, List<SqlNode> nodes) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
        for (SqlNode node : nodes) {
            writer.sep(",");
            node.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
