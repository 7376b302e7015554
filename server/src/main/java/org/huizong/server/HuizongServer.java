package org.huizong.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.huizong.server.demo.Demo;
import org.huizong.server.returns.Cycle;
import org.huizong.server.store.AccountStore;
import org.huizong.server.store.Database;
import org.huizong.server.store.PrivateFiles;
import org.huizong.server.web.Limits;
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
        return start(config, clock, Limits.defaults());
    }

    /** Starts with explicit limits against slow and many clients (tests lower them). */
    public static Handle start(ServerConfig config, Clock clock, Limits limits) {
        // The data folder holds the database and every return: the server's account only.
        PrivateFiles.directory(config.dataDir());
        if (config.isSqlite()) {
            PrivateFiles.file(config.dataDir().resolve("huizong.db"));
        }
        Injector injector = Guice.createInjector(new ServerModule(config, clock, limits));
        Database db = injector.getInstance(Database.class);
        try {
            Optional<String> password = injector.getInstance(AccountStore.class)
                    .createFirstAdmin();
            password.ifPresent(p -> System.out.println(firstAdminNotice(p)));
            if (config.demo()) {
                injector.getInstance(Demo.class).loadIfEmpty();
            }
            Routes routes = injector.getInstance(Routes.class);
            Javalin app = WebApp.create(new WebApp.Listen(config.host(), config.port(),
                    config.maxUploadBytes(), config.keystore(), config.keystorePassword(),
                    limits),
                    injector.getInstance(StaffAuth.class), routes);
            app.start();
            return new Handle(app, db, config.keystore().isPresent() ? "https" : "http",
                    password, routes.declared());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * The first administrator's password in a frame, so it stands out among whatever else the
     * terminal shows. Shown once: only its hash is stored.
     */
    static String firstAdminNotice(String password) {
        String rule = "=".repeat(60);
        return String.join(System.lineSeparator(), "", rule,
                "  首次启动：已创建管理员账号",
                "    用户名：" + AccountStore.ADMIN,
                "    初始密码：" + password,
                "  此密码只显示这一次。请立即登录，在“修改密码”中改为自己的密码。",
                rule, "");
    }
}
