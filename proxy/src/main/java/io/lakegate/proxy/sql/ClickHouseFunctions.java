package io.lakegate.proxy.sql;

import io.lakegate.proxy.policy.ServerFunctions;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.util.Optionality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ClickHouse aggregates the validator must know (with every combinator: {@code countIf}, {@code uniqExactIf},
 * {@code argMaxState}, ...), so GROUP BY validation treats them as aggregates. Scalar functions need no declaration:
 * the validator accepts unknown ones, the tenant policy decides which may be called, and ClickHouse checks them.
 *
 * <p>The aggregate names come from the ClickHouse the gateway serves ({@code system.functions}), so they match its
 * version exactly.
 */
public final class ClickHouseFunctions implements SqlOperatorTable {
    /** Aggregates Calcite knows itself (COUNT(*), SUM, ...): left to the standard operator table. */
    private static final Set<String> STANDARD_AGGREGATES = standardAggregates();

    private final Set<String> aggregates;
    private final Set<String> caseInsensitive;
    private final List<String> combinators;
    private final ConcurrentHashMap<String, SqlAggFunction> operators = new ConcurrentHashMap<>();

    public ClickHouseFunctions(Set<String> aggregates, Set<String> caseInsensitiveAggregates,
                               List<String> combinators) {
        this.aggregates = Set.copyOf(aggregates);
        this.caseInsensitive = new HashSet<>();
        caseInsensitiveAggregates.forEach(n -> caseInsensitive.add(n.toLowerCase(Locale.ROOT)));
        // longest first, so "OrDefault" is tried before "If"-like shorter suffixes that end the same way
        List<String> sorted = new ArrayList<>(combinators);
        sorted.sort((a, b) -> b.length() - a.length());
        this.combinators = List.copyOf(sorted);
    }

    /** The aggregates and combinators of the server's functions. */
    public static ClickHouseFunctions of(ServerFunctions server) {
        Set<String> aggregates = new HashSet<>();
        Set<String> insensitive = new HashSet<>();
        for (ServerFunctions.Function f : server.functions()) {
            if (f.aggregate()) {
                aggregates.add(f.name());
                if (f.caseInsensitive()) {
                    insensitive.add(f.name());
                }
            }
        }
        return new ClickHouseFunctions(aggregates, insensitive, server.combinators());
    }

    /** True if {@code name}, possibly with combinators ({@code sumIf}, {@code uniqExactArrayIf}), is an aggregate. */
    public boolean isAggregate(String name) {
        if (aggregates.contains(name) || caseInsensitive.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String combinator : combinators) {
            if (name.length() > combinator.length() && name.endsWith(combinator)
                    && isAggregate(name.substring(0, name.length() - combinator.length()))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> standardAggregates() {
        Set<String> names = new HashSet<>();
        for (SqlOperator op : org.apache.calcite.sql.fun.SqlStdOperatorTable.instance().getOperatorList()) {
            // SUM and AVG are ClickHouse's: they also add up UInt8 conditions, which Calcite types BOOLEAN
            if (op instanceof SqlAggFunction && op.getKind() != SqlKind.SUM && op.getKind() != SqlKind.AVG) {
                names.add(op.getName().toUpperCase(Locale.ROOT));
            }
        }
        return Set.copyOf(names);
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        if (!opName.isSimple() || syntax != SqlSyntax.FUNCTION && syntax != SqlSyntax.FUNCTION_STAR) {
            return;
        }
        String name = opName.getSimple();
        if (isAggregate(name) && !STANDARD_AGGREGATES.contains(name.toUpperCase(Locale.ROOT))) {
            operatorList.add(operators.computeIfAbsent(name, Aggregate::new));
        }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return List.copyOf(operators.values());
    }

    /** A ClickHouse aggregate: any arguments, a type the validator does not need (ClickHouse decides it). */
    private static final class Aggregate extends SqlAggFunction {
        Aggregate(String name) {
            super(name, null, SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.ANY), null,
                    OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false,
                    Optionality.OPTIONAL);
        }
    }
}
