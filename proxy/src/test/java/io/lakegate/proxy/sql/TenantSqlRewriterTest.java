package io.lakegate.proxy.sql;

import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.policy.RecordedServerFunctions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rewriter as a function, in the manner of Calcite's parser tests: each case of {@code rewriter-cases.sql} is a
 * tenant's SQL and either the ClickHouse SQL the gateway runs for it ({@code => ...}, spaces and line breaks
 * collapsed) or a part of the refusal's message ({@code !! ...}).
 */
class TenantSqlRewriterTest {
    private static final List<TenantCatalog.Column> COLUMNS = List.of(
            new TenantCatalog.Column("org_id", "String", 1, ""),
            new TenantCatalog.Column("entity_id", "String", 2, ""),
            new TenantCatalog.Column("_tags", "Array(String)", 3, ""),
            new TenantCatalog.Column("timestamp", "DateTime64(3)", 4, ""),
            new TenantCatalog.Column("schema", "String", 5, ""),
            new TenantCatalog.Column("detail", "String", 6, ""));
    private static final TenantCatalog CATALOG = new TenantCatalog("16581729", "datawarehouse", List.of(
            new TenantCatalog.Table("entity_operations", "16581729_entity_operations", COLUMNS),
            new TenantCatalog.Table("current_entities_final", "16581729_current_entities_final", COLUMNS)), Map.of());
    private final TenantSqlRewriter rewriter = new TenantSqlRewriter(new ClickHouseFunctions(
            Set.of("count", "max", "min", "sum", "avg", "any", "groupArray", "sequenceMatch"), Set.of(), List.of()),
            RecordedServerFunctions.policy()); // the reviewed lists over ClickHouse 26.7's functions

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                TenantSqlRewriterTest.class.getResourceAsStream("/rewriter-cases.sql")), StandardCharsets.UTF_8))) {
            String sql = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("--")) {
                    continue;
                }
                if (line.startsWith("=> ") || line.startsWith("!! ")) {
                    cases.add(Arguments.of(Objects.requireNonNull(sql, line), line.substring(0, 2),
                            line.substring(3)));
                    sql = null;
                } else {
                    sql = line;
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsOrRefuses(String sql, String kind, String expected) {
        if (kind.equals("=>")) {
            assertThat(rewriter.rewrite(sql, CATALOG).sql().replaceAll("\\s+", " ")).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> rewriter.rewrite(sql, CATALOG)).isInstanceOf(TenantSqlException.class)
                    .hasMessageContaining(expected);
        }
    }
}
