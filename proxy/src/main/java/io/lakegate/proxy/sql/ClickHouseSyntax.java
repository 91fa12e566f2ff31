package io.lakegate.proxy.sql;

import io.lakegate.engine.protocol.ClickHouseQuoting;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlStarExclude;
import org.apache.calcite.sql.SqlStarReplace;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.fun.SqlInOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlPostfixOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the gateway's grammar ({@code src/main/codegen/includes/parserImpls.ftl}) builds for ClickHouse's own syntax:
 * operators that validate like Calcite's and print back as ClickHouse reads them.
 */
public final class ClickHouseSyntax {
    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Binds tighter than anything around it: the clause is printed without parentheses (ClickHouse reads none). */
    private static final int PRINTED_AS_IS = 200;

    /** {@code x GLOBAL IN (...)}: IN for the validator, printed with its GLOBAL. */
    public static final SqlOperator GLOBAL_IN = new SqlInOperator("GLOBAL IN", SqlKind.IN) {
    };
    public static final SqlOperator GLOBAL_NOT_IN = new SqlInOperator("GLOBAL NOT IN", SqlKind.NOT_IN) {
    };

    /** {@code item WITH FILL [FROM a] [TO b] [STEP c]}: operands item, from, to, step (each but the item optional). */
    private static final SqlOperator WITH_FILL = new SqlSpecialOperator("WITH FILL", SqlKind.OTHER, PRINTED_AS_IS) {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            call.operand(0).unparse(writer, 0, 0);
            writer.keyword("WITH FILL");
            String[] words = {null, "FROM", "TO", "STEP"};
            for (int i = 1; i < words.length; i++) {
                if (call.operand(i) != null) {
                    writer.keyword(words[i]);
                    call.operand(i).unparse(writer, 0, 0);
                }
            }
        }
    };
    /** The last GROUP BY item, followed by ClickHouse's {@code WITH TOTALS}. */
    private static final SqlOperator WITH_TOTALS = following("WITH TOTALS");
    /** GROUP BY ALL, followed by ClickHouse's {@code WITH ROLLUP} or {@code WITH CUBE}. */
    private static final SqlOperator WITH_ROLLUP = following("WITH ROLLUP");
    private static final SqlOperator WITH_CUBE = following("WITH CUBE");
    /** {@code LIMIT n WITH TIES}: the limit, and the rows that tie with the last one. */
    private static final SqlOperator WITH_TIES = following("WITH TIES");
    /** What the validator reads for a WITH FILL item with bounds: a call, so that the bounds are validated too. */
    private static final SqlOperator FILL_BOUNDS = validatorOnly("$fill");

    /** {@code t.* EXCEPT (a, b)}: Calcite's star exclusion, which Calcite prints with the word EXCLUDE. */
    private static final SqlOperator STAR_EXCEPT = following("EXCEPT");
    /** {@code * EXCEPT (a) REPLACE (x AS b)}: a replacement after another of ClickHouse's column transformers. */
    private static final SqlOperator REPLACE = following("REPLACE");
    /** {@code COLUMNS('re') APPLY(f)}: f of each column the matcher or the star stands for. */
    private static final SqlOperator APPLY = following("APPLY");
    /** {@code ORDER BY x WITH FILL INTERPOLATE (a AS a + 1)}: the last order item, then how filled rows get values. */
    private static final SqlOperator INTERPOLATE = following("INTERPOLATE");
    /** An INTERPOLATE item, {@code column AS expression}: ClickHouse's order, the other way round from an alias. */
    private static final SqlOperator INTERPOLATED = new SqlSpecialOperator("INTERPOLATE AS", SqlKind.OTHER,
            PRINTED_AS_IS) {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            call.operand(0).unparse(writer, 0, 0);
            if (call.operand(1) != null) {
                writer.keyword("AS");
                call.operand(1).unparse(writer, 0, 0);
            }
        }
    };
    /** ClickHouse's ALL in GROUP BY ALL (the select's items that are no aggregates) and ORDER BY ALL. */
    private static final SqlOperator ALL = new SqlSpecialOperator("ALL", SqlKind.OTHER, PRINTED_AS_IS) {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            writer.keyword("ALL");
        }
    };

    /** A select's DISTINCT ON list while the grammar reads the rest of the query. */
    private static final SqlOperator DISTINCT_ON = new SqlSpecialOperator("DISTINCT ON", SqlKind.OTHER);
    private static final SqlOperator COLUMNS = new SqlSpecialOperator("COLUMNS", SqlKind.OTHER, PRINTED_AS_IS) {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
            SqlWriter.Frame frame = writer.startFunCall("COLUMNS");
            for (SqlNode operand : call.getOperandList()) {
                writer.sep(",");
                operand.unparse(writer, 0, 0);
            }
            writer.endFunCall(frame);
        }
    };

    private ClickHouseSyntax() {
    }

    /**
     * An operand, then words ClickHouse writes after it, then the call's second operand if it has one, in parentheses
     * ({@code WITH TOTALS}, {@code EXCEPT (a, b)}, {@code APPLY (f)}, {@code INTERPOLATE [(a AS e)]}).
     */
    private static SqlOperator following(String words) {
        return new SqlSpecialOperator(words, SqlKind.OTHER, PRINTED_AS_IS) {
            @Override
            public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
                call.operand(0).unparse(writer, 0, 0);
                writer.keyword(words);
                if (call.operandCount() > 1) {
                    SqlWriter.Frame frame = writer.startList("(", ")");
                    call.operand(1).unparse(writer, 0, 0);
                    writer.endList(frame);
                }
            }
        };
    }

    /** A function of a name no tenant can write, that only the validator sees: its operands are checked, not it. */
    private static SqlOperator validatorOnly(String name) {
        return new SqlUnresolvedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), null, null, null, null,
                SqlFunctionCategory.USER_DEFINED_FUNCTION);
    }

    /** ClickHouse's {@code COLUMNS('regexp')}: a matcher, which ClickHouse reads only unquoted. */
    public static SqlNode columnsMatcher(SqlCall call) {
        return COLUMNS.createCall(call.getParserPosition(), call.getOperandList());
    }

    public static SqlNode starExcept(SqlStarExclude except) {
        return STAR_EXCEPT.createCall(except.getParserPosition(), except.getStarIdentifier(),
                except.getExcludeList());
    }

    /**
     * {@code e EXCEPT (a, b)} after a select item: Calcite's star exclusion right after a star (with the names of an
     * earlier exclusion), ClickHouse's transformer after another transformer.
     */
    public static SqlNode except(SqlNode item, SqlNodeList names) {
        if (item instanceof SqlStarExclude earlier) {
            List<SqlNode> all = new ArrayList<>(earlier.getExcludeList().getList());
            all.addAll(names.getList());
            return new SqlStarExclude(item.getParserPosition(), earlier.getStarIdentifier(),
                    new SqlNodeList(all, names.getParserPosition()));
        }
        if (item instanceof SqlIdentifier star && star.isStar()) {
            return new SqlStarExclude(item.getParserPosition(), star, names);
        }
        return STAR_EXCEPT.createCall(item.getParserPosition(), transformed(item, "EXCEPT"), names);
    }

    /** {@code e REPLACE (x AS c)} after a transformer ({@code * EXCEPT (a) REPLACE (...)}). */
    public static SqlNode replace(SqlNode item, SqlNodeList replacements) {
        return REPLACE.createCall(item.getParserPosition(), transformed(item, "REPLACE"), replacements);
    }

    /** {@code e APPLY(f)}: {@code f} a function's name or a lambda. */
    public static SqlNode apply(SqlNode item, SqlNode function) {
        return APPLY.createCall(item.getParserPosition(), transformed(item, "APPLY"), function);
    }

    /** The function an {@code APPLY(f)} names, or null: a lambda is an expression, checked as any. */
    static String appliedFunction(SqlCall call) {
        return call.getOperator() == APPLY && call.operand(1) instanceof SqlIdentifier f ? f.getSimple() : null;
    }

    private static SqlNode transformed(SqlNode item, String word) {
        boolean columns = item instanceof SqlCall call && call.getOperator().getName().equalsIgnoreCase("COLUMNS");
        boolean transformer = item instanceof SqlCall call && (call.getOperator() == STAR_EXCEPT
                || call.getOperator() == REPLACE || call.getOperator() == APPLY);
        if (!(item instanceof SqlIdentifier id && id.isStar()) && !(item instanceof SqlStarExclude)
                && !(item instanceof SqlStarReplace) && !columns && !transformer) {
            throw new IllegalArgumentException(word + " after a select item needs * or COLUMNS('regexp') before "
                    + "it: SELECT * " + word + " (...) FROM t");
        }
        return item;
    }

    /** The last ORDER BY item, then {@code INTERPOLATE [(a AS e, ...)]}. */
    public static SqlNode interpolate(SqlNode lastItem, SqlNodeList items) {
        // without a list, every column that is not in ORDER BY keeps its last value
        return items.isEmpty() ? INTERPOLATE.createCall(lastItem.getParserPosition(), lastItem)
                : INTERPOLATE.createCall(lastItem.getParserPosition(), lastItem, items);
    }

    /** An INTERPOLATE item: {@code column [AS expression]}. */
    public static SqlNode interpolated(SqlIdentifier column, SqlNode expression) {
        return new SqlBasicCall(INTERPOLATED, java.util.Arrays.asList(column, expression),
                column.getParserPosition());
    }

    /** ClickHouse's {@code ALL} of GROUP BY ALL and ORDER BY ALL. */
    public static SqlNode all(SqlParserPos pos) {
        return ALL.createCall(pos);
    }

    /** {@code x IN name}: ClickHouse's IN a table or a WITH query, which is IN its rows: {@code SELECT * FROM name}. */
    public static SqlNode selectAll(SqlIdentifier name) {
        return new InName(name);
    }

    /** The query {@code x IN name} stands for, which knows that the tenant wrote only a name. */
    static final class InName extends SqlSelect {
        InName(SqlIdentifier name) {
            super(name.getParserPosition(), null, SqlNodeList.of(SqlIdentifier.star(name.getParserPosition())), name,
                    null, null, null, null, null, null, null, null, null);
        }
    }

    private static boolean isAll(SqlNode node) {
        return node instanceof SqlCall call && (call.getOperator() == ALL
                || call.getKind() == SqlKind.DESCENDING && isAll(call.operand(0)));
    }

    /** True if a GROUP BY is ClickHouse's {@code GROUP BY ALL}, with or without ROLLUP, CUBE or TOTALS. */
    static boolean isGroupByAll(SqlNodeList groupBy) {
        if (groupBy == null || groupBy.size() != 1) {
            return false;
        }
        SqlNode item = groupBy.get(0);
        while (item instanceof SqlCall call && call.operandCount() == 1 && (call.getOperator() == WITH_TOTALS
                || call.getOperator() == WITH_ROLLUP || call.getOperator() == WITH_CUBE)) {
            item = call.operand(0);
        }
        return isAll(item);
    }

    /**
     * What the validator reads for GROUP BY ALL: ClickHouse's grouping keys, the select items that hold no aggregate,
     * and of the others the parts that hold none ({@code substring(substring(a, 1, 2), 1, count(b))} groups by
     * {@code substring(a, 1, 2)}).
     */
    static SqlNodeList groupByAllStandardForm(SqlSelect select, Predicate<SqlCall> aggregate) {
        List<SqlNode> keys = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            addGroupingKeys(SqlUtil.stripAs(item), aggregate, keys);
        }
        SqlParserPos pos = select.getGroup().getParserPosition();
        for (SqlNode item = select.getGroup().get(0); item instanceof SqlCall call && call.operandCount() == 1;
             item = call.operand(0)) {
            if (call.getOperator() == WITH_ROLLUP || call.getOperator() == WITH_CUBE) {
                SqlOperator sets = call.getOperator() == WITH_ROLLUP ? SqlStdOperatorTable.ROLLUP
                        : SqlStdOperatorTable.CUBE;
                return SqlNodeList.of(sets.createCall(pos, keys));
            }
        }
        return new SqlNodeList(keys, pos);
    }

    private static void addGroupingKeys(SqlNode node, Predicate<SqlCall> aggregate, List<SqlNode> keys) {
        if (node == null || node instanceof SqlLiteral || node.isA(SqlKind.QUERY)
                || node instanceof SqlIdentifier id && id.isStar()) {
            return;
        }
        if (!holdsAggregate(node, aggregate)) {
            SqlNode copy = QueryCopy.of(node); // the validator rewrites the key without touching the select item
            keys.add(copy != null ? copy : node);
        } else if (node instanceof SqlCall call && !aggregate.test(call)) {
            call.getOperandList().forEach(operand -> addGroupingKeys(operand, aggregate, keys));
        } else if (node instanceof SqlNodeList list) {
            list.forEach(operand -> addGroupingKeys(operand, aggregate, keys));
        }
    }

    private static boolean holdsAggregate(SqlNode node, Predicate<SqlCall> aggregate) {
        if (node instanceof SqlNodeList list) {
            return list.stream().anyMatch(n -> holdsAggregate(n, aggregate));
        }
        return node instanceof SqlCall call && !node.isA(SqlKind.QUERY) && (aggregate.test(call)
                || call.getOperandList().stream().anyMatch(n -> n != null && holdsAggregate(n, aggregate)));
    }

    /** ORDER BY, LIMIT BY and LIMIT of a query, or the query when it has none. */
    public static SqlNode orderBy(SqlParserPos pos, SqlNode query, SqlNodeList orderList, SqlNode count,
                                  SqlNode byOffset, SqlNodeList by, SqlNode offset, SqlNode fetch) {
        SqlNodeList order = orderList == null ? SqlNodeList.EMPTY : orderList;
        if (by != null) {
            return new LimitByOrderBy(pos, query, order, count, byOffset, by, offset, fetch);
        }
        if (orderList == null && offset == null && fetch == null) {
            return query;
        }
        return new SqlOrderBy(pos, query, order, offset, fetch);
    }

    public static SqlNode withFill(SqlNode item, SqlNode from, SqlNode to, SqlNode step) {
        return new SqlBasicCall(WITH_FILL, java.util.Arrays.asList(item, from, to, step), item.getParserPosition());
    }

    /** {@code GROUP BY a, b WITH ROLLUP}: ClickHouse's other spelling of {@code GROUP BY ROLLUP(a, b)}. */
    public static SqlNodeList groupingSets(SqlOperator rollupOrCube, SqlNodeList groupBy) {
        if (groupBy.size() == 1 && isAll(groupBy.get(0))) {
            // GROUP BY ALL WITH ROLLUP: ClickHouse has no ROLLUP(ALL)
            SqlOperator suffix = rollupOrCube.getKind() == SqlKind.ROLLUP ? WITH_ROLLUP : WITH_CUBE;
            return SqlNodeList.of(suffix.createCall(groupBy.getParserPosition(), groupBy.get(0)));
        }
        return new SqlNodeList(List.of(rollupOrCube.createCall(groupBy.getParserPosition(), groupBy.getList())),
                groupBy.getParserPosition());
    }

    /** Keeps a select's {@code DISTINCT ON (...)} in its fetch until the grammar reads its ORDER BY and LIMIT. */
    public static void distinctOn(SqlSelect select, SqlNodeList on) {
        if (select.getFetch() != null) {
            throw new IllegalArgumentException("TOP and DISTINCT ON cannot be used together: write one");
        }
        select.setFetch(DISTINCT_ON.createCall(on.getParserPosition(), on.getList()));
    }

    /** The {@code DISTINCT ON} list of a select, taken off it; null if it has none. */
    public static SqlNodeList takeDistinctOn(SqlNode query) {
        if (!(query instanceof SqlSelect select) || !(select.getFetch() instanceof SqlCall on)
                || on.getOperator() != DISTINCT_ON) {
            return null;
        }
        select.setFetch(null);
        return new SqlNodeList(on.getOperandList(), on.getParserPosition());
    }

    /** True if a select still holds a DISTINCT ON that no ORDER BY and LIMIT took: one inside a UNION. */
    static boolean hasDistinctOn(SqlSelect select) {
        return select.getFetch() instanceof SqlCall on && on.getOperator() == DISTINCT_ON;
    }

    public static SqlNode withTies(SqlNode fetch) {
        return WITH_TIES.createCall(fetch.getParserPosition(), fetch);
    }

    public static SqlNodeList withTotals(SqlNodeList groupBy) {
        List<SqlNode> items = new ArrayList<>(groupBy.getList());
        int last = items.size() - 1;
        items.set(last, WITH_TOTALS.createCall(groupBy.getParserPosition(), items.get(last)));
        return new SqlNodeList(items, groupBy.getParserPosition());
    }

    /** What the validator reads for {@code j.a.b}, a sub-column of the value {@code j}: a call on {@code j}. */
    private static final SqlOperator SUBCOLUMN = validatorOnly("$subcolumn");

    /** The names a query gives its tables, and the names of values it may take sub-columns of. */
    record QueryNames(Set<String> relations, Set<String> values) {
    }

    /**
     * The names a query gives its tables (their names, aliases and WITH names, and the database's) and its values
     * (the catalog's columns, the aliases it gives expressions): {@code j.payload.title} is a sub-column of the value
     * {@code j} (a JSON value, a named tuple) when {@code j} is a value and no table.
     */
    static QueryNames names(SqlNode query, String database, Set<String> columns) {
        QueryNames names = new QueryNames(new HashSet<>(), new HashSet<>(columns));
        names.relations().add(database);
        collectNames(query, names, false);
        return names;
    }

    private static void collectNames(SqlNode node, QueryNames names, boolean inFrom) {
        if (node instanceof SqlIdentifier id) {
            if (inFrom) {
                names.relations().addAll(id.names);
            }
        } else if (node instanceof SqlSelect select) {
            collectNames(select.getFrom(), names, true);
            for (SqlNode operand : select.getOperandList()) {
                if (operand != select.getFrom()) {
                    collectNames(operand, names, false);
                }
            }
        } else if (node instanceof ScalarWithItem scalar) {
            names.values().add(scalar.name.getSimple());
            collectNames(scalar.query, names, false);
        } else if (node instanceof SqlWithItem item) {
            names.relations().add(item.name.getSimple());
            collectNames(item.query, names, false);
        } else if (node instanceof SqlJoin join && inFrom) {
            collectNames(join.getLeft(), names, true);
            collectNames(join.getRight(), names, true);
            collectNames(join.getCondition(), names, false);
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            collectNames(call.operand(0), names, inFrom);
            if (call.operand(1) instanceof SqlIdentifier alias) {
                (inFrom ? names.relations() : names.values()).add(alias.getSimple());
            }
        } else if (node instanceof SqlNodeList list) {
            list.forEach(n -> collectNames(n, names, false));
        } else if (node instanceof SqlCall call) {
            call.getOperandList().forEach(n -> collectNames(n, names, inFrom && call.getKind() == SqlKind.LATERAL));
        }
    }

    /** {@code j.a.b}, where {@code j} is a value and no table: {@code $subcolumn(j, 'a', 'b')} for the validator. */
    static SqlNode subcolumnStandardForm(SqlNode node, QueryNames names) {
        if (!(node instanceof SqlIdentifier id) || id.names.size() < 2 || id.isStar()
                || names.relations().contains(id.names.get(0)) || !names.values().contains(id.names.get(0))) {
            return node;
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(new SqlIdentifier(id.names.get(0), id.getComponentParserPosition(0)));
        for (int i = 1; i < id.names.size(); i++) {
            operands.add(SqlLiteral.createCharString(id.names.get(i), id.getComponentParserPosition(i)));
        }
        return SUBCOLUMN.createCall(id.getParserPosition(), operands);
    }

    /**
     * What the validator reads for a ClickHouse clause that Calcite's validator has no rule for: the standard SQL
     * with the same names and scopes. What runs is printed from the tenant's own tree, never from this.
     */
    static SqlNode standardForm(SqlNode node) {
        if (node instanceof SqlWith || node instanceof SqlOrderBy) {
            SqlNode inlined = ScalarWithItem.standardForm(node);
            if (inlined != node) {
                return standardForm(inlined);
            }
        }
        if (node instanceof SqlOrderBy orderBy && orderBy.fetch instanceof SqlCall fetch
                && fetch.getOperator() == WITH_TIES) {
            // an ORDER BY is rebuilt, not changed: Calcite's SqlOrderBy has no setOperand
            SqlNode count = fetch.operand(0);
            return standardForm(orderBy instanceof LimitByOrderBy limitBy
                    ? limitBy.with(orderBy.query, orderBy.orderList, orderBy.offset, count)
                    : new SqlOrderBy(orderBy.getParserPosition(), orderBy.query, orderBy.orderList, orderBy.offset,
                    count));
        }
        if (node instanceof SqlOrderBy orderBy && orderBy.orderList.size() == 1 && isAll(orderBy.orderList.get(0))) {
            // ORDER BY ALL orders by the select's items, which the validator checks anyway
            return standardForm(orderBy instanceof LimitByOrderBy limitBy
                    ? limitBy.with(orderBy.query, SqlNodeList.EMPTY, orderBy.offset, orderBy.fetch)
                    : orderBy.offset == null && orderBy.fetch == null ? orderBy.query
                    : new SqlOrderBy(orderBy.getParserPosition(), orderBy.query, SqlNodeList.EMPTY, orderBy.offset,
                    orderBy.fetch));
        }
        if (node instanceof LimitByOrderBy limitBy) {
            return limitBy.standardForm();
        }
        if (!(node instanceof SqlCall call)) {
            return node;
        }
        if (call.getOperator() == WITH_TOTALS || call.getOperator() == INTERPOLATE) {
            return standardForm(call.operand(0));
        }
        if (call.getKind() == SqlKind.DOT) {
            // (x::JSON).a, CAST(x, 'JSON').a: a sub-column of a value, which the validator sees as of no struct type
            return SUBCOLUMN.createCall(call.getParserPosition(), call.operand(0),
                    SqlLiteral.createCharString(call.operand(1).toString(), call.operand(1).getParserPosition()));
        }
        if (call.getOperator() == STAR_EXCEPT || call.getOperator() == REPLACE || call.getOperator() == APPLY) {
            // the columns the star or COLUMNS(...) stands for; the binder checks the transformers' functions
            return standardForm(call.operand(0));
        }
        if (call.getOperator() == WITH_FILL) {
            return fillStandardForm(call);
        }
        return node;
    }

    /** {@code x DESC WITH FILL FROM a TO b}: ordered by {@code $fill(x, a, b) DESC}. */
    private static SqlNode fillStandardForm(SqlCall fill) {
        List<SqlNode> bounds = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            if (fill.operand(i) != null) {
                bounds.add(fill.operand(i));
            }
        }
        SqlNode item = fill.operand(0);
        if (bounds.isEmpty()) {
            return item;
        }
        List<SqlOperator> directions = new ArrayList<>();
        while (item.getKind() == SqlKind.DESCENDING || item.getKind() == SqlKind.NULLS_FIRST
                || item.getKind() == SqlKind.NULLS_LAST) {
            directions.add(0, ((SqlCall) item).getOperator());
            item = ((SqlCall) item).operand(0);
        }
        bounds.add(0, item);
        SqlNode standard = FILL_BOUNDS.createCall(fill.getParserPosition(), bounds);
        for (SqlOperator direction : directions) {
            standard = direction.createCall(fill.getParserPosition(), standard);
        }
        return standard;
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

    /** {@code j.a.:String}: the JSON sub-column {@code j.a} read as the type. */
    public static SqlPostfixOperator typedSubcolumn(String type) {
        return new Postfix(".:", (writer, operand) -> {
            unparseOperand(writer, operand);
            writer.setNeedWhitespace(false);
            writer.print(".:" + type);
        });
    }

    /** A name as it is, anything else in parentheses: the grammar read {@code (a || b).x} without them. */
    private static void unparseOperand(SqlWriter writer, SqlNode operand) {
        if (operand instanceof SqlIdentifier) {
            operand.unparse(writer, 0, 0);
        } else {
            SqlWriter.Frame frame = writer.startList("(", ")");
            operand.unparse(writer, 0, 0);
            writer.endList(frame);
        }
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
