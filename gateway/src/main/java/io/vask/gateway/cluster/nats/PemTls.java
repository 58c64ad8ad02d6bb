package io.vask.gateway.cluster.nats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context from PEM files, as nats-server and cert-manager write them: the CA that signed the
 * server's certificate (else the JDK's trust store) and an optional client certificate chain with
 * its PKCS#8 key (RSA, EC or Ed25519) for servers that verify clients.
 */
final class PemTls {
  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  static SSLContext context(Path ca, Path cert, Path key) throws IOException {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(ca == null ? null : trustStore(ca));
      KeyManagerFactory keys = null;
      if (cert != null) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
            "client", privateKey(key), NO_PASSWORD, certificates(cert).toArray(Certificate[]::new));
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, NO_PASSWORD);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("NATS TLS files not usable: " + e.getMessage(), e);
    }
  }

  private static KeyStore trustStore(Path ca) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    int i = 0;
    for (Certificate certificate : certificates(ca)) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    return store;
  }

  private static List<Certificate> certificates(Path pem)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      List<Certificate> all =
          List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (all.isEmpty()) {
        throw new IOException("no certificate in " + pem);
      }
      return all;
    }
  }

  private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
    if (pem == null) {
      throw new IOException("a NATS client certificate needs its key file");
    }
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IOException(pem + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
    }
    String body = text.substring(begin + 27, end).replaceAll("\\s", "");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body));
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }
}
