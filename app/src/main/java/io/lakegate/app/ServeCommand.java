package io.lakegate.app;

import io.lakegate.proxy.gateway.AuditTable;
import io.lakegate.proxy.gateway.Gateway;
import io.lakegate.proxy.gateway.PemTls;
import io.lakegate.proxy.gateway.TenantLimits;
import io.lakegate.schema.ClickHouseTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code lakegate serve}: the tenant gateway. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the tenant gateway: tenants log in with their credentials and see only their org's "
                + "tables. Two doors, one pipeline: an Avatica server (JDBC; JSON and protobuf) and the ClickHouse "
                + "HTTP interface (Power BI through the ClickHouse ODBC driver, DataGrip's ClickHouse driver, curl).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ClickHouseOptions clickhouse;

    @Option(names = "--host", defaultValue = "${env:LAKEGATE_GATEWAY_BIND:-127.0.0.1}",
            description = "Address the doors listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, "
                    + "with --tls-cert so passwords never cross the network in clear).")
    String host;

    @Option(names = "--avatica-port", defaultValue = "8765",
            description = "Port of the JDBC door (Avatica) (default: ${DEFAULT-VALUE}).")
    int avaticaPort;

    @Option(names = "--http-port", defaultValue = "8123",
            description = "Port of the ClickHouse door over HTTP, for Power BI (ODBC), DataGrip's ClickHouse driver and "
                    + "curl (default: ${DEFAULT-VALUE}; -1 turns it off).")
    int httpPort;

    @Option(names = "--https-port", defaultValue = "8443",
            description = "Port of the ClickHouse door over HTTPS, when --tls-cert is given (default: ${DEFAULT-VALUE}; "
                    + "-1 turns it off).")
    int httpsPort;

    @Option(names = "--tls-cert", description = "PEM certificate (chain) for HTTPS on the doors.")
    Path tlsCert;

    @Option(names = "--tls-key", description = "PEM PKCS#8 private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--max-execution-seconds", defaultValue = "300",
            description = "Longest a tenant query may run (default: ${DEFAULT-VALUE}).")
    long maxExecutionSeconds;

    @Option(names = "--max-result-rows", defaultValue = "100000000",
            description = "Most rows a tenant query may return (default: ${DEFAULT-VALUE}).")
    long maxResultRows;

    @Option(names = "--max-result-bytes", defaultValue = "8589934592",
            description = "Most bytes a tenant query may return (default: ${DEFAULT-VALUE}, 8 GiB).")
    long maxResultBytes;

    @Option(names = "--max-memory-bytes", defaultValue = "4294967296",
            description = "Most memory a tenant query may use in ClickHouse (default: ${DEFAULT-VALUE}, 4 GiB).")
    long maxMemoryBytes;

    @Option(names = "--max-concurrent-queries", defaultValue = "4",
            description = "Queries one org may run at once (default: ${DEFAULT-VALUE}).")
    int maxConcurrentQueries;

    @Option(names = "--max-connections-per-credential", defaultValue = "64",
            description = "JDBC-door connections one credential may hold open (default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerCredential;

    @Option(names = "--max-connections-per-org", defaultValue = "256",
            description = "JDBC-door connections one org's credentials may hold open together (default: "
                    + "${DEFAULT-VALUE}).")
    int maxConnectionsPerOrg;

    @Option(names = "--max-queries-per-minute", defaultValue = "0",
            description = "Queries one org may start per minute, in bursts of up to as many (default: ${DEFAULT-VALUE}"
                    + ", no limit).")
    int maxQueriesPerMinute;

    @Option(names = "--clickhouse-tenant-user", defaultValue = "${env:CLICKHOUSE_TENANT_USER}",
            description = "On a ClickHouse server: the user tenant queries run as, one that may only read the org "
                    + "views (docs/tenant-account.md); also from CLICKHOUSE_TENANT_USER. Without it they run as "
                    + "--clickhouse-user.")
    String tenantUser;

    @Option(names = "--clickhouse-tenant-password", defaultValue = "${env:CLICKHOUSE_TENANT_PASSWORD}",
            description = "Password of --clickhouse-tenant-user; also from CLICKHOUSE_TENANT_PASSWORD.")
    String tenantPassword;

    @Mixin
    AdminOptions admin;

    @Mixin
    ResultCacheOptions cache;

    @Override
    public Integer call() throws Exception {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both, or neither");
        }
        TenantLimits limits;
        try {
            limits = new TenantLimits(maxExecutionSeconds, maxResultRows, maxResultBytes, maxMemoryBytes,
                    maxConcurrentQueries, maxConnectionsPerCredential, maxConnectionsPerOrg, maxQueriesPerMinute);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Every --max-... limit must be a positive number "
                    + "(--max-queries-per-minute may be 0: no limit)");
        }
        SSLContext tls = tlsCert == null ? null : PemTls.serverContext(tlsCert, tlsKey);
        AdminOptions.Admin adminPort = admin.resolve(DemoCommand.shownHost(host));
        Path dir = clickhouse.embedded.data.toAbsolutePath().normalize();
        try (ClickHouseTarget target = clickhouse.open();
             Gateway gateway = Gateway.start(target, tenantUser == null || tenantUser.isBlank() ? target
                     : target.withLogin(tenantUser, tenantPassword), clickhouse.settings(),
                     new Gateway.Options(host, avaticaPort, httpPort, httpsPort, tls, limits, adminPort.gateway(),
                             AuditTable.Settings.DEFAULTS, cache.resolve()))) {
            String scheme = tls == null ? "http" : "https";
            System.out.println("lakegate gateway for database " + clickhouse.settings().database() + " on ClickHouse "
                    + target.url());
            System.out.println("  JDBC door (Avatica): jdbc:avatica:remote:url=" + scheme + "://" + host + ":"
                    + gateway.avaticaPort() + ";serialization=protobuf;authentication=BASIC");
            if (gateway.httpPort() >= 0) {
                System.out.println("  ClickHouse door:     http://" + host + ":" + gateway.httpPort()
                        + "  (DataGrip: jdbc:clickhouse:http://" + host + ":" + gateway.httpPort() + "/"
                        + clickhouse.settings().database() + "; Power BI: ClickHouse ODBC driver)");
            }
            if (gateway.httpsPort() >= 0) {
                System.out.println("  ClickHouse door:     https://" + host + ":" + gateway.httpsPort());
            }
            GatewayAddress.of(DemoCommand.shownHost(host), gateway.avaticaPort(), gateway.httpPort())
                    .publish(clickhouse.embedded.data);
            if (gateway.adminPort() >= 0) {
                String url = scheme + "://" + DemoCommand.shownHost(host) + ":" + gateway.adminPort();
                Path file = adminPort.record(dir, url);
                System.out.println("  admin API:           " + url + "/api/orgs  (metrics: " + url + "/metrics; "
                        + "token: " + adminPort.tokenSource(file) + ")");
            }
            System.out.println("  issue a login with: lakegate credentials create --org ORG");
            System.out.println("Press Ctrl-C to stop.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                RunningGateway.remove(dir);
                stopped.countDown();
            }));
            stopped.await();
        }
        return 0;
    }
}
