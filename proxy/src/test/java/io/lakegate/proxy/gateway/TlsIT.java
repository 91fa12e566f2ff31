package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lakegate.proxy.admin.AdminTokens;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Both doors over HTTPS: a gateway started with a PEM certificate and key (a self-signed certificate for 127.0.0.1
 * made by keytool), reached by Avatica's driver with the certificate in its trust store and hostname verification on,
 * and on its ClickHouse door by clickhouse-jdbc and curl with the certificate as their root.
 */
class TlsIT {
    private static final String ADMIN_TOKEN = AdminTokens.generate();
    @TempDir
    static Path dir;
    private static SelfSignedCertificate cert;
    private static GatewayFixture fx;
    private static Gateway tls;

    @BeforeAll
    static void gatewayWithTls() throws Exception {
        cert = SelfSignedCertificate.create(dir);
        fx = GatewayFixture.get();
        tls = Gateway.start(fx.target, fx.settings, new Gateway.Options("127.0.0.1", 0, -1, 0,
                PemTls.serverContext(cert.certificate(), cert.key()), GatewayFixture.LIMITS,
                new Gateway.Admin(0, AdminTokens.operator(ADMIN_TOKEN), "127.0.0.1"), AuditTable.Settings.DEFAULTS));
    }

    @AfterAll
    static void stop() throws Exception {
        if (tls != null) {
            tls.close();
        }
    }

    private static String url(String scheme, String extra) {
        return "jdbc:avatica:remote:url=" + scheme + "://127.0.0.1:" + tls.avaticaPort()
                + ";serialization=protobuf;authentication=BASIC" + extra;
    }

    private static String trusting() {
        return ";truststore=" + cert.trustStore() + ";truststore_password=" + cert.trustStorePassword()
                + ";keystore_type=PKCS12";
    }

    private static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("avatica_user", fx.tenant.username());
        p.setProperty("avatica_password", fx.tenant.password());
        return DriverManager.getConnection(url, p);
    }

    /** The admin port has the doors' certificate: its bearer tokens never cross the network in clear. */
    @Test
    void theAdminPortSpeaksHttpsWithTheDoorsCertificate() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(cert.trustStore())) {
            trusted.load(in, cert.trustStorePassword().toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        HttpResponse<String> orgs = HttpClient.newBuilder().sslContext(client).build().send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + tls.adminPort() + "/api/orgs"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(orgs.statusCode()).isEqualTo(200);
        assertThat(orgs.body()).contains(GatewayFixture.ORG);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + tls.adminPort() + "/healthz")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString())).as("no plain HTTP").isInstanceOf(java.io.IOException.class);
    }

    @Test
    void referenceQueryOverHttpsWithTheCertificateTrustedAndHostnameVerified() throws Exception {
        // hostname_verification=STRICT is Avatica's default; said here so the test keeps meaning it
        try (Connection c = connect(url("https", trusting() + ";hostname_verification=STRICT"))) {
            assertThat(GatewayFixture.referenceCounts(c, GatewayFixture.REFERENCE_QUERY))
                    .isEqualTo(Map.of("Wallbox 2024-01", 2L, "Energieausweis 2024-02", 1L));
        }
    }

    @Test
    void clickhouseDoorOverHttpsWithClickhouseJdbcAndCurl() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", fx.tenant.username());
        p.setProperty("password", fx.tenant.password());
        p.setProperty("ssl", "true");
        p.setProperty("sslrootcert", cert.certificate().toString());
        try (Connection c = DriverManager.getConnection("jdbc:clickhouse:https://127.0.0.1:" + tls.httpsPort() + "/"
                + fx.settings.database(), p); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count() FROM entity_operations")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).as("the org's own 6 operations, not the neighbour's 4").isEqualTo(6);
        }
        p.remove("sslrootcert");
        assertThatThrownBy(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:clickhouse:https://127.0.0.1:" + tls.httpsPort()
                    + "/" + fx.settings.database(), p); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
            }
        }).as("the JVM's trust store does not know the certificate").hasStackTraceContaining("PKIX");

        Process curl = new ProcessBuilder("curl", "-sS", "--cacert", cert.certificate().toString(), "-u",
                fx.tenant.username() + ":" + fx.tenant.password(), "--data-binary",
                "SELECT count() FROM entity_operations", "https://127.0.0.1:" + tls.httpsPort() + "/")
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(curl.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("6");

        // without the certificate curl refuses the server, as it must
        Process untrusting = new ProcessBuilder("curl", "-sS", "-u", fx.tenant.username() + ":"
                + fx.tenant.password(), "--data-binary", "SELECT 1", "https://127.0.0.1:" + tls.httpsPort() + "/")
                .redirectErrorStream(true).start();
        String refused = new String(untrusting.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(untrusting.waitFor()).as(refused).isNotZero();
        assertThat(refused).containsIgnoringCase("certificate");
    }

    @Test
    void anUntrustedCertificateOrPlainHttpIsRefused() {
        // the JVM's default trust store does not know the self-signed certificate
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> {
            try (Connection c = connect(url("https", "")); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
            }
        }).hasStackTraceContaining("PKIX path building failed"));
        // plain HTTP to the HTTPS port is answered with a 400 at once (Avatica's driver would retry a dropped
        // connection forever)
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> {
            try (Connection c = connect(url("http", "")); Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1").close();
            }
        }).hasMessageContaining("HTTP/400"));
    }
}
