package io.lakegate.proxy.clickhouse;

import io.lakegate.proxy.gateway.Tenant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayQueryBackendTest {
    @Test
    void tenantsChoosingTheSameQueryIdGetDifferentIdsUpstream() {
        Tenant a = new Tenant("t1500_a", "1500");
        Tenant b = new Tenant("t1501_b", "1501");
        String id = "9f0c2a7e-0000-4000-8000-000000000001";
        assertThat(GatewayQueryBackend.upstreamQueryId(a, id)).isNotEqualTo(GatewayQueryBackend.upstreamQueryId(b, id))
                .contains(id);
        // a client part cannot reach into another org's space, numeric or UUID
        Tenant numeric = new Tenant("t12345678_c", "12345678");
        Tenant uuid = new Tenant("t_d", "12345678-1234-1234-1234-123456789abc");
        assertThat(GatewayQueryBackend.upstreamQueryId(numeric, "1234-1234-1234-123456789abc-x"))
                .isNotEqualTo(GatewayQueryBackend.upstreamQueryId(uuid, "x"));
        assertThat(GatewayQueryBackend.upstreamQueryId(numeric, "1-x"))
                .isNotEqualTo(GatewayQueryBackend.upstreamQueryId(new Tenant("t123456781_e", "123456781"), "-x"));
        assertThat(GatewayQueryBackend.upstreamQueryId(a, id)).isEqualTo(GatewayQueryBackend.upstreamQueryId(
                new Tenant("t1500_other_user", "1500"), id));
    }
}
