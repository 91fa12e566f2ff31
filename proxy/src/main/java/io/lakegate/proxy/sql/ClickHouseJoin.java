package io.lakegate.proxy.sql;

import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.Locale;

/**
 * A join with ClickHouse's locality and strictness: {@code [GLOBAL] [LEFT] [ANY | ALL | ASOF | SEMI | ANTI] JOIN}.
 * Neither changes which names a query sees, so the validator reads it as the plain join of its kind (LEFT SEMI and
 * LEFT ANTI as Calcite's own); it prints back with every word the tenant wrote.
 */
public final class ClickHouseJoin extends SqlJoin {
    private static final SqlOperator OPERATOR = new PrintedJoin<ClickHouseJoin>(ClickHouseJoin::print);

    private final String words;

    private ClickHouseJoin(SqlParserPos pos, SqlNode left, JoinType type, SqlNode right,
                           JoinConditionType conditionType, SqlNode condition, String words) {
        super(pos, left, SqlLiteral.createBoolean(false, pos), type.symbol(pos), right, conditionType.symbol(pos),
                condition);
        this.words = words;
    }

    /**
     * @param kind       INNER, LEFT, RIGHT, FULL or CROSS as written, or null
     * @param strictness ANY, ALL, ASOF, SEMI or ANTI, or null
     * @return a plain join when the tenant wrote neither GLOBAL nor a strictness
     */
    public static SqlJoin of(SqlParserPos pos, SqlNode left, boolean global, String strictness, JoinType kind,
                             SqlNode right, JoinConditionType conditionType, SqlNode condition) {
        JoinType type = kind == null ? JoinType.INNER : kind;
        if (!global && strictness == null) {
            return new SqlJoin(pos, left, SqlLiteral.createBoolean(false, pos), type.symbol(pos), right,
                    conditionType.symbol(pos), condition);
        }
        if (type == JoinType.LEFT && "SEMI".equals(strictness)) {
            type = JoinType.LEFT_SEMI_JOIN;
        } else if (type == JoinType.LEFT && "ANTI".equals(strictness)) {
            type = JoinType.LEFT_ANTI_JOIN;
        }
        StringBuilder words = new StringBuilder(global ? "GLOBAL " : "");
        if (kind != null) {
            words.append(kind.name().toUpperCase(Locale.ROOT)).append(' ');
        }
        if (strictness != null) {
            words.append(strictness).append(' ');
        }
        return new ClickHouseJoin(pos, left, type, right, conditionType, condition, words.append("JOIN").toString());
    }

    /** The same join of other tables on another condition (a copy's). */
    ClickHouseJoin with(SqlNode left, SqlNode right, SqlNode condition) {
        return new ClickHouseJoin(getParserPosition(), left, getJoinType(), right, getConditionType(), condition,
                words);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    private void print(SqlWriter writer, int leftPrec) {
        getLeft().unparse(writer, leftPrec, OPERATOR.getLeftPrec());
        writer.sep(words);
        getRight().unparse(writer, OPERATOR.getRightPrec(), 0);
        SqlNode condition = getCondition();
        if (condition == null) {
            return;
        }
        if (getConditionType() == JoinConditionType.USING) {
            writer.keyword("USING");
            SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE, "(", ")");
            ((SqlNodeList) condition).unparse(writer, 0, 0);
            writer.endList(frame);
        } else {
            writer.keyword("ON");
            condition.unparse(writer, 0, 0);
        }
    }
}
