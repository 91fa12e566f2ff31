<#--
  ClickHouse's syntax, added to Calcite's grammar through the template's hooks (config.fmpp names each production).
  Each production builds gateway SqlNodes (io.lakegate.proxy.sql.ClickHouseSyntax) that validate like the standard
  ones and print back as ClickHouse SQL.
-->

JoinType LeftSemiJoin() :
{
}
{
    <LEFT> <SEMI> <JOIN> { return JoinType.LEFT_SEMI_JOIN; }
}

JoinType LeftAntiJoin() :
{
}
{
    <LEFT> <ANTI> <JOIN> { return JoinType.LEFT_ANTI_JOIN; }
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
