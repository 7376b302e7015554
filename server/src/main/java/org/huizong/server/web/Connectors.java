package org.huizong.server.web;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty as {@link Limits} says: one connector (HTTP, or HTTPS only with a keystore) with the
 * accept queue and idle timeout; the request threads; a minimum rate for request bodies
 * ({@link SlowBodyGuard});
 * and a graceful stop that lets requests in flight finish within the stop timeout, then aborts
 * them.
 */
final class Connectors {
    private Connectors() {
    }

    // Jetty 12.1 deprecates delayDispatchUntilContent for EagerContentHandler, which would hold
    // whole bodies in memory before dispatch; until it is removed, the lighter setting is kept.
    @SuppressWarnings("removal")
    static void configure(JettyConfig jetty, WebApp.Listen config) {
        Limits limits = config.limits();
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 8, 60_000);
        threads.setName("huizong-http");
        jetty.threadPool = threads;
        jetty.modifyServer(server -> {
            server.setStopTimeout(limits.stopTimeout().toMillis());
            // Javalin puts its servlet context inside the innermost wrapper.
            server.setHandler(new SlowBodyGuard(new GracefulHandler(),
                    limits.minBytesPerSecond()));
        });
        jetty.modifyHttpConfiguration(http -> {
            // A request's thread is taken only once its body starts to arrive.
            http.setDelayDispatchUntilContent(true);
            http.setIdleTimeout(limits.idleTimeout().toMillis());
        });
        jetty.addConnector((server, httpConfig) -> {
            ConnectionFactory http = new HttpConnectionFactory(httpConfig);
            ServerConnector connector;
            if (config.tls()) {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(config.keystore().orElseThrow().toAbsolutePath().toString());
                ssl.setKeyStorePassword(config.keystorePassword().orElseThrow());
                httpConfig.addCustomizer(new SecureRequestCustomizer(false));
                connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                        http);
            } else {
                connector = new ServerConnector(server, http);
            }
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setAcceptQueueSize(limits.acceptQueue());
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            return connector;
        });
    }
}
