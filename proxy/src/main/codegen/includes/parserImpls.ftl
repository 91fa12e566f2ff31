<#--
  ClickHouse's syntax, added to Calcite's grammar through the template's hooks (config.fmpp names each production).
  Each production builds gateway SqlNodes (io.lakegate.proxy.sql.ClickHouseSyntax) that validate like the standard
  ones and print back as ClickHouse SQL.

  Productions named like Calcite's (JoinTable, OrderByLimitOpt, AddOrderItem, GroupBy, AddWithItem,
  SelectExpression) replace them: the
  build renames Calcite's to Calcite<name> (proxy/pom.xml), and these read ClickHouse's additions around them.
-->

/** The join chain: ClickHouse's ARRAY JOIN and its joins with strictness and locality, else Calcite's joins. */
SqlNode JoinTable(SqlNode e) :
{
    final SqlNode join;
}
{
    (
        LOOKAHEAD(3) join = ArrayJoin(e)
    |
        LOOKAHEAD(ClickHouseJoinHead()) join = ClickHouseJoin(e)
    |
        join = CalciteJoinTable(e)
    )
    { return join; }
}

/** {@code [LEFT | INNER] ARRAY JOIN arr [AS a], ...}: every row once per element of its arrays. */
SqlNode ArrayJoin(SqlNode e) :
{
    boolean left = false;
    final List<SqlNode> items = new ArrayList<SqlNode>();
    final Span s;
}
{
    ( <LEFT> { left = true; } | <INNER> )? { s = span(); } <ARRAY> <JOIN>
    AddArrayJoinItem(items) ( <COMMA> AddArrayJoinItem(items) )*
    { return new ArrayJoin(s.end(this), e, left, items); }
}

void AddArrayJoinItem(List<SqlNode> items) :
{
    final SqlNode array;
    final SqlIdentifier alias;
}
{
    array = Expression(ExprContext.ACCEPT_SUB_QUERY)
    (
        <AS> alias = SimpleIdentifier() {
            items.add(SqlStdOperatorTable.AS.createCall(span().end(array), array, alias));
        }
    |
        { items.add(array); }
    )
}

/**
 * A join ClickHouse's way: {@code [GLOBAL] [ANY | ALL | ASOF] [kind] [ANY | ALL | ASOF | SEMI | ANTI] JOIN}, with
 * {@code USING a, b} also without parentheses. NATURAL joins and APPLY are left to Calcite's production.
 */
void ClickHouseJoinHead() :
{
}
{
    [ <GLOBAL> ] [ JoinStrictness() ] [ JoinKind() ] [ JoinStrictness() ] <JOIN>
}

SqlNode ClickHouseJoin(SqlNode e) :
{
    boolean global = false;
    String before = null;
    String after = null;
    JoinType kind = null;
    final SqlNode right;
    SqlNode condition = null;
    JoinConditionType conditionType = JoinConditionType.NONE;
    final Span s;
}
{
    { s = span(); }
    [ <GLOBAL> { global = true; } ]
    [ before = JoinStrictness() ]
    [ kind = JoinKind() ]
    [ after = JoinStrictness() ]
    <JOIN>
    right = TableRef1(ExprContext.ACCEPT_QUERY_OR_JOIN)
    [
        <ON> condition = Expression(ExprContext.ACCEPT_SUB_QUERY) { conditionType = JoinConditionType.ON; }
    |
        <USING> { conditionType = JoinConditionType.USING; }
        ( condition = ParenthesizedSimpleIdentifierList() | condition = SimpleIdentifierCommaList() )
    ]
    {
        if (before != null && after != null) {
            throw new ParseException("A join has one strictness (ANY, ALL, ASOF, SEMI or ANTI), not two: " + before
                + " and " + after);
        }
        return ClickHouseJoin.of(s.end(this), e, global, before != null ? before : after, kind, right,
            conditionType, condition);
    }
}

String JoinStrictness() :
{
}
{
    ( <ANY> | <ALL> | <ASOF> | <SEMI> | <ANTI> ) { return token.image.toUpperCase(java.util.Locale.ROOT); }
}

JoinType JoinKind() :
{
}
{
    <INNER> { return JoinType.INNER; }
|   <LEFT> [ <OUTER> ] { return JoinType.LEFT; }
|   <RIGHT> [ <OUTER> ] { return JoinType.RIGHT; }
|   <FULL> [ <OUTER> ] { return JoinType.FULL; }
|   <CROSS> { return JoinType.CROSS; }
}

/** {@code ... USING a, b} without parentheses, as ClickHouse also reads it. */
SqlNodeList SimpleIdentifierCommaList() :
{
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier id;
    final Span s;
}
{
    id = SimpleIdentifier() { s = span(); list.add(id); }
    ( LOOKAHEAD(2) <COMMA> id = SimpleIdentifier() { list.add(id); } )*
    { return new SqlNodeList(list, s.end(this)); }
}

/**
 * ORDER BY, then ClickHouse's {@code LIMIT n [OFFSET m] BY expressions}, then LIMIT (with ClickHouse's WITH TIES),
 * OFFSET and FETCH as Calcite reads them.
 */
SqlNode OrderByLimitOpt(SqlNode e) :
{
    SqlNodeList orderBy;
    final Span s = Span.of();
    final SqlNode[] offsetFetch = {null, null};
    final SqlNode[] limitBy = {null, null};
    SqlNodeList by = null;
}
{
    ( orderBy = OrderBy(e.isA(SqlKind.QUERY)) [ orderBy = Interpolate(orderBy) ] | { orderBy = null; } )
    [ LOOKAHEAD(LimitByHead()) by = LimitBy(limitBy) ]
    {
        SqlNodeList distinctOn = ClickHouseSyntax.takeDistinctOn(e);
        if (distinctOn != null) {
            if (by != null) {
                throw new ParseException("DISTINCT ON and LIMIT BY cannot be used together: DISTINCT ON (a) is "
                    + "LIMIT 1 BY a");
            }
            by = distinctOn;
            limitBy[0] = SqlLiteral.createExactNumeric("1", distinctOn.getParserPosition());
        }
    }
    [
        LimitClause(s, offsetFetch)
        [ LOOKAHEAD(2) <WITH> <TIES> { offsetFetch[1] = ClickHouseSyntax.withTies(offsetFetch[1]); } ]
        [ OffsetClause(s, offsetFetch) ]
    |
        OffsetClause(s, offsetFetch)
        [ LimitClause(s, offsetFetch) | FetchClause(offsetFetch) ]
    |
        FetchClause(offsetFetch)
    ]
    { return ClickHouseSyntax.orderBy(getPos(), e, orderBy, limitBy[0], limitBy[1], by, offsetFetch[0],
        offsetFetch[1]); }
}

/** {@code DISTINCT ON (a, b)}, which ClickHouse reads as {@code LIMIT 1 BY a, b}. */
SqlNodeList DistinctOn() :
{
    final SqlNodeList list;
}
{
    <DISTINCT> <ON> list = ParenthesizedQueryOrCommaList(ExprContext.ACCEPT_SUB_QUERY) { return list; }
}

void LimitByHead() :
{
}
{
    <LIMIT> UnsignedNumericLiteralOrParam()
    [ ( <OFFSET> | <COMMA> ) UnsignedNumericLiteralOrParam() ]
    <BY>
}

/** {@code LIMIT n [OFFSET m] BY e, ...} or {@code LIMIT m, n BY e, ...}; fills {count, offset}. */
SqlNodeList LimitBy(SqlNode[] countOffset) :
{
    SqlNode first;
    SqlNode e;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    final Span s;
}
{
    <LIMIT> { s = span(); } first = UnsignedNumericLiteralOrParam() { countOffset[0] = first; }
    [
        <OFFSET> countOffset[1] = UnsignedNumericLiteralOrParam()
    |
        <COMMA> countOffset[0] = UnsignedNumericLiteralOrParam() { countOffset[1] = first; }
    ]
    <BY>
    e = Expression(ExprContext.ACCEPT_SUB_QUERY) { list.add(e); }
    ( <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { list.add(e); } )*
    { return new SqlNodeList(list, s.end(this)); }
}

/** An ORDER BY item, with ClickHouse's {@code WITH FILL [FROM a] [TO b] [STEP c]}; or ClickHouse's {@code ALL}. */
void AddOrderItem(List<SqlNode> list) :
{
    SqlNode all;
    SqlNode from = null;
    SqlNode to = null;
    SqlNode step = null;
}
{
    <ALL> { all = ClickHouseSyntax.all(getPos()); }
    [ <ASC> | <DESC> { all = SqlStdOperatorTable.DESC.createCall(getPos(), all); } ]
    { list.add(all); }
|
    CalciteAddOrderItem(list)
    [
        LOOKAHEAD(2) <WITH> <FILL>
        [ <FROM> from = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        [ <TO> to = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        [ <STEP> step = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        {
            final int last = list.size() - 1;
            list.set(last, ClickHouseSyntax.withFill(list.get(last), from, to, step));
        }
    ]
}

/** {@code INTERPOLATE [(a [AS e], ...)]} after ORDER BY ... WITH FILL: the values of the rows WITH FILL adds. */
SqlNodeList Interpolate(SqlNodeList orderBy) :
{
    final List<SqlNode> items = new ArrayList<SqlNode>();
    final Span s;
}
{
    <INTERPOLATE> { s = span(); }
    [ <LPAREN> AddInterpolateItem(items) ( <COMMA> AddInterpolateItem(items) )* <RPAREN> ]
    {
        final List<SqlNode> list = new ArrayList<SqlNode>(orderBy.getList());
        final int last = list.size() - 1;
        list.set(last, ClickHouseSyntax.interpolate(list.get(last), new SqlNodeList(items, s.end(this))));
        return new SqlNodeList(list, orderBy.getParserPosition());
    }
}

void AddInterpolateItem(List<SqlNode> items) :
{
    final SqlIdentifier column;
    SqlNode e = null;
}
{
    column = SimpleIdentifier() [ <AS> e = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    { items.add(ClickHouseSyntax.interpolated(column, e)); }
}

/** GROUP BY, or ClickHouse's GROUP BY ALL; then ClickHouse's {@code WITH ROLLUP}, {@code CUBE} or {@code TOTALS}. */
SqlNodeList GroupBy() :
{
    SqlNodeList groupBy;
}
{
    (
        LOOKAHEAD(3) <GROUP> <BY> <ALL> {
            groupBy = new SqlNodeList(List.of(ClickHouseSyntax.all(getPos())), getPos());
        }
    |
        groupBy = CalciteGroupBy()
    )
    (
        LOOKAHEAD(2) <WITH>
        (
            <ROLLUP> { groupBy = ClickHouseSyntax.groupingSets(SqlStdOperatorTable.ROLLUP, groupBy); }
        |
            <CUBE> { groupBy = ClickHouseSyntax.groupingSets(SqlStdOperatorTable.CUBE, groupBy); }
        |
            <TOTALS> { groupBy = ClickHouseSyntax.withTotals(groupBy); }
        )
    )*
    { return groupBy; }
}

/** A WITH item: Calcite's {@code name AS (query)}, or ClickHouse's {@code expression AS name}. */
void AddWithItem(List<SqlWithItem> list, SqlLiteral recursive) :
{
    final SqlNode e;
    final SqlIdentifier name;
}
{
    LOOKAHEAD(SimpleIdentifier() [ ParenthesizedSimpleIdentifierList() ] <AS> <LPAREN>)
    CalciteAddWithItem(list, recursive)
|
    e = Expression(ExprContext.ACCEPT_SUB_QUERY) <AS> name = SimpleIdentifier() {
        list.add(new ScalarWithItem(name.getParserPosition(), name, e));
    }
}

/** {@code x GLOBAL [NOT] IN (...)}: IN, with the set computed once and sent to every shard. */
void GlobalIn(List<Object> list, ExprContext exprContext, Span s) :
{
    boolean not = false;
    final SqlNodeList nodeList;
}
{
    <GLOBAL> { checkNonQueryExpression(exprContext); s.clear().add(this); }
    [ <NOT> { not = true; } ]
    <IN>
    nodeList = InOperand() {
        list.add(new SqlParserUtil.ToTreeListItem(not ? ClickHouseSyntax.GLOBAL_NOT_IN : ClickHouseSyntax.GLOBAL_IN,
            s.pos()));
        list.add(nodeList.size() == 1 && nodeList.get(0).isA(SqlKind.QUERY) ? nodeList.get(0) : nodeList);
    }
}

/**
 * What follows IN: a list or a query in parentheses, or ClickHouse's name of a table or a WITH query, which is IN its
 * rows ({@code SELECT * FROM name}); the build puts it where Calcite reads IN (proxy/pom.xml).
 */
SqlNodeList InOperand() :
{
    final SqlNodeList list;
    final SqlIdentifier name;
}
{
    (
        list = ParenthesizedQueryOrCommaList(ExprContext.ACCEPT_NONCURSOR)
    |
        name = CompoundIdentifier() {
            list = new SqlNodeList(List.of(ClickHouseSyntax.selectAll(name)), name.getParserPosition());
        }
    )
    { return list; }
}

/** A select item's expression, then ClickHouse's column transformers: EXCEPT, REPLACE and APPLY. */
SqlNode SelectExpression() :
{
    SqlNode e;
    SqlNodeList list;
    SqlIdentifier id;
}
{
    e = CalciteSelectExpression()
    (
        LOOKAHEAD(2) list = StarExcludeList() { e = ClickHouseSyntax.except(e, list); }
    |
        LOOKAHEAD(2) <EXCEPT> id = CompoundIdentifier() {
            e = ClickHouseSyntax.except(e, new SqlNodeList(List.of(id), id.getParserPosition()));
        }
    |
        LOOKAHEAD(2) list = StarReplaceList() { e = ClickHouseSyntax.replace(e, list); }
    |
        LOOKAHEAD(2) <APPLY> (
            <LPAREN> e = ApplyFunction(e) <RPAREN>
        |
            e = ApplyFunction(e)
        )
    )*
    { return e; }
}

/** {@code APPLY}'s function: a name or a lambda. */
SqlNode ApplyFunction(SqlNode e) :
{
    final SqlNode f;
}
{
    (
        LOOKAHEAD((SimpleIdentifierOrList() | <LPAREN> <RPAREN>) <LAMBDA>) f = LambdaExpression()
    |
        f = SimpleIdentifier()
    )
    { return ClickHouseSyntax.apply(e, f); }
}

/** {@code j.a.:String}: a JSON sub-column read as a type. */
void TypedSubcolumn(List<Object> list, ExprContext exprContext, Span s) :
{
    final String type;
}
{
    <DOT> <COLON> { checkNonQueryExpression(exprContext); }
    type = ClickHouseTypeName() {
        list.add(new SqlParserUtil.ToTreeListItem(ClickHouseSyntax.typedSubcolumn(type), getPos()));
    }
}

/** {@code x::Type}: ClickHouse's cast, with ClickHouse's type names (Nullable(String), DateTime64(3, 'UTC')). */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final String type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    type = ClickHouseTypeName() {
        list.add(new SqlParserUtil.ToTreeListItem(ClickHouseSyntax.infixCast(type), getPos()));
    }
}

/** {@code a == b}: ClickHouse's other spelling of {@code =}. */
void DoubleEquals(List<Object> list, ExprContext exprContext, Span s) :
{
    List<Object> list2;
}
{
    <DOUBLE_EQUALS> {
        checkNonQueryExpression(exprContext);
    }
    list2 = Expression2(ExprContext.ACCEPT_SUB_QUERY) {
        list.add(new SqlParserUtil.ToTreeListItem(SqlStdOperatorTable.EQUALS, getPos()));
        list.addAll(list2);
    }
}

/** {@code t.2}: the second element of the tuple {@code t}; the lexer reads {@code .2} as a number. */
void TupleElement(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <DECIMAL_NUMERIC_LITERAL> {
        checkNonQueryExpression(exprContext);
        if (!token.image.matches("\\.[0-9]+")) {
            throw new ParseException("Expected a tuple element index after '.', found " + token.image);
        }
        list.add(new SqlParserUtil.ToTreeListItem(
            ClickHouseSyntax.tupleElement(Integer.parseInt(token.image.substring(1))), getPos()));
    }
}

/** A ClickHouse type, printed again from its parts: never a copy of the text. */
String ClickHouseTypeName() :
{
    final StringBuilder sb = new StringBuilder();
}
{
    ClickHouseTypeWord(sb)
    [
        <LPAREN> { sb.append('('); }
        ClickHouseTypeArgument(sb)
        ( <COMMA> { sb.append(", "); } ClickHouseTypeArgument(sb) )*
        <RPAREN> { sb.append(')'); }
    ]
    { return sb.toString(); }
}

void ClickHouseTypeWord(StringBuilder sb) :
{
    final SqlIdentifier id;
}
{
    (
        id = SimpleIdentifier() { sb.append(ClickHouseSyntax.typeWord(id.getSimple())); }
    |
        ( <DATE> | <TIME> | <TIMESTAMP> | <INTERVAL> ) { sb.append(token.image); }
    )
}

/** A type's argument: a type, a number, a string, a named element ({@code a String}) or an enum value. */
void ClickHouseTypeArgument(StringBuilder sb) :
{
    SqlNode literal;
}
{
    (
        literal = NumericLiteral() { sb.append(literal.toString()); }
    |
        <MINUS> literal = UnsignedNumericLiteral() { sb.append('-').append(literal.toString()); }
    |
        literal = StringLiteral() {
            sb.append(ClickHouseSyntax.quoted(literal));
        }
        [ <EQ> { sb.append(" = "); } ( <MINUS> { sb.append('-'); } )? literal = UnsignedNumericLiteral() {
            sb.append(literal.toString());
        } ]
    |
        ClickHouseTypeName2(sb)
    )
}

/** A type, or a name followed by a type (a named tuple element). */
void ClickHouseTypeName2(StringBuilder sb) :
{
    String type;
}
{
    type = ClickHouseTypeName() { sb.append(type); }
    [ LOOKAHEAD(1) type = ClickHouseTypeName() { sb.append(' ').append(type); } ]
}
