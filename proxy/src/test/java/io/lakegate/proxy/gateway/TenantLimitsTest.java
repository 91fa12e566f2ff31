package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantLimitsTest {
    private final TenantLimits limits = TenantLimits.DEFAULTS;

    @Test
    void clickHouseHintsNamingOtherTablesAreRemovedFromErrors() {
        String message = "Code: 60. DB::Exception: Unknown table expression identifier 'entity_operationz' in scope "
                + "SELECT. Maybe you meant: ['1501_entity_operations', 'lakegate_credentials']. (UNKNOWN_TABLE)";
        assertThat(limits.explain("UNKNOWN_TABLE", message)).doesNotContain("1501_").doesNotContain("lakegate_credentials")
                .contains("Unknown table expression identifier 'entity_operationz'").contains("(UNKNOWN_TABLE)");
        assertThat(limits.explain("UNKNOWN_TABLE", "There is no table db.x. Maybe you meant db.`1501_x`. (UNKNOWN_TABLE)"))
                .doesNotContain("1501").contains("(UNKNOWN_TABLE)");
    }

    @Test
    void aLimitClickHouseEnforcedIsNamed() {
        assertThat(limits.explain("TIMEOUT_EXCEEDED", "Timeout exceeded: elapsed 301 seconds"))
                .startsWith("Tenant limit max_execution_time (300 s) exceeded: Timeout exceeded");
        assertThat(limits.explain("MEMORY_LIMIT_EXCEEDED", "Memory limit exceeded"))
                .startsWith("Tenant limit max_memory_usage (4294967296 bytes) exceeded");
        assertThat(limits.explain("UNKNOWN_IDENTIFIER", "Unknown identifier x")).isEqualTo("Unknown identifier x");
    }
}
