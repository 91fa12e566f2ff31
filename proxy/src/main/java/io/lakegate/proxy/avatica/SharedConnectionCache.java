package io.lakegate.proxy.avatica;

import org.apache.calcite.avatica.jdbc.JdbcMeta;

import java.util.Properties;

/**
 * How JdbcMeta's connection cache, which all tenants share, is configured. By default it holds 1,000 connections and
 * closes the least recently used one beyond that, whoever it belongs to: 1,100 connections of one tenant closed another
 * tenant's open connection. Here it never evicts for size; {@link OpenConnections} caps each credential and org
 * instead. Expiry after 10 idle minutes stays: it ends only the idle connection itself.
 */
final class SharedConnectionCache {
    private static final String JDBC_META_SETTINGS = "avatica.";

    private SharedConnectionCache() {
    }

    /** JdbcMeta's properties: the service account's, and the cache settings that JdbcMeta reads from them. */
    static Properties settings(Properties serviceAccount) {
        Properties p = new Properties();
        p.putAll(serviceAccount);
        p.setProperty(JdbcMeta.ConnectionCacheSettings.MAX_CAPACITY.key(), String.valueOf(Long.MAX_VALUE));
        return p;
    }

    /**
     * The properties of a ClickHouse connection: JdbcMeta hands its own properties on to the JDBC driver, and
     * clickhouse-jdbc refuses to connect with properties it does not know ("Unknown and unmapped config properties").
     */
    static Properties withoutCacheSettings(Properties info) {
        Properties p = new Properties();
        info.forEach((k, v) -> {
            if (!String.valueOf(k).startsWith(JDBC_META_SETTINGS)) {
                p.put(k, v);
            }
        });
        return p;
    }
}
