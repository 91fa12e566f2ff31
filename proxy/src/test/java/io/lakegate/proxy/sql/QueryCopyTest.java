package io.lakegate.proxy.sql;

import io.lakegate.proxy.gateway.GatewayFixture;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator and the binder each get their own tree of one parse: for every query of the corpora, the copy prints
 * as the parse does, and has no node in common with it that either of them could change.
 */
class QueryCopyTest {
    private static final Set<String> COLUMNS = Set.of("timestamp", "schema", "operation", "detail", "details",
            "entity_id", "activity_id", "user", "date", "value", "status", "name", "type", "id");

    static Stream<String> queries() throws IOException {
        List<String> all = new ArrayList<>(GatewayFixture.queries("/tenant-queries.sql"));
        GatewayFixture.queries("/rewriter-cases.sql").stream()
                .filter(line -> !line.startsWith("=> ") && !line.startsWith("!! ")).forEach(all::add);
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("queries")
    void aCopyPrintsAsTheParseAndSharesNothingMutable(String sql) {
        SqlNode parsed;
        try {
            parsed = TenantSqlRewriter.parse(ClickHouseSqlPreprocessor.process(sql, COLUMNS).sql());
        } catch (TenantSqlException e) {
            return; // a refusal case of the rewriter's: nothing to copy
        }
        SqlNode copy = QueryCopy.of(parsed);
        assertThat(copy).as(sql).isNotNull();
        assertThat(copy.getClass()).isEqualTo(parsed.getClass());
        assertThat(printed(copy)).as(sql).isEqualTo(printed(parsed));
        Set<SqlNode> original = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(parsed, original);
        Set<SqlNode> copied = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(copy, copied);
        copied.retainAll(original);
        assertThat(copied).as(sql).allMatch(n -> n == SqlNodeList.EMPTY || n instanceof SqlLiteral
                || n instanceof SqlDynamicParam || n instanceof SqlDataTypeSpec || n instanceof SqlIntervalQualifier);
    }

    /** Calcite's print of a parse; an operator only the gateway prints (DISTINCT ON in a UNION) names itself. */
    private static String printed(SqlNode node) {
        try {
            return node.toString();
        } catch (UnsupportedOperationException e) {
            return e.getMessage();
        }
    }

    private static void collect(SqlNode node, Set<SqlNode> nodes) {
        if (node == null || !nodes.add(node)) {
            return;
        }
        if (node instanceof SqlNodeList list) {
            list.forEach(n -> collect(n, nodes));
        } else if (node instanceof SqlCall call) {
            call.getOperandList().forEach(n -> collect(n, nodes));
        }
    }
}
