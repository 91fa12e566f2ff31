package io.lakegate.proxy.sql;

import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.sql.TenantSqlException.Reason;
import io.lakegate.proxy.sql.parser.ClickHouseParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlDatePartFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The gateway's query path, up to the SQL that runs: preprocess the tenant's ClickHouse-flavoured SQL, parse it with
 * the gateway's grammar (Calcite's parser with Babel's words and ClickHouse's syntax), validate it against the
 * tenant's catalog (names, scopes, aggregates), bind every table to the tenant's org and print it back as ClickHouse
 * SQL. Validation and binding work on two copies of one parse
 * ({@link QueryCopy}), because the validator rewrites the tree it validates.
 */
public final class TenantSqlRewriter {
    /** What runs in ClickHouse, and what the tenant asked for besides. */
    public record Rewritten(String sql, Map<String, String> settings, String format, List<String> placeholders) {
    }

    /** Longer queries are refused before parsing; BI tools send a few KB at most. */
    public static final int MAX_QUERY_CHARS = 256 * 1024;

    private static final SqlParser.Config PARSER = SqlParser.config()
            .withParserFactory(ClickHouseParserImpl.FACTORY)
            .withQuoting(Quoting.BACK_TICK)
            .withCaseSensitive(true)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withIdentifierMaxLength(1024)
            .withConformance(SqlConformanceEnum.BABEL);
    private static final CalciteConnectionConfig CASE_SENSITIVE;

    static {
        Properties p = new Properties();
        p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CASE_SENSITIVE = new CalciteConnectionConfigImpl(p);
    }

    private final ClickHouseFunctions functions;
    private final TenantPolicy policy;

    /**
     * @param functions the server's functions, for the validator (which are aggregates)
     * @param policy    what the tenant may read and call
     */
    public TenantSqlRewriter(ClickHouseFunctions functions, TenantPolicy policy) {
        this.functions = functions;
        this.policy = policy;
    }

    public Rewritten rewrite(String sql, TenantCatalog catalog) {
        if (sql == null || sql.isBlank()) {
            throw new TenantSqlException(Reason.SYNTAX, "The query is empty: send one SELECT statement");
        }
        if (sql.length() > MAX_QUERY_CHARS) {
            throw new TenantSqlException(Reason.TOO_LARGE, "The query is " + sql.length() + " characters long; the "
                    + "gateway accepts at most " + MAX_QUERY_CHARS);
        }
        try {
            ClickHouseSqlPreprocessor.Result pre = ClickHouseSqlPreprocessor.process(sql, catalog.columnNames());
            SqlNode parsed = parse(pre.sql());
            SqlNode copy = QueryCopy.of(parsed);
            // binding first: its refusals (other orgs' tables, table functions) are the clearest
            SqlNode bound = new TenantBinder(catalog, policy, pre.placeholders(), new SourceText(pre.sql()))
                    .bind(parsed);
            validate(copy != null ? copy : parse(pre.sql()), catalog);
            String out = bound.toSqlString(c -> c.withDialect(GatewayDialect.INSTANCE).withQuoteAllIdentifiers(true)
                    .withIndentation(0)).getSql();
            return new Rewritten(out, pre.settings(), pre.format(), pre.placeholders());
        } catch (StackOverflowError e) {
            throw nestedTooDeeply(e);
        }
    }

    static SqlNode parse(String sql) {
        SqlNode node;
        try {
            node = SqlParser.create(sql, PARSER).parseStmt();
        } catch (SqlParseException e) {
            if (e.getCause() instanceof StackOverflowError) {
                throw nestedTooDeeply(e); // Calcite's parser wraps its own stack overflow, without a message
            }
            throw TenantErrors.syntax(e);
        }
        TenantPolicy.checkStatement(node);
        return node;
    }

    private static TenantSqlException nestedTooDeeply(Throwable cause) {
        return new TenantSqlException(Reason.TOO_LARGE, "The query is nested too deeply for the gateway to read: "
                + "flatten its subqueries or expressions", cause);
    }

    private void validate(SqlNode node, TenantCatalog catalog) {
        JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        root.add(catalog.database(), new TenantSchema(catalog));
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(catalog.database()), types,
                CASE_SENSITIVE);
        SqlValidator validator = new LenientValidator(SqlOperatorTables.chain(functions, STANDARD, GRAMMAR), reader, types,
                SqlValidator.Config.DEFAULT.withLenientOperatorLookup(true).withTypeCoercionEnabled(false)
                        .withConformance(ClickHouseConformance.INSTANCE).withIdentifierExpansion(true),
                catalog, functions);
        try {
            validator.validate(node);
        } catch (CalciteContextException e) {
            throw TenantErrors.invalid(e, catalog);
        } catch (TenantSqlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TenantErrors.internal(e);
        }
    }

    /** Operators of other libraries that the grammar reads and the validator must find by name. */
    private static final SqlOperatorTable GRAMMAR = SqlOperatorTables.of(SqlLibraryOperators.ILIKE,
            SqlLibraryOperators.NOT_ILIKE, SqlLibraryOperators.RLIKE, SqlLibraryOperators.NOT_RLIKE);

    /**
     * Calcite's standard functions as found by name, without the date-part ones and EXTRACT: Calcite turns
     * {@code YEAR(t)} into EXTRACT and checks the argument's type, which the validator does not know, and would read
     * ClickHouse's {@code extract(s, regexp)} as EXTRACT; ClickHouse has functions of these names and resolves them
     * itself. {@code EXTRACT(YEAR FROM t)} is syntax: the parser gives it its operator, not a lookup. The same for
     * the JSON functions ({@code JSON_QUERY(json, path)} is ClickHouse's, with other arguments than the standard's)
     * and COALESCE (ClickHouse's takes no arguments too).
     */
    private static final SqlOperatorTable STANDARD = new SqlOperatorTable() {
        @Override
        public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
                                            List<SqlOperator> operators, SqlNameMatcher matcher) {
            List<SqlOperator> found = new ArrayList<>();
            SqlStdOperatorTable.instance().lookupOperatorOverloads(name, category, syntax, found, matcher);
            found.stream().filter(op -> !clickHouseOwn(op)).forEach(operators::add);
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            return SqlStdOperatorTable.instance().getOperatorList().stream().filter(op -> !clickHouseOwn(op))
                    .toList();
        }

        /**
         * Also {@code CAST(x, 'Type')}: Calcite's CAST would type the result as the type string; SUM and AVG:
         * Calcite's take numbers only, ClickHouse's also its UInt8 conditions ({@code sum(operation = 'x')}).
         */
        private boolean clickHouseOwn(SqlOperator op) {
            return op instanceof SqlDatePartFunction || op.getKind() == SqlKind.EXTRACT || op.getKind() == SqlKind.CAST
                    || op.getKind() == SqlKind.SUM || op.getKind() == SqlKind.AVG
                    || op.getName().startsWith("JSON_") || op.getKind() == SqlKind.COALESCE;
        }
    };

    /**
     * A NULL literal or a {@code ?} given to a ClickHouse function has no type the validator can infer (it does not
     * know the function's signature): it is typed ANY, as the columns are, and ClickHouse types it.
     */
    private static final class LenientValidator extends SqlValidatorImpl {
        private final TenantCatalog catalog;
        private final ClickHouseFunctions functions;
        private ClickHouseSyntax.QueryNames names;

        LenientValidator(SqlOperatorTable operators, CalciteCatalogReader reader, RelDataTypeFactory types,
                         Config config, TenantCatalog catalog, ClickHouseFunctions functions) {
            super(operators, reader, types, config);
            this.catalog = catalog;
            this.functions = functions;
        }

        /**
         * ClickHouse's conditions are numbers (UInt8: {@code WHERE 0}, {@code WHERE has(tags, 'x')}): a number or a
         * value of unknown type is a condition too; ClickHouse refuses the rest itself.
         */
        @Override
        protected void validateWhereOrOn(SqlValidatorScope scope, SqlNode condition, String clause) {
            try {
                super.validateWhereOrOn(scope, condition, clause);
            } catch (CalciteContextException e) {
                rethrowUnlessNumericCondition(e, condition);
            }
        }

        /** {@code HAVING sequenceMatch(...)(...)}: the same for HAVING, whose type check comes last. */
        @Override
        protected void validateHavingClause(SqlSelect select) {
            try {
                super.validateHavingClause(select);
            } catch (CalciteContextException e) {
                rethrowUnlessNumericCondition(e, select.getHaving());
            }
        }

        private void rethrowUnlessNumericCondition(CalciteContextException e, SqlNode condition) {
            RelDataType type = getValidatedNodeTypeIfKnown(condition);
            boolean notBoolean = String.valueOf(e.getMessage()).contains("must be a condition");
            if (!notBoolean || type == null || !SqlTypeUtil.isNumeric(type) && type.getSqlTypeName() != SqlTypeName.ANY) {
                throw e;
            }
        }

        /**
         * ClickHouse's clauses are validated in their standard form (see ClickHouseSyntax.standardForm), and so are
         * sub-columns of values ({@code j.payload.title}), once the names of the query's tables are known.
         */
        @Override
        protected SqlNode performUnconditionalRewrites(SqlNode node, boolean underFrom) {
            if (names == null) {
                names = ClickHouseSyntax.names(node, catalog.database(), catalog.columnNames()); // the whole query
            }
            SqlNode standard = ClickHouseSyntax.subcolumnStandardForm(ClickHouseSyntax.standardForm(node), names);
            if (standard instanceof SqlSelect select && ClickHouseSyntax.isGroupByAll(select.getGroup())) {
                select.setGroupBy(ClickHouseSyntax.groupByAllStandardForm(select, this::isAggregate));
            }
            return super.performUnconditionalRewrites(standard, underFrom);
        }

        /** An aggregate call before validation: one of Calcite's ({@code COUNT(*)}) or a ClickHouse one by name. */
        private boolean isAggregate(SqlCall call) {
            SqlOperator op = call.getOperator();
            return op.isAggregator() || op instanceof SqlUnresolvedFunction && functions.isAggregate(op.getName());
        }

        @Override
        protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
            boolean untyped = SqlUtil.isNullLiteral(node, false) || node instanceof SqlDynamicParam;
            super.inferUnknownTypes(untyped && inferredType.equals(unknownType)
                    ? typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.ANY), true)
                    : inferredType, scope, node);
        }
    }

    /** The tenant's tables for the validator. Column types are ClickHouse's business: the validator checks names. */
    private static final class TenantSchema extends AbstractSchema {
        private final Map<String, Table> tables = new HashMap<>();

        TenantSchema(TenantCatalog catalog) {
            for (String name : catalog.tableNames()) {
                TenantCatalog.Table table = catalog.table(name).orElseThrow();
                tables.put(name, new AbstractTable() {
                    @Override
                    public RelDataType getRowType(RelDataTypeFactory factory) {
                        RelDataTypeFactory.Builder row = factory.builder();
                        RelDataType any = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY),
                                true);
                        table.columns().forEach(c -> row.add(c.name(), any));
                        return row.build();
                    }
                });
            }
        }

        @Override
        protected Map<String, Table> getTableMap() {
            return tables;
        }
    }
}
