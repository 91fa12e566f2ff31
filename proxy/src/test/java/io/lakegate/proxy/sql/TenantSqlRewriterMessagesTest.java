package io.lakegate.proxy.sql;

import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.policy.RecordedServerFunctions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a tenant reads when the gateway cannot take a query: a message that says why, never "null". */
class TenantSqlRewriterMessagesTest {
    private static final TenantCatalog CATALOG = new TenantCatalog("16581729", "datawarehouse",
            List.of(new TenantCatalog.Table("entity_operations", "16581729_entity_operations",
                    List.of(new TenantCatalog.Column("org_id", "String", 1, "")))), Map.of());
    private final TenantSqlRewriter rewriter = new TenantSqlRewriter(new ClickHouseFunctions(Set.of("count"),
            Set.of(), List.of()), RecordedServerFunctions.policy());

    @Test
    void deeplyNestedParenthesesSayWhatIsWrong() {
        String sql = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000);
        assertThatThrownBy(() -> rewriter.rewrite(sql, CATALOG))
                .isInstanceOf(TenantSqlException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("null").contains("nested too deeply"));
    }

    @Test
    void anOrdinarySyntaxErrorStillNamesWhereItIs() {
        assertThatThrownBy(() -> rewriter.rewrite("SELECT FROM FROM entity_operations", CATALOG))
                .isInstanceOf(TenantSqlException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("Syntax error: ").doesNotContain("null"));
    }
}
