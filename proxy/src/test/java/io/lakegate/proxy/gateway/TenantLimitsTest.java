package io.lakegate.proxy.gateway;

import io.lakegate.proxy.sql.TenantSqlException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantLimitsTest {
    private final TenantLimits limits = TenantLimits.DEFAULTS;

    @Test
    void settingsThatChangeHowClickHouseAnalysesAQueryAreRefused() {
        for (String name : new String[] {"compatibility", "allow_experimental_analyzer", "enable_analyzer",
            "readonly", "additional_table_filters", "allow_ddl"}) {
            assertThatThrownBy(() -> limits.settingsFor(Map.of(name, "0"))).as(name)
                    .isInstanceOf(TenantSqlException.class).hasMessageContaining("Setting " + name + " is not allowed");
        }
    }

    @Test
    void maxThreadsIsBounded() {
        assertThat(limits.settingsFor(Map.of("max_threads", "4"))).containsEntry("max_threads", "4");
        assertThatThrownBy(() -> limits.settingsFor(Map.of("max_threads", "10000")))
                .isInstanceOf(TenantSqlException.class).hasMessageContaining("choose 1 to " + TenantLimits.MAX_THREADS);
    }

    @Test
    void aValueIsOneLiteralAndLimitsCanOnlyBeLowered() {
        assertThatThrownBy(() -> limits.settingsFor(Map.of("join_use_nulls", "1, readonly = 0")))
                .isInstanceOf(TenantSqlException.class).hasMessageContaining("not a valid value");
        assertThatThrownBy(() -> limits.settingsFor(Map.of("max_result_rows", "0")))
                .isInstanceOf(TenantSqlException.class).hasMessageContaining("may only be lowered");
        assertThat(limits.settingsFor(Map.of("max_result_rows", "10"))).containsEntry("max_result_rows", "10");
    }

    @Test
    void clickHouseHintsNamingOtherTablesAreRemovedFromErrors() {
        String message = "Code: 60. DB::Exception: Unknown table expression identifier 'entity_operationz' in scope "
                + "SELECT. Maybe you meant: ['1501_entity_operations', 'lakegate_credentials']. (UNKNOWN_TABLE)";
        assertThat(limits.explain(message)).doesNotContain("1501_").doesNotContain("lakegate_credentials")
                .contains("Unknown table expression identifier 'entity_operationz'").contains("(UNKNOWN_TABLE)");
        assertThat(limits.explain("There is no table db.x. Maybe you meant db.`1501_x`. (UNKNOWN_TABLE)"))
                .doesNotContain("1501").contains("(UNKNOWN_TABLE)");
    }
}
