package io.lakegate.proxy.gateway;

import io.lakegate.engine.testing.TestClickHouse;
import io.lakegate.proxy.catalog.TenantCatalog;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second line of defence: queries the gateway's checks would never let through, sent deliberately unbound with
 * the settings every tenant query runs with, still read nothing outside the tenant's rows.
 */
class DefenceInDepthIT {
    private final GatewayFixture fx = GatewayFixture.get();
    private final Tenant tenant = new Tenant(fx.tenant.username(), GatewayFixture.ORG);

    @Test
    void anUnboundQueryCannotReadTheCredentialsOrTheRegistry() throws Exception {
        String db = fx.settings.database();
        assertThat(runUnbound("SELECT count() FROM " + db + ".lakegate_credentials")).isEqualTo("0");
        assertThat(runUnbound("SELECT count() FROM " + db + ".lakegate_orgs")).isEqualTo("0");
        assertThat(runUnbound("SELECT count() FROM (SELECT * FROM " + db + ".lakegate_credentials)")).isEqualTo("0");
        // the same query without the tenant's settings does read them: the filter, not an empty table, hides them
        assertThat(runRaw("SELECT count() > 0 FROM " + db + ".lakegate_credentials")).isEqualTo("1");
    }

    @Test
    void anUnboundQueryCannotReadTheAuditTrailOrTheLimits() throws Exception {
        String db = fx.settings.database();
        // a row in each, the neighbour's: its limit as it is (no per-minute limit), and an audit record of its query
        fx.gateway.pipeline().orgLimits().change(GatewayFixture.NEIGHBOUR, Map.of("max_queries_per_minute", 0L));
        assertThat(fx.clickHouseDoor(fx.neighbour, "", "SELECT 1").statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!runRaw("SELECT count() > 0 FROM " + db + ".lakegate_audit").equals("1")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (String table : new String[] {"lakegate_audit", "lakegate_limits"}) {
            assertThat(runRaw("SELECT count() > 0 FROM " + db + "." + table)).as(table).isEqualTo("1");
            assertThat(runUnbound("SELECT count() FROM " + db + "." + table)).as(table).isEqualTo("0");
        }
    }

    @Test
    void anUnboundQueryReadsOnlyTheTenantsOwnRowsOfEveryDataset() throws Exception {
        String db = fx.settings.database();
        assertThat(runUnbound("SELECT count() FROM " + db + ".`" + GatewayFixture.NEIGHBOUR + "_entity_operations`"))
                .isEqualTo("0");
        assertThat(runUnbound("SELECT groupUniqArray(org_id) FROM " + db + ".entity_operations"))
                .isEqualTo("['" + GatewayFixture.ORG + "']");
        assertThat(runUnbound("SELECT count() FROM " + db + ".journey_sessions WHERE org_id = '"
                + GatewayFixture.NEIGHBOUR + "'")).isEqualTo("0");
        assertThat(runUnbound("SELECT count() FROM " + db + ".`" + GatewayFixture.ORG + "_entity_operations`"))
                .isEqualTo("6");
    }

    @Test
    void anUnboundQueryCannotReachTheServerOrChangeItsSettings() throws Exception {
        assertThat(runUnbound("SELECT count() FROM system.processes")).isEqualTo("0");
        assertThat(runUnbound("SELECT * FROM url('" + TestClickHouse.get().url() + "/?query=SELECT+1', TSV)"))
                .contains("READONLY");
        assertThat(runUnbound("SELECT * FROM file('/etc/passwd', LineAsString)")).contains("READONLY");
        assertThat(runUnbound("CREATE TABLE " + fx.settings.database() + ".x (a Int8) ENGINE = Memory"))
                .contains("READONLY");
    }

    /** {@code sql} with the SETTINGS clause the tenant pipeline gives every query, run on ClickHouse. */
    private String runUnbound(String sql) throws Exception {
        TenantGateway pipeline = fx.gateway.pipeline();
        TenantCatalog catalog = pipeline.catalog(tenant);
        return runRaw(sql + "\n" + pipeline.settingsClause(catalog, Map.of(), Map.of()));
    }

    private static String runRaw(String sql) {
        return TestClickHouse.get().post(sql, "").body().strip();
    }
}
