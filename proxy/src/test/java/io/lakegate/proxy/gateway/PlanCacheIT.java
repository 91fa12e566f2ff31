package io.lakegate.proxy.gateway;

import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.policy.ServerFunctions;
import io.lakegate.proxy.policy.FunctionAllowlist;
import io.lakegate.proxy.catalog.TenantCatalogs;
import io.lakegate.proxy.sql.ClickHouseFunctions;
import io.lakegate.schema.OrgId;
import io.lakegate.schema.OrgProvisioner;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans are kept per org, catalog and limits: the same query of one org is planned once, never handed to another
 * org, and planned again as soon as the org's catalog (its views) or its limits are read changed.
 */
class PlanCacheIT {
    private static final String ORG = "1502";
    private static final String SQL = "SELECT count() AS n FROM journey_events_final";
    private final GatewayFixture fx = GatewayFixture.get();

    /** A pipeline over the fixture's lake that reads each org's catalog again on every query (ttl 0). */
    private TenantGateway pipeline(Connection c, Duration catalogTtl) throws Exception {
        ServerFunctions functions = ServerFunctions.load(c);
        return new TenantGateway(new TenantCatalogs(fx.target.dataSource(fx.settings.database()), fx.settings, catalogTtl), ClickHouseFunctions.of(functions),
                new TenantPolicy(FunctionAllowlist.review(functions)), new OrgLimits(fx.target.dataSource(fx.settings.database()), fx.settings.database(), GatewayFixture.LIMITS, Duration.ofMinutes(5)),
                new AuditLog());
    }

    @Test
    void theSameQueryOfTheSameOrgIsPlannedOnceAndNeverForAnotherOrg() throws Exception {
        try (Connection c = fx.target.connect(fx.settings.database())) {
            TenantGateway pipeline = pipeline(c, Duration.ofMinutes(5));
            Tenant tenant = new Tenant("t", GatewayFixture.ORG);
            Tenant neighbour = new Tenant("n", GatewayFixture.NEIGHBOUR);
            TenantGateway.PlannedQuery first = pipeline.plan(tenant, SQL, Map.of());
            assertThat(pipeline.plan(tenant, SQL, Map.of())).isSameAs(first);
            assertThat(pipeline.plan(tenant, SQL, Map.of("max_threads", "2"))).isNotSameAs(first);
            TenantGateway.PlannedQuery theirs = pipeline.plan(neighbour, SQL, Map.of());
            assertThat(first.sql()).contains(GatewayFixture.ORG + "_journey_events_final")
                    .doesNotContain(GatewayFixture.NEIGHBOUR + "_");
            assertThat(theirs.sql()).contains(GatewayFixture.NEIGHBOUR + "_journey_events_final")
                    .doesNotContain(GatewayFixture.ORG + "_");
            // a user of the same org shares the org's plan: what a plan holds is the org's, not the user's
            assertThat(pipeline.plan(new Tenant("t2", GatewayFixture.ORG), SQL, Map.of())).isSameAs(first);
        }
    }

    @Test
    void aChangeOfTheOrgsViewsIsSeenByTheNextQuery() throws Exception {
        try (Connection c = fx.target.connect(fx.settings.database()); Statement s = c.createStatement()) {
            OrgProvisioner orgs = new OrgProvisioner(c, fx.settings, null);
            orgs.add(List.of(new OrgId(ORG)));
            TenantGateway pipeline = pipeline(c, Duration.ZERO);
            Tenant tenant = new Tenant("t", ORG);
            assertThat(pipeline.plan(tenant, SQL, Map.of()).sql()).contains(ORG + "_journey_events_final");
            s.execute("DROP VIEW `" + fx.settings.database() + "`.`" + ORG + "_journey_events_final`");
            assertThatThrownBy(() -> pipeline.plan(tenant, SQL, Map.of()))
                    .hasMessageContaining("journey_events_final");
            orgs.add(List.of(new OrgId(ORG))); // provisioned again: the view is back
            assertThat(pipeline.plan(tenant, SQL, Map.of()).sql()).contains(ORG + "_journey_events_final");
        }
    }

    @Test
    void aChangeOfTheOrgsLimitsIsSeenByTheNextQuery() throws Exception {
        try (Connection c = fx.target.connect(fx.settings.database())) {
            new OrgProvisioner(c, fx.settings, null).add(List.of(new OrgId(ORG)));
            TenantGateway pipeline = pipeline(c, Duration.ofMinutes(5));
            Tenant tenant = new Tenant("t", ORG);
            assertThat(pipeline.plan(tenant, SQL, Map.of()).sql()).contains("max_result_rows = "
                    + GatewayFixture.LIMITS.maxResultRows());
            pipeline.orgLimits().change(ORG, Map.of("max_result_rows", 77L));
            try {
                assertThat(pipeline.plan(tenant, SQL, Map.of()).sql()).contains("max_result_rows = 77");
            } finally {
                pipeline.orgLimits().change(ORG, java.util.Collections.singletonMap("max_result_rows", null));
            }
            assertThat(pipeline.plan(tenant, SQL, Map.of()).sql()).contains("max_result_rows = "
                    + GatewayFixture.LIMITS.maxResultRows());
        }
    }
}
