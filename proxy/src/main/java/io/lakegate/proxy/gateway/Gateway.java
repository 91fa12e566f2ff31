package io.lakegate.proxy.gateway;

import com.zaxxer.hikari.HikariDataSource;

import io.lakegate.engine.protocol.Authenticator;
import io.lakegate.engine.protocol.ClickHouseException;
import io.lakegate.engine.protocol.ClickHouseHttpHandler;
import io.lakegate.engine.protocol.ClickHouseHttpServer;
import io.lakegate.engine.protocol.Credentials;
import io.lakegate.engine.protocol.ErrorCode;
import io.lakegate.proxy.admin.AdminApi;
import io.lakegate.proxy.admin.AdminServer;
import io.lakegate.proxy.admin.AdminTokens;
import io.lakegate.proxy.admin.Health;
import io.lakegate.proxy.avatica.AvaticaDoor;
import io.lakegate.proxy.avatica.TenantMeta;
import io.lakegate.proxy.catalog.TenantCatalogs;
import io.lakegate.proxy.clickhouse.GatewayConnections;
import io.lakegate.proxy.clickhouse.GatewayQueryBackend;
import io.lakegate.proxy.clickhouse.UpstreamClickHouse;
import io.lakegate.proxy.credentials.ConnectionInfo;
import io.lakegate.proxy.credentials.CredentialStore;
import io.lakegate.proxy.credentials.RevocationEpoch;
import io.lakegate.proxy.policy.FunctionAllowlist;
import io.lakegate.proxy.policy.ServerFunctions;
import io.lakegate.proxy.policy.TenantPolicy;
import io.lakegate.proxy.sql.ClickHouseFunctions;
import io.lakegate.proxy.sql.TenantSqlRewriter;
import io.lakegate.schema.ClickHouseTarget;
import io.lakegate.schema.SchemaManager;
import io.lakegate.schema.SchemaSettings;

import javax.net.ssl.SSLContext;
import java.sql.Connection;
import java.time.Duration;

/** The running gateway: the shared tenant pipeline and its front doors, over one ClickHouse. */
public final class Gateway implements AutoCloseable {
    /**
     * How much statement text the ClickHouse door reads from a request, in bytes, before it is decoded. The limit
     * that counts is {@link TenantSqlRewriter#MAX_QUERY_CHARS} characters, the same on both doors, checked on the
     * decoded text; this one only keeps a huge request from being read into memory, and is 4 bytes per character
     * (UTF-8 takes at most 3 per Java character) so that a query within the character limit, sent in a body or in
     * the URL with its non-ASCII characters percent-encoded, is not refused by it first in practice.
     */
    static final long MAX_REQUEST_QUERY_BYTES = 4L * TenantSqlRewriter.MAX_QUERY_CHARS;

    private static final int HTTP_THREADS = 32;
    /** How long an org's limits are used before they are read again (a change through this gateway counts at once). */
    static final Duration LIMITS_TTL = Duration.ofSeconds(5);
    /** How long an org's catalog (its views and their columns) is used before it is read again. */
    static final Duration CATALOG_TTL = Duration.ofSeconds(10);
    private static final Duration SCHEMA_CHECK_TTL = Duration.ofSeconds(30);

    /**
     * Where and how the doors listen.
     *
     * @param avaticaPort the JDBC door (Avatica); 0 picks a free port
     * @param httpPort    the ClickHouse door over plain HTTP; 0 picks a free port, -1 turns it off
     * @param httpsPort   the ClickHouse door over HTTPS when {@code tls} is set; 0 picks a free port, -1 turns it off
     * @param tls         null for plain HTTP; with it, the JDBC door speaks HTTPS too
     * @param limits      the default tenant limits, for orgs without their own
     * @param admin       the admin port, or null for none
     * @param auditTable  how audit records are buffered on their way to {@code lakegate_audit}
     * @param resultCache how long and how many answers of the ClickHouse door are kept ({@link ResultCache})
     */
    public record Options(String host, int avaticaPort, int httpPort, int httpsPort, SSLContext tls,
                          TenantLimits limits, Admin admin, AuditTable.Settings auditTable,
                          ResultCache.Settings resultCache) {
        /** Without a result cache. */
        public Options(String host, int avaticaPort, int httpPort, int httpsPort, SSLContext tls,
                       TenantLimits limits, Admin admin, AuditTable.Settings auditTable) {
            this(host, avaticaPort, httpPort, httpsPort, tls, limits, admin, auditTable, ResultCache.Settings.OFF);
        }

        /** Without an admin port. */
        public Options(String host, int avaticaPort, int httpPort, int httpsPort, SSLContext tls,
                       TenantLimits limits) {
            this(host, avaticaPort, httpPort, httpsPort, tls, limits, null, AuditTable.Settings.DEFAULTS);
        }
    }

    /**
     * The admin port (API, metrics, health, the credentials page), on the doors' address, over HTTPS when they are.
     *
     * @param port       0 picks a free port
     * @param publicHost the host name tenants reach the doors at, for the connection details of a new credential
     */
    public record Admin(int port, AdminTokens tokens, String publicHost) {
    }

    private final HikariDataSource pool;
    private final TenantGateway pipeline;
    private final AvaticaDoor avatica;
    private final ClickHouseHttpServer http;
    private final ClickHouseHttpServer https;
    private final AuditTable auditTable;
    private final GatewayMetrics metrics;
    private final RevocationEpoch epoch;
    private AdminServer admin;
    private Connection adminConnection;

    private Gateway(HikariDataSource pool, TenantGateway pipeline, AvaticaDoor avatica,
                    ClickHouseHttpServer http, ClickHouseHttpServer https, AuditTable auditTable,
                    GatewayMetrics metrics, RevocationEpoch epoch) {
        this.pool = pool;
        this.pipeline = pipeline;
        this.avatica = avatica;
        this.http = http;
        this.https = https;
        this.auditTable = auditTable;
        this.metrics = metrics;
        this.epoch = epoch;
    }

    public static Gateway start(ClickHouseTarget clickhouse, SchemaSettings settings, Options options)
            throws Exception {
        return start(clickhouse, clickhouse, settings, options);
    }

    /**
     * @param tenantQueries the login tenant queries run with (both doors): on a server, a ClickHouse user that may
     *                      only read the org views (docs/tenant-account.md); {@code clickhouse} itself otherwise. The
     *                      gateway's own work (credentials, limits, audit, catalogs) keeps {@code clickhouse}'s.
     */
    public static Gateway start(ClickHouseTarget clickhouse, ClickHouseTarget tenantQueries, SchemaSettings settings,
                                Options options) throws Exception {
        ServerFunctions serverFunctions;
        // a clear error when ClickHouse cannot be reached or the lake has no schema, before anything starts
        try (Connection connection = clickhouse.connect(settings.database())) {
            serverFunctions = ServerFunctions.load(connection);
        }
        HikariDataSource pool = GatewayConnections.open(clickhouse, settings.database());
        AuditTable auditTable = null;
        RevocationEpoch epoch = null;
        try {
            CredentialStore credentials = new CredentialStore(pool, settings);
            TenantCatalogs catalogs = new TenantCatalogs(pool, settings, CATALOG_TTL);
            ClickHouseFunctions functions = ClickHouseFunctions.of(serverFunctions);
            TenantPolicy policy = new TenantPolicy(FunctionAllowlist.review(serverFunctions));
            UpstreamClickHouse upstream = new UpstreamClickHouse(clickhouse.url(), clickhouse.basicAuthorization());
            AuditLog audit = new AuditLog();
            GatewayMetrics metrics = new GatewayMetrics();
            audit.listen(metrics::record);
            auditTable = new AuditTable(upstream, settings.database(), options.auditTable());
            audit.listen(auditTable);
            OrgLimits limits = new OrgLimits(pool, settings.database(), options.limits(), LIMITS_TTL);
            TenantGateway pipeline = new TenantGateway(catalogs, functions, policy, limits, audit);
            epoch = RevocationEpoch.start(() -> upstream.urgentText(credentials.fingerprintQuery()));
            GatewayAuthenticator authenticator = new GatewayAuthenticator(credentials, epoch::current);
            TenantMeta meta = new TenantMeta(tenantQueries.jdbcUrl(settings.database()), tenantQueries.credentials(),
                    pipeline);
            AvaticaDoor avatica = AvaticaDoor.start(options.host(), options.avaticaPort(), meta, authenticator,
                    credentials, options.tls());
            ClickHouseHttpServer http = null;
            ClickHouseHttpServer https = null;
            try {
                ClickHouseHttpHandler<Tenant> handler = new ClickHouseHttpHandler<>(new GatewayQueryBackend(pipeline,
                        policy, new UpstreamClickHouse(tenantQueries.url(), tenantQueries.basicAuthorization()),
                        new ResultCache(options.resultCache())),
                        clickHouseAuthenticator(authenticator), MAX_REQUEST_QUERY_BYTES, "lakegate");
                if (options.httpPort() >= 0) {
                    http = ClickHouseHttpServer.start(options.host(), options.httpPort(), handler, HTTP_THREADS);
                }
                if (options.tls() != null && options.httpsPort() >= 0) {
                    https = ClickHouseHttpServer.start(options.host(), options.httpsPort(), handler, HTTP_THREADS,
                            options.tls());
                }
            } catch (Exception e) {
                avatica.close();
                if (http != null) {
                    http.close();
                }
                throw e;
            }
            Gateway gateway = new Gateway(pool, pipeline, avatica, http, https, auditTable, metrics, epoch);
            metrics.watch(pipeline, authenticator, meta::openConnections, limits, auditTable);
            if (options.admin() != null) {
                try {
                    gateway.startAdmin(clickhouse, settings, options, upstream, credentials);
                } catch (Exception e) {
                    gateway.close();
                    throw e;
                }
            }
            return gateway;
        } catch (Exception e) {
            if (auditTable != null) {
                auditTable.close();
            }
            if (epoch != null) {
                epoch.close();
            }
            pool.close();
            throw e;
        }
    }

    private void startAdmin(ClickHouseTarget clickhouse, SchemaSettings settings, Options options,
                            UpstreamClickHouse upstream, CredentialStore credentials) throws Exception {
        Admin a = options.admin();
        adminConnection = clickhouse.connect(settings.database());
        AdminApi api = new AdminApi(adminConnection, settings, credentials, pipeline.orgLimits(),
                issued -> new ConnectionInfo(issued, a.publicHost(), avaticaPort(), httpPort(), settings.database()),
                metrics::scrape, epoch::refresh);
        Health health = new Health(() -> upstream.text("SELECT 1"), () -> new SchemaManager(clickhouse, settings)
                .status().stream().filter(s -> !s.ran()).map(SchemaManager.Status::id).toList(), SCHEMA_CHECK_TTL);
        admin = AdminServer.start(options.host(), a.port(), options.tls(), a.tokens(), api, health);
    }

    /** The admin port, or -1 when there is none. */
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    public AuditTable auditTable() {
        return auditTable;
    }

    public TenantGateway pipeline() {
        return pipeline;
    }

    public int avaticaPort() {
        return avatica.port();
    }

    /** The ClickHouse door's HTTP port, or -1 when it is off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** The ClickHouse door's HTTPS port, or -1 when it is off. */
    public int httpsPort() {
        return https == null ? -1 : https.port();
    }

    /** Tenants log in to the ClickHouse door with their gateway credentials, in any way the protocol allows. */
    private static Authenticator<Tenant> clickHouseAuthenticator(GatewayAuthenticator authenticator) {
        return (credentials, remoteAddress) -> {
            if (credentials == null || credentials.equals(Credentials.DEFAULT_USER)) {
                throw new ClickHouseException(ErrorCode.REQUIRED_PASSWORD, "Authentication required: log in with the "
                        + "username and password issued for your organization");
            }
            try {
                return authenticator.authenticate(credentials.user(), credentials.password(), remoteAddress);
            } catch (GatewayAuthenticator.LoginFailedException e) {
                throw new ClickHouseException(ErrorCode.AUTHENTICATION_FAILED, e.getMessage());
            } catch (RuntimeException e) {
                throw new ClickHouseException(ErrorCode.NETWORK_ERROR, "The gateway cannot check credentials right "
                        + "now: try again shortly", e);
            }
        };
    }

    @Override
    public void close() throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (http != null) {
            http.close();
        }
        if (https != null) {
            https.close();
        }
        avatica.close();
        auditTable.close(); // after the doors: their last queries' records are in the buffer
        epoch.close();
        if (adminConnection != null) {
            adminConnection.close();
        }
        pool.close();
    }
}
