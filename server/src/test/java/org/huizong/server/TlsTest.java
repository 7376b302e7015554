package org.huizong.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS#12 keystore, as docs/server.md tells a bureau to set it up, with HSTS. */
class TlsTest {
    @Test
    void servesHttpsWithTheGivenKeystore(@TempDir Path dir) throws Exception {
        Path ks = dir.resolve("huizong.p12");
        Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin",
                "keytool").toString(), "-genkeypair", "-alias", "huizong", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "30", "-storetype", "PKCS12", "-keystore",
                ks.toString(), "-storepass", "changeit", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).isZero();
        ServerConfig config = ServerConfig.defaults(dir.resolve("data")).withHost("127.0.0.1")
                .withPort(0).withTls(ks, "changeit");
        try (HuizongServer.Handle h = HuizongServer.start(config)) {
            assertThat(h.baseUrl()).startsWith("https://");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                trust.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create(h.baseUrl() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("教育局工作人员登录");
            assertThat(r.headers().firstValue("set-cookie").orElse("")).contains("Secure");
            assertThat(r.headers().firstValue("strict-transport-security"))
                    .hasValue("max-age=31536000");
        }
    }
}
