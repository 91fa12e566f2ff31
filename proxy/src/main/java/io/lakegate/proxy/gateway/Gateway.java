package io.lakegate.proxy.gateway;

import io.lakegate.proxy.avatica.AvaticaDoor;
import io.lakegate.proxy.avatica.TenantMeta;
import io.lakegate.proxy.catalog.TenantCatalogs;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.sql.ClickHouseFunctions;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.SchemaSettings;

import javax.net.ssl.SSLContext;
import java.sql.Connection;
import java.time.Duration;

/** The running gateway: the shared tenant pipeline and its front doors, over one ClickHouse. */
public final class Gateway implements AutoCloseable {
    /**
     * Where and how the doors listen.
     *
     * @param avaticaPort the JDBC door (Avatica); 0 picks a free port
     * @param httpPort    the ClickHouse door over plain HTTP; 0 picks a free port, -1 turns it off
     * @param httpsPort   the ClickHouse door over HTTPS when {@code tls} is set; 0 picks a free port, -1 turns it off
     * @param tls         null for plain HTTP; with it, the JDBC door speaks HTTPS too
     */
    public record Options(String host, int avaticaPort, int httpPort, int httpsPort, SSLContext tls,
                          TenantLimits limits) {
    }

    private final Connection connection;
    private final TenantGateway pipeline;
    private final AvaticaDoor avatica;

    private Gateway(Connection connection, TenantGateway pipeline, AvaticaDoor avatica) {
        this.connection = connection;
        this.pipeline = pipeline;
        this.avatica = avatica;
    }

    public static Gateway start(ClickHouseTarget clickhouse, SchemaSettings settings, Options options)
            throws Exception {
        Connection connection = clickhouse.connect(settings.database());
        try {
            CredentialStore credentials = new CredentialStore(connection, settings);
            TenantCatalogs catalogs = new TenantCatalogs(connection, settings.database(), Duration.ofSeconds(10));
            TenantGateway pipeline = new TenantGateway(catalogs, ClickHouseFunctions.load(connection),
                    options.limits());
            TenantMeta meta = new TenantMeta(clickhouse.jdbcUrl(settings.database()), clickhouse.credentials(),
                    pipeline);
            AvaticaDoor avatica = AvaticaDoor.start(options.host(), options.avaticaPort(), meta,
                    new GatewayAuthenticator(credentials), credentials, options.tls());
            return new Gateway(connection, pipeline, avatica);
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    public TenantGateway pipeline() {
        return pipeline;
    }

    public int avaticaPort() {
        return avatica.port();
    }

    /**
     * The ClickHouse door's HTTP port, or -1 when it is off. TEMPORARY (branch demo only): the ClickHouse door is being
     * written on main; this stub keeps `lakegate demo` compiling until that lands and replaces it.
     */
    public int httpPort() {
        return -1;
    }

    @Override
    public void close() throws Exception {
        avatica.close();
        connection.close();
    }
}
