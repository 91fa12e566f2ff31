package io.lakegate.proxy.gateway;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * A server TLS context from PEM files: the certificate chain and its PKCS#8 private key (RSA, EC or Ed25519). Every
 * mistake with the files is an IllegalArgumentException that names the file and says what to do.
 */
public final class PemTls {
    private static final String BEGIN_KEY = "-----BEGIN PRIVATE KEY-----";
    private static final String END_KEY = "-----END PRIVATE KEY-----";

    private PemTls() {
    }

    public static SSLContext serverContext(Path certificate, Path key) {
        Certificate[] chain = certificates(certificate);
        PrivateKey privateKey = privateKey(key);
        checkPair(chain[0].getPublicKey(), privateKey, certificate, key);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("lakegate", privateKey, new char[0], chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot make a TLS context of --tls-cert " + certificate
                    + " and --tls-key " + key + ": " + e.getMessage(), e);
        }
    }

    private static Certificate[] certificates(Path file) {
        byte[] pem = read(file, "--tls-cert");
        String text = new String(pem, StandardCharsets.US_ASCII);
        String expected = "--tls-cert " + file + " must hold the server's certificate in PEM (-----BEGIN CERTIFICATE-----"
                + "), followed by any intermediate certificates";
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException(expected + (text.contains("PRIVATE KEY")
                    ? "; it holds a private key: were --tls-cert and --tls-key swapped?" : ""));
        }
        try {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(expected);
            }
            return chain.toArray(new Certificate[0]);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(expected + "; it cannot be read: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String pem = new String(read(file, "--tls-key"), StandardCharsets.US_ASCII);
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("--tls-key " + file + " is in the traditional format; convert it to "
                    + "PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        }
        if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("--tls-key " + file + " is encrypted; the gateway needs it unencrypted: "
                    + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
        }
        int start = pem.indexOf(BEGIN_KEY);
        int end = pem.indexOf(END_KEY);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("--tls-key " + file + " holds no unencrypted PEM private key "
                    + "(" + BEGIN_KEY + ")" + (pem.contains("BEGIN CERTIFICATE")
                    ? "; it holds a certificate: were --tls-cert and --tls-key swapped?" : ""));
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(start + BEGIN_KEY.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tls-key " + file + ": the text between the BEGIN and END lines is "
                    + "not base64 (" + e.getMessage() + ")");
        }
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // not this algorithm
            }
        }
        throw new IllegalArgumentException("--tls-key " + file + " is not a PKCS#8 RSA, EC or Ed25519 private key");
    }

    /** Refuses a key that does not belong to the certificate: every handshake would fail later, less clearly. */
    private static void checkPair(PublicKey publicKey, PrivateKey privateKey, Path certificate, Path key) {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> privateKey.getAlgorithm();
        };
        boolean matches;
        try {
            byte[] probe = "lakegate".getBytes(StandardCharsets.US_ASCII);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(privateKey);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(publicKey);
            verify.update(probe);
            matches = verify.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false; // e.g. an EC key with an RSA certificate
        }
        if (!matches) {
            throw new IllegalArgumentException("--tls-key " + key + " does not belong to the certificate in "
                    + "--tls-cert " + certificate + " (the first certificate must be the server's own)");
        }
    }

    private static byte[] read(Path file, String option) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + option + " " + file + ": " + e.getMessage(), e);
        }
    }
}
