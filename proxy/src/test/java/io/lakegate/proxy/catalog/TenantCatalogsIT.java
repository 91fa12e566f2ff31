package io.lakegate.proxy.catalog;

import io.lakegate.proxy.gateway.GatewayFixture;
import io.lakegate.proxy.sql.TenantSqlException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantCatalogsIT {
    private static final GatewayFixture FX = GatewayFixture.get();
    private static final Duration TTL = Duration.ofSeconds(2);

    private final TenantCatalogs catalogs = new TenantCatalogs(FX.target.dataSource(FX.settings.database()),
            FX.settings, TTL);

    @Test
    void anOrgInUseHasItsCatalogReadAgainAheadOfTimeWhileItsQueriesGoOn() throws Exception {
        long loaded = System.nanoTime();
        TenantCatalog first = catalogs.forOrg(GatewayFixture.ORG);
        assertThat(catalogs.forOrg(GatewayFixture.ORG)).isSameAs(first);
        Thread.sleep(TTL.toMillis() / 2 + 200);
        // past half the ttl: the call answers with the catalog it has and has it read again in the background
        assertThat(catalogs.forOrg(GatewayFixture.ORG)).isSameAs(first);
        // and the new one is there before the old one would have expired
        long until = loaded + TTL.toNanos() - Duration.ofMillis(150).toNanos();
        TenantCatalog next = first;
        while (next == first && System.nanoTime() < until) {
            Thread.sleep(20);
            next = catalogs.forOrg(GatewayFixture.ORG);
        }
        assertThat(next).isNotSameAs(first);
        assertThat(next.tables()).hasSameSizeAs(first.tables());
    }

    @Test
    void noCatalogIsOlderThanTheTtl() throws Exception {
        TenantCatalog first = catalogs.forOrg(GatewayFixture.NEIGHBOUR);
        Thread.sleep(TTL.toMillis() + 200);
        assertThat(catalogs.forOrg(GatewayFixture.NEIGHBOUR)).isNotSameAs(first);
    }

    @Test
    void anOrgThatIsNotProvisionedIsToldSoEachTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> catalogs.forOrg("987654")).isInstanceOf(TenantSqlException.class)
                    .hasMessageContaining("not provisioned");
        }
    }

    @Test
    void anOrgInUseKeepsItsLastCatalogWhileClickHouseCannotBeReadAndGetsANewOneAfter() throws Exception {
        AtomicBoolean away = new AtomicBoolean();
        DataSource real = FX.target.dataSource(FX.settings.database());
        DataSource flaky = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && away.get()) {
                        throw new SQLException("ClickHouse is away");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TenantCatalogs reading = new TenantCatalogs(flaky, FX.settings, TTL);
        TenantCatalog first = reading.forOrg(GatewayFixture.ORG);
        away.set(true);
        // queries go on for twice the ttl: each reload fails, and the last catalog stays in use
        long until = System.nanoTime() + 2 * TTL.toNanos();
        while (System.nanoTime() < until) {
            assertThat(reading.forOrg(GatewayFixture.ORG)).isSameAs(first);
            Thread.sleep(100);
        }
        away.set(false);
        long back = System.nanoTime() + 2 * TTL.toNanos();
        TenantCatalog next = first;
        while (next == first && System.nanoTime() < back) {
            Thread.sleep(50);
            next = reading.forOrg(GatewayFixture.ORG);
        }
        assertThat(next).isNotSameAs(first);
    }
}
