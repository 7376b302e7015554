package org.huizong.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the bureau server.
 *
 * @param host the address to listen on ({@code 0.0.0.0} for every interface)
 * @param port the TCP port; 0 picks a free one (see {@link HuizongServer.Handle#port()})
 * @param dataDir where the SQLite database ({@code huizong.db}) and uploaded files
 *     ({@code files/<sha256>}) live; created when missing
 * @param jdbcUrl a PostgreSQL JDBC URL ({@code jdbc:postgresql://host/db?user=..&password=..});
 *     empty for the embedded SQLite database in {@code dataDir}
 * @param demo load the demo county's collection, roster and returns on first start
 * @param maxUploadBytes the largest upload accepted, in bytes
 * @param keystore a PKCS#12 or JKS keystore for HTTPS; empty serves plain HTTP
 * @param keystorePassword the keystore's password, when a keystore is given
 * @param publicUrl the address schools reach the server at ({@code https://jyj.example.cn}),
 *     used in printed links and the add-in manifest; empty uses each request's own address
 */
public record ServerConfig(String host, int port, Path dataDir, Optional<String> jdbcUrl,
        boolean demo, long maxUploadBytes, Optional<Path> keystore,
        Optional<String> keystorePassword, Optional<String> publicUrl) {

    /** 10 MiB: a filled return is about 60 KB, so this leaves room for pasted pictures. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl = publicUrl.map(u -> u.strip().replaceAll("/+$", ""));
        publicUrl.ifPresent(u -> {
            if (!u.matches("https?://[^/?#@\\s]+(/[^?#\\s]*)?")) {
                throw new IllegalArgumentException("public url '" + u
                        + "' is not an http(s) address without query or fragment");
            }
        });
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " outside 0..65535");
        }
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("maxUploadBytes " + maxUploadBytes
                    + " is below 1024");
        }
        jdbcUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:sqlite:")) {
                throw new IllegalArgumentException("jdbc url '" + url
                        + "' is neither jdbc:postgresql: nor jdbc:sqlite:");
            }
        });
        if (keystore.isPresent() && keystorePassword.isEmpty()) {
            throw new IllegalArgumentException("keystore " + keystore.get()
                    + " given without a password");
        }
    }

    /** Port 8080 on every interface, SQLite in {@code dataDir}, no demo, no TLS. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("0.0.0.0", 8080, dataDir, Optional.empty(), false,
                DEFAULT_MAX_UPLOAD_BYTES, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, dataDir, jdbcUrl, demo, maxUploadBytes, keystore,
                keystorePassword, publicUrl);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, jdbcUrl, demo, maxUploadBytes, keystore,
                keystorePassword, publicUrl);
    }

    public ServerConfig withJdbcUrl(String url) {
        return new ServerConfig(host, port, dataDir, Optional.ofNullable(url), demo,
                maxUploadBytes, keystore, keystorePassword, publicUrl);
    }

    public ServerConfig withDemo(boolean on) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, on, maxUploadBytes, keystore,
                keystorePassword, publicUrl);
    }

    public ServerConfig withMaxUploadBytes(long bytes) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, demo, bytes, keystore,
                keystorePassword, publicUrl);
    }

    public ServerConfig withTls(Path keystorePath, String password) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, demo, maxUploadBytes,
                Optional.of(keystorePath), Optional.of(password), publicUrl);
    }

    /** @param url the server's public address; null or blank for each request's own */
    public ServerConfig withPublicUrl(String url) {
        return new ServerConfig(host, port, dataDir, jdbcUrl, demo, maxUploadBytes, keystore,
                keystorePassword, Optional.ofNullable(url).filter(u -> !u.isBlank()));
    }

    /** The JDBC URL in force: the PostgreSQL one, or SQLite at {@code <data>/huizong.db}. */
    public String effectiveJdbcUrl() {
        return jdbcUrl.orElseGet(() -> "jdbc:sqlite:" + dataDir.resolve("huizong.db")
                .toAbsolutePath());
    }

    public boolean isSqlite() {
        return effectiveJdbcUrl().startsWith("jdbc:sqlite:");
    }
}
