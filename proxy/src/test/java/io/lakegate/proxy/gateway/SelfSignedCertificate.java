package io.lakegate.proxy.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed RSA certificate for 127.0.0.1 and localhost made by the JDK's keytool, written the way an operator
 * hands it to the gateway: {@code cert.pem} and a PKCS#8 {@code key.pem}; plus a PKCS#12 trust store holding only
 * the certificate, for clients.
 */
record SelfSignedCertificate(Path certificate, Path key, Path trustStore, String trustStorePassword,
                             PrivateKey privateKey) {
    private static final String PASSWORD = "changeit";

    static SelfSignedCertificate create(Path dir) throws Exception {
        Path keyStore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "lakegate", "-keyalg", "RSA", "-keysize",
                "2048", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass",
                PASSWORD, "-dname", "CN=localhost", "-validity", "2", "-ext", "SAN=ip:127.0.0.1,dns:localhost")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        Certificate cert = store.getCertificate("lakegate");
        PrivateKey key = (PrivateKey) store.getKey("lakegate", PASSWORD.toCharArray());

        Path certPem = dir.resolve("cert.pem");
        Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("lakegate", cert);
        Path trustStore = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return new SelfSignedCertificate(certPem, keyPem, trustStore, PASSWORD, key);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * The key in the traditional OpenSSL format ({@code BEGIN RSA PRIVATE KEY}, PKCS#1): the RSAPrivateKey structure
     * a PKCS#8 PrivateKeyInfo wraps in its last field, an OCTET STRING.
     */
    String traditionalRsaKeyPem() throws IOException {
        byte[] der = privateKey.getEncoded();
        int[] outer = header(der, 0); // SEQUENCE PrivateKeyInfo
        int at = outer[0];
        at = skip(der, at); // INTEGER version
        at = skip(der, at); // SEQUENCE AlgorithmIdentifier
        if (der[at] != 0x04) {
            throw new IOException("not a PKCS#8 RSA key");
        }
        int[] octets = header(der, at);
        return pem("RSA PRIVATE KEY", Arrays.copyOfRange(der, octets[0], octets[0] + octets[1]));
    }

    /** {offset of the content, length of the content} of the DER element at {@code at}. */
    private static int[] header(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {at + 2, first};
        }
        int n = first & 0x7f;
        int length = 0;
        for (int i = 0; i < n; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        return new int[] {at + 2 + n, length};
    }

    private static int skip(byte[] der, int at) {
        int[] h = header(der, at);
        return h[0] + h[1];
    }
}
