package io.lakegate.proxy.policy;

import io.lakegate.proxy.catalog.TenantCatalog;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.proxy.sql.TenantSqlException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings a tenant's query runs with, as the policy computes them. */
class TenantSettingsTest {
    private final TenantLimits limits = TenantLimits.DEFAULTS;

    @Test
    void settingsThatChangeHowClickHouseAnalysesAQueryAreRefused() {
        for (String name : new String[] {"compatibility", "allow_experimental_analyzer", "enable_analyzer",
            "readonly", "additional_table_filters", "allow_ddl"}) {
            assertThatThrownBy(() -> TenantSettings.settingsFor(limits, Map.of(name, "0"))).as(name)
                    .isInstanceOf(TenantSqlException.class).hasMessageContaining("Setting " + name + " is not allowed");
        }
    }

    @Test
    void aTenantCannotPutItsQueriesAheadOfTheGatewaysOwn() {
        // the revocation poll runs at priority 1, on connections of its own in the embedded engine
        assertThatThrownBy(() -> TenantSettings.settingsFor(limits, Map.of("priority", "1")))
                .isInstanceOf(TenantSqlException.class).hasMessageContaining("Setting priority is not allowed");
    }

    @Test
    void maxThreadsIsBounded() {
        assertThat(TenantSettings.settingsFor(limits, Map.of("max_threads", "4"))).containsEntry("max_threads", "4");
        assertThatThrownBy(() -> TenantSettings.settingsFor(limits, Map.of("max_threads", "10000")))
                .isInstanceOf(TenantSqlException.class)
                .hasMessageContaining("choose 1 to " + TenantSettings.MAX_THREADS);
    }

    @Test
    void aValueIsOneLiteralAndLimitsCanOnlyBeLowered() {
        assertThatThrownBy(() -> TenantSettings.settingsFor(limits, Map.of("join_use_nulls", "1, readonly = 0")))
                .isInstanceOf(TenantSqlException.class).hasMessageContaining("not a valid value");
        assertThatThrownBy(() -> TenantSettings.settingsFor(limits, Map.of("max_result_rows", "0")))
                .isInstanceOf(TenantSqlException.class).hasMessageContaining("may only be lowered");
        assertThat(TenantSettings.settingsFor(limits, Map.of("max_result_rows", "10")))
                .containsEntry("max_result_rows", "10");
    }

    @Test
    void theClauseEndsWithTheRowFiltersAndReadOnlyWhatever() {
        TenantCatalog catalog = new TenantCatalog("7", "lake", List.of(), Map.of("lake.t", "org_id = '7'"));
        String clause = TenantPolicy.settingsClause(new TenantLimits(60, 10, 100, 1000, 1), catalog,
                Map.of("max_threads", "2", "max_result_rows", "5"), Map.of("system.tables", "database = 'lake'"));
        assertThat(clause).isEqualTo("SETTINGS max_threads = 2, max_execution_time = 60, max_result_rows = 5, "
                + "max_result_bytes = 100, max_memory_usage = 1000, result_overflow_mode = 'throw', "
                + "timeout_overflow_mode = 'throw', additional_table_filters = {'lake.t': 'org_id = ''7''', "
                + "'system.tables': 'database = ''lake'''}, readonly = 1");
    }

    @Test
    void aUrlParameterBecomesOneLiteral() {
        assertThat(TenantPolicy.urlSettingValue("4")).isEqualTo("4");
        assertThat(TenantPolicy.urlSettingValue("1, readonly = 0")).isEqualTo("'1, readonly = 0'");
    }
}
