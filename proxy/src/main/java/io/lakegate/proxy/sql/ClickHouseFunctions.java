package io.lakegate.proxy.sql;

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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The ClickHouse functions the validator must know: aggregates (with every combinator: {@code countIf},
 * {@code uniqExactIf}, {@code argMaxState}, ...), so GROUP BY validation treats them as aggregates; and the functions a
 * tenant may not call because they reach outside the tenant's views or describe the server. Scalar functions need no
 * declaration: the validator accepts unknown ones and ClickHouse checks them.
 *
 * <p>The aggregate names come from the ClickHouse the gateway serves ({@code system.functions}), so they match its
 * version exactly.
 */
public final class ClickHouseFunctions implements SqlOperatorTable {
    /** Functions that read dictionaries or other tables, or tell about the server, its users and settings. */
    private static final Pattern DENIED = Pattern.compile("(?i)(dict[a-z0-9_]*|joinGet[a-z0-9_]*|hasColumnInTable|"
            + "hasColumnInTable[a-z0-9_]*|getMacro|getSetting[a-z0-9_]*|currentUser|current_user|session_user|"
            + "authenticatedUser|user|fullHostName|log(Trace|Debug|Info|Warning|Error)[a-z]*|showCertificate|revision|"
            + "structureToCapnProtoSchema|structureToProtobufSchema|transactionID|transactionLatestSnapshot|"
            + "transactionOldestSnapshot|"
            + "currentRoles|enabledRoles|defaultRoles|currentProfiles|"
            + "enabledProfiles|defaultProfiles|currentQueryID|queryID|initialQueryID|initialQueryStartTime|hostName|"
            + "fqdn|getServerPort|tcpPort|uptime|serverUUID|displayName|getOSKernelVersion|filesystem[a-z]*|"
            + "zookeeperSessionUptime|buildId|connectionId|connection_id|shardNum|shardCount|getClientHTTPHeader|"
            + "file|input|globalVariable|getMergeTreeSetting|getServerSetting|catboostEvaluate|evalMLMethod|"
            + "modelEvaluate|executable|url|s3|remote|remoteSecure|cluster|clusterAllReplicas|mysql|postgresql|"
            + "hdfs|jdbc|odbc|sleep|sleepEachRow|blockSerializedSize|getMaxTableNameLengthForDatabase|__[a-z_]*)");

    /** Aggregates Calcite knows itself (COUNT(*), SUM, ...): left to the standard operator table. */
    private static final Set<String> STANDARD_AGGREGATES = standardAggregates();

    private final Set<String> aggregates;
    private final Map<String, String> aliases;
    private final Set<String> caseInsensitive;
    private final List<String> combinators;
    private final ConcurrentHashMap<String, SqlAggFunction> operators = new ConcurrentHashMap<>();

    public ClickHouseFunctions(Set<String> aggregates, Set<String> caseInsensitiveAggregates,
                               List<String> combinators) {
        this(aggregates, caseInsensitiveAggregates, combinators, Map.of());
    }

    /** @param aliases other names of functions ({@code authUser} for {@code currentUser}), lower case too */
    public ClickHouseFunctions(Set<String> aggregates, Set<String> caseInsensitiveAggregates,
                               List<String> combinators, Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
        this.aggregates = Set.copyOf(aggregates);
        this.caseInsensitive = new HashSet<>();
        caseInsensitiveAggregates.forEach(n -> caseInsensitive.add(n.toLowerCase(Locale.ROOT)));
        // longest first, so "OrDefault" is tried before "If"-like shorter suffixes that end the same way
        List<String> sorted = new ArrayList<>(combinators);
        sorted.sort((a, b) -> b.length() - a.length());
        this.combinators = List.copyOf(sorted);
    }

    /** Reads the aggregate functions and combinators of the ClickHouse behind {@code connection}. */
    public static ClickHouseFunctions load(Connection connection) throws SQLException {
        Set<String> aggregates = new HashSet<>();
        Set<String> insensitive = new HashSet<>();
        List<String> combinators = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        synchronized (connection) {
            try (Statement s = connection.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT name, case_insensitive FROM system.functions "
                        + "WHERE is_aggregate")) {
                    while (rs.next()) {
                        aggregates.add(rs.getString(1));
                        if (rs.getBoolean(2)) {
                            insensitive.add(rs.getString(1));
                        }
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT name FROM system.aggregate_function_combinators")) {
                    while (rs.next()) {
                        combinators.add(rs.getString(1));
                    }
                }
                // a denied function is denied under each of its names (authUser, query_id, ...)
                try (ResultSet rs = s.executeQuery("SELECT name, alias_to, case_insensitive FROM system.functions "
                        + "WHERE alias_to != ''")) {
                    while (rs.next()) {
                        aliases.put(rs.getString(1), rs.getString(2));
                        if (rs.getBoolean(3)) {
                            aliases.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                        }
                    }
                }
            }
        }
        return new ClickHouseFunctions(aggregates, insensitive, combinators, aliases);
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

    /** Throws if a tenant may not call {@code name}, or the function it is another name of. */
    public void checkAllowed(String name) {
        String canonical = aliases.getOrDefault(name, aliases.getOrDefault(name.toLowerCase(Locale.ROOT), name));
        if ((DENIED.matcher(name).matches() || DENIED.matcher(canonical).matches())
                && !name.equals(ClickHouseSqlPreprocessor.PARAMS_FUNCTION)) {
            throw new TenantSqlException(TenantSqlException.Reason.NOT_ALLOWED, "Function " + name + "() is not "
                    + "allowed: it reads outside your tables or describes the server");
        }
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
