package io.lakegate.proxy.clickhouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lakegate.proxy.catalog.Reloads;
import io.lakegate.schema.ClickHouseTarget;

/**
 * The gateway's own JDBC connections to ClickHouse (catalogs, limits, credentials), pooled so that one org's reload
 * never waits behind another's; tenant queries do not use them.
 */
public final class GatewayConnections {

    private GatewayConnections() {
    }

    public static HikariDataSource open(ClickHouseTarget clickhouse, String database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lakegate-clickhouse");
        config.setJdbcUrl(clickhouse.jdbcUrl(database));
        config.setDataSourceProperties(clickhouse.credentials());
        config.setMaximumPoolSize(Reloads.THREADS);
        config.setMinimumIdle(1);
        // a first read of an org waits its turn behind the others (32 orgs' first queries at once), as on one connection
        config.setConnectionTimeout(60_000);
        // the gateway starts when ClickHouse is away too, and says so per query (its health check too)
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
