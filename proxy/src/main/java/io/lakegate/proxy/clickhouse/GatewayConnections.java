package io.lakegate.proxy.clickhouse;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lakegate.schema.ClickHouseTarget;

/**
 * The gateway's own JDBC connections to ClickHouse (catalogs, limits, credentials), pooled so that one org's reload
 * never waits behind another's; tenant queries do not use them.
 */
public final class GatewayConnections {
    /** Reloads run ahead of queries, a few at a time; more would only queue inside ClickHouse. */
    private static final int SIZE = 4;

    private GatewayConnections() {
    }

    public static HikariDataSource open(ClickHouseTarget clickhouse, String database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lakegate-clickhouse");
        config.setJdbcUrl(clickhouse.jdbcUrl(database));
        config.setDataSourceProperties(clickhouse.credentials());
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        // the gateway starts when ClickHouse is away too, and says so per query (its health check too)
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
