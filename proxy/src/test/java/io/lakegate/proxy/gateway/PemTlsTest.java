package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PEM certificate and key files into a server TLS context, and the operator's mistakes with them. */
class PemTlsTest {
    @TempDir
    static Path dir;
    private static SelfSignedCertificate cert;

    @BeforeAll
    static void certificate() throws Exception {
        cert = SelfSignedCertificate.create(Files.createDirectories(dir.resolve("good")));
    }

    @Test
    void pemCertificateAndPkcs8KeyMakeAContextThatServesTheCertificate() throws Exception {
        SSLContext server = PemTls.serverContext(cert.certificate(), cert.key());
        X509Certificate served = handshake(server);
        assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(served.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
                .contains("127.0.0.1", "localhost");
    }

    @Test
    void missingFilesAreNamed() {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> PemTls.serverContext(missing, cert.key()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-cert").hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> PemTls.serverContext(cert.certificate(), missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-key").hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void traditionalRsaKeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path traditional = Files.writeString(dir.resolve("rsa-key.pem"), cert.traditionalRsaKeyPem());
        assertThat(Files.readString(traditional)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThatThrownBy(() -> PemTls.serverContext(cert.certificate(), traditional))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("traditional format")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + traditional);
    }

    @Test
    void garbageIsRefusedWithAClearMessage() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not PEM at all\n\u0001\u0002");
        assertThatThrownBy(() -> PemTls.serverContext(cert.certificate(), garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-key " + garbage)
                .hasMessageContaining("-----BEGIN PRIVATE KEY-----");
        assertThatThrownBy(() -> PemTls.serverContext(garbage, cert.key()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-cert " + garbage)
                .hasMessageContaining("-----BEGIN CERTIFICATE-----");
        // the right markers around a body that is not base64, or not a key
        Path badBody = Files.writeString(dir.resolve("bad-body.pem"),
                "-----BEGIN PRIVATE KEY-----\n*** not base64 ***\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemTls.serverContext(cert.certificate(), badBody))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-key " + badBody).hasMessageContaining("base64");
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"),
                SelfSignedCertificate.pem("PRIVATE KEY", "hello, world".getBytes()));
        assertThatThrownBy(() -> PemTls.serverContext(cert.certificate(), notAKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-key " + notAKey);
        // the two files swapped
        assertThatThrownBy(() -> PemTls.serverContext(cert.key(), cert.certificate()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-cert " + cert.key());
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefused() throws Exception {
        SelfSignedCertificate other = SelfSignedCertificate.create(Files.createDirectories(dir.resolve("other")));
        assertThatThrownBy(() -> PemTls.serverContext(cert.certificate(), other.key()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tls-key " + other.key())
                .hasMessageContaining("does not belong to the certificate");
    }

    /** A TLS handshake over loopback between the server context and a client trusting the test certificate. */
    private static X509Certificate handshake(SSLContext server) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cert.trustStore())) {
            trust.load(in, cert.trustStorePassword().toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                    s.getOutputStream().write(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort())) {
                s.setSoTimeout(10_000);
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.startHandshake();
                assertThat(s.getInputStream().read()).isEqualTo(1);
                accepted.get(10, TimeUnit.SECONDS);
                return (X509Certificate) s.getSession().getPeerCertificates()[0];
            }
        }
    }
}
