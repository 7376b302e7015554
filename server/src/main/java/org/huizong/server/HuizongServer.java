package org.huizong.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.huizong.server.demo.Demo;
import org.huizong.server.returns.Cycle;
import org.huizong.server.store.AccountStore;
import org.huizong.server.store.Database;
import org.huizong.server.web.Route;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffAuth;
import org.huizong.server.web.WebApp;

/**
 * The bureau server: {@code huizong serve} calls {@link #start(ServerConfig)}.
 *
 * <pre>{@code
 * HuizongServer.Handle h = HuizongServer.start(ServerConfig.defaults(Path.of("data")));
 * System.out.println("listening on " + h.baseUrl());
 * ...
 * h.stop();
 * }</pre>
 *
 * <p>On the first start it creates the {@code admin} account and prints its password once (also
 * available from {@link Handle#initialAdminPassword()}); with {@code demo} it loads the demo
 * county when the database has no collection yet.
 */
public final class HuizongServer {
    private HuizongServer() {
    }

    /** A running server. */
    public static final class Handle implements AutoCloseable {
        private final Javalin app;
        private final Database database;
        private final String scheme;
        private final Optional<String> initialAdminPassword;
        private final List<Route> routes;

        private Handle(Javalin app, Database database, String scheme,
                Optional<String> initialAdminPassword, List<Route> routes) {
            this.app = app;
            this.database = database;
            this.scheme = scheme;
            this.initialAdminPassword = initialAdminPassword;
            this.routes = routes;
        }

        /** Every route the server serves, as declared (tests walk them). */
        List<Route> routes() {
            return routes;
        }

        /** The port actually bound (useful with port 0). */
        public int port() {
            return app.port();
        }

        /** {@code http://localhost:<port>} (https with a keystore). */
        public String baseUrl() {
            return scheme + "://localhost:" + port();
        }

        /** The first admin's password when this start created it, else empty. */
        public Optional<String> initialAdminPassword() {
            return initialAdminPassword;
        }

        /** Stops serving, then closes the database; safe to call twice. */
        public void stop() {
            app.stop();
            database.close();
        }

        @Override
        public void close() {
            stop();
        }
    }

    public static Handle start(ServerConfig config) {
        // Books and documents show times as the bureau reads its clock: Beijing time.
        return start(config, Clock.system(Cycle.ZONE));
    }

    /** Starts with an explicit clock (tests). */
    public static Handle start(ServerConfig config, Clock clock) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建数据目录 " + config.dataDir(), e);
        }
        Injector injector = Guice.createInjector(new ServerModule(config, clock));
        Database db = injector.getInstance(Database.class);
        try {
            Optional<String> password = injector.getInstance(AccountStore.class)
                    .createFirstAdmin();
            password.ifPresent(p -> System.out.println("首次启动：已创建管理员账号 "
                    + AccountStore.ADMIN + "，初始密码 " + p + " （只显示这一次，请登录后妥善保管）"));
            if (config.demo()) {
                injector.getInstance(Demo.class).loadIfEmpty();
            }
            Routes routes = injector.getInstance(Routes.class);
            Javalin app = WebApp.create(new WebApp.Listen(config.host(), config.port(),
                    config.maxUploadBytes(), config.keystore(), config.keystorePassword()),
                    injector.getInstance(StaffAuth.class), routes);
            app.start();
            return new Handle(app, db, config.keystore().isPresent() ? "https" : "http",
                    password, routes.declared());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
