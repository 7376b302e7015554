package org.huizong.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires the server from its configuration. Every object is made by a provider method here, so
 * the graph reads top to bottom and explicit bindings are required.
 */
final class ServerModule extends AbstractModule {
    private final ServerConfig config;
    private final Clock clock;

    ServerModule(ServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(ServerConfig.class).toInstance(config);
        bind(Clock.class).toInstance(clock);
    }

    @Provides
    @Singleton
    Database database(ServerConfig c) {
        return Database.open(c);
    }

    @Provides
    @Singleton
    FileStore fileStore(ServerConfig c) {
        return new FileStore(c.dataDir());
    }

    @Provides
    @Singleton
    EngineFacade engine(Clock c) {
        return new EngineFacade(c);
    }

    @Provides
    @Singleton
    Audit audit(Database db, Clock c) {
        return new Audit(db.jdbi(), c);
    }

    @Provides
    @Singleton
    AccountStore accounts(Database db, Clock c, Audit audit) {
        return new AccountStore(db.jdbi(), c, audit);
    }

    @Provides
    @Singleton
    CollectionStore collections(Database db, Clock c, Audit audit) {
        return new CollectionStore(db.jdbi(), c, audit);
    }

    @Provides
    @Singleton
    ReturnStore returns(Database db, Clock c, Audit audit) {
        return new ReturnStore(db.jdbi(), c, audit);
    }

    @Provides
    @Singleton
    StaffAuth auth(AccountStore accounts, ServerConfig c) {
        return new StaffAuth(accounts, c.keystore().isPresent());
    }

    @Provides
    @Singleton
    Submissions submissions(EngineFacade engine, FileStore files, CollectionStore collections,
            ReturnStore returns, Audit audit, ServerConfig c) {
        return new Submissions(engine, files, collections, returns, audit, c.maxUploadBytes());
    }

    @Provides
    @Singleton
    Consolidations consolidations(CollectionStore collections, ReturnStore returns,
            EngineFacade engine, FileStore files, Submissions submissions) {
        return new Consolidations(collections, returns, engine, files, submissions);
    }

    @Provides
    @Singleton
    Demo demo(CollectionStore collections, ReturnStore returns, Submissions submissions,
            EngineFacade engine, ServerConfig c) {
        return new Demo(collections, returns, submissions, engine, c.dataDir(),
                c.publicUrl().orElse("http://localhost:" + (c.port() == 0 ? 8080 : c.port())));
    }

    /** Every route, declared by its group; {@code /collections/new} before {@code {id}}. */
    @Provides
    @Singleton
    Routes routes(AccountStore accounts, StaffAuth auth, Audit audit,
            CollectionStore collections, ReturnStore returns, EngineFacade engine,
            FileStore files, Submissions submissions, Consolidations consolidations,
            ServerConfig c) {
        PublicAddress address = new PublicAddress(c.publicUrl());
        List<RouteGroup> groups = List.of(new AccountPages(accounts, auth, audit),
                new CollectionPages(collections, returns, engine, files, c.maxUploadBytes()),
                new LinkPages(collections, address),
                new ReviewPages(returns, submissions, engine, files),
                new Downloads(collections, returns, engine, files, consolidations, audit),
                new SchoolPages(auth, returns, submissions, engine, files),
                new ApiV1(collections, returns, submissions), new AddinRoutes(address));
        Routes routes = new Routes(auth, collections);
        groups.forEach(g -> g.register(routes));
        return routes;
    }
}
