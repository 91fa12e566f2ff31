package io.lakegate.proxy.sql;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlPostfixOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.regex.Pattern;

/**
 * What the gateway's grammar ({@code src/main/codegen/includes/parserImpls.ftl}) builds for ClickHouse's own syntax:
 * operators that validate like Calcite's and print back as ClickHouse reads them.
 */
public final class ClickHouseSyntax {
    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ClickHouseSyntax() {
    }

    /** A word of a type name as ClickHouse's type parser reads it. */
    public static String typeWord(String word) {
        return BARE.matcher(word).matches() ? word : ClickHouseQuoting.identifier(word);
    }

    /** A string literal in a type ({@code DateTime64(3, 'UTC')}, {@code Enum8('a' = 1)}). */
    public static String quoted(SqlNode literal) {
        return ClickHouseQuoting.string(((SqlLiteral) literal).getValueAs(String.class));
    }

    /** {@code t.2}, printed as {@code tupleElement(t, 2)}, which is also the name ClickHouse gives its column. */
    public static SqlPostfixOperator tupleElement(int index) {
        return new Postfix(".", (writer, operand) -> {
            writer.print("tupleElement("); // startFunCall would print it in upper case: ClickHouse's name is exact
            operand.unparse(writer, 0, 0);
            writer.print(", " + index + ")");
        });
    }

    /** {@code x::Type}, printed as {@code CAST(x, 'Type')}: the type is a ClickHouse type, which Calcite does not know. */
    public static SqlPostfixOperator infixCast(String type) {
        return new Postfix("::", (writer, operand) -> {
            SqlWriter.Frame frame = writer.startFunCall("CAST");
            operand.unparse(writer, 0, 0);
            writer.print(", ");
            writer.literal(ClickHouseQuoting.string(type));
            writer.endFunCall(frame);
        });
    }

    /** A ClickHouse postfix operator: its operand validated, its type left to ClickHouse, printed its own way. */
    private static final class Postfix extends SqlPostfixOperator {
        private final java.util.function.BiConsumer<SqlWriter, SqlNode> printer;

        Postfix(String name, java.util.function.BiConsumer<SqlWriter, SqlNode> printer) {
            // binds tighter than any other operator, as ClickHouse's :: and tuple access do
            super(name, SqlKind.OTHER, 200, ReturnTypes.explicit(SqlTypeName.ANY), null, OperandTypes.ANY);
            this.printer = printer;
        }

        /** Calcite would look the operator up by name and find none: the type is ClickHouse's to derive. */
        @Override
        public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
            validator.deriveType(scope, call.operand(0));
            return validator.getTypeFactory().createTypeWithNullability(
                    validator.getTypeFactory().createSqlType(SqlTypeName.ANY), true);
        }

        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            printer.accept(writer, call.operand(0));
        }
    }
}
