package org.huizong.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.huizong.server.demo.Demo;
import org.huizong.server.returns.Consolidations;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.Notifier;
import org.huizong.server.returns.Submissions;
import org.huizong.server.school.SchoolRoutes;
import org.huizong.server.staff.StaffRoutes;
import org.huizong.server.store.AccountStore;
import org.huizong.server.store.Audit;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.ChaseStore;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CycleStore;
import org.huizong.server.store.Database;
import org.huizong.server.store.DefinitionStore;
import org.huizong.server.store.FileStore;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.SchoolAccessStore;
import org.huizong.server.web.Limits;
import org.huizong.server.web.PublicAddress;
import org.huizong.server.web.ReadGate;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.Routes;
import org.huizong.server.web.StaffAuth;
import org.huizong.server.web.StaticFiles;

/**
 * Wires the server from its configuration. Every object is made by a provider method here, so
 * the graph reads top to bottom and explicit bindings are required.
 */
final class ServerModule extends AbstractModule {
    private final ServerConfig config;
    private final Clock clock;
    private final Limits limits;

    ServerModule(ServerConfig config, Clock clock, Limits limits) {
        this.config = config;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(ServerConfig.class).toInstance(config);
        bind(Clock.class).toInstance(clock);
        bind(ReadGate.class).toInstance(new ReadGate(limits));
    }

    @Provides
    @Singleton
    Database database(ServerConfig c) {
        return Database.open(c.effectiveJdbcUrl());
    }

    @Provides
    @Singleton
    FileStore fileStore(ServerConfig c) {
        return new FileStore(c.dataDir());
    }

    @Provides
    @Singleton
    EngineFacade engine(Clock c, DefinitionStore definitions, FileStore files) {
        return new EngineFacade(c, definitions, files);
    }

    @Provides
    @Singleton
    DefinitionStore definitions(Database db, Clock c, Audit audit) {
        return new DefinitionStore(db.jdbi(), c, audit);
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
    SchoolAccessStore access(Database db, Clock c, Audit audit) {
        return new SchoolAccessStore(db.jdbi(), c, audit);
    }

    @Provides
    @Singleton
    StaffAuth auth(AccountStore accounts, ServerConfig c) {
        return new StaffAuth(accounts, c.keystore().isPresent());
    }

    @Provides
    @Singleton
    BureauStore bureau(Database db, Audit audit) {
        return new BureauStore(db.jdbi(), audit);
    }

    @Provides
    @Singleton
    CycleStore cycles(Database db, Clock c, Audit audit) {
        return new CycleStore(db.jdbi(), c, audit);
    }

    @Provides
    @Singleton
    ChaseStore chase(Database db, Clock c, Audit audit) {
        return new ChaseStore(db.jdbi(), c, audit);
    }

    /** Reminders are kept in the outbox; bind another {@link Notifier} to really send them. */
    @Provides
    @Singleton
    Notifier notifier(ChaseStore chase) {
        return Notifier.outbox(chase);
    }

    @Provides
    @Singleton
    Cycle cycle(CycleStore cycles, BureauStore bureau, Clock clock) {
        return new Cycle(cycles, bureau, clock);
    }

    @Provides
    @Singleton
    Submissions submissions(EngineFacade engine, FileStore files, CollectionStore collections,
            ReturnStore returns, Audit audit, Cycle cycle, ServerConfig c, ReadGate gate,
            Clock clock) {
        return new Submissions(engine, files, collections, returns, audit, cycle,
                c.maxUploadBytes(), gate, clock);
    }

    @Provides
    @Singleton
    Consolidations consolidations(CollectionStore collections, ReturnStore returns,
            EngineFacade engine, FileStore files, Submissions submissions, BureauStore bureau) {
        return new Consolidations(collections, returns, engine, files, submissions, bureau);
    }

    @Provides
    @Singleton
    Demo demo(CollectionStore collections, ReturnStore returns, Submissions submissions,
            EngineFacade engine, BureauStore bureau, ChaseStore chase, ServerConfig c) {
        return new Demo(collections, returns, submissions, engine, bureau, chase, c.dataDir(),
                c.publicUrl().orElse("http://localhost:" + (c.port() == 0 ? 8080 : c.port())));
    }

    /** Every route, declared by its group: the staff's, the schools', the static files. */
    @Provides
    @Singleton
    Routes routes(AccountStore accounts, StaffAuth auth, Audit audit,
            CollectionStore collections, ReturnStore returns, EngineFacade engine,
            FileStore files, Submissions submissions, Consolidations consolidations,
            BureauStore bureau, CycleStore cycles, Cycle cycle, DefinitionStore definitions,
            ServerConfig c, ReadGate gate, SchoolAccessStore access, Clock clock,
            ChaseStore chase, Notifier notifier) {
        PublicAddress address = new PublicAddress(c.publicUrl());
        Routes routes = new Routes(auth, collections, gate);
        List<RouteGroup> groups = new ArrayList<>(StaffRoutes.of(accounts, auth, audit,
                collections, returns, engine, files, submissions, consolidations, address,
                c.maxUploadBytes(), bureau, cycles, cycle));
        groups.addAll(StaffRoutes.chasing(collections, returns, engine, chase, notifier, bureau,
                audit, c.maxUploadBytes(), clock));
        groups.add(StaffRoutes.definitions(definitions, engine, files, c.maxUploadBytes()));
        groups.addAll(SchoolRoutes.of(auth, collections, returns, submissions, engine,
                address, cycle, bureau));
        groups.add(StaffRoutes.access(collections, access, bureau, address, clock));
        groups.add(SchoolRoutes.signIn(auth, access));
        groups.add(new StaticFiles());
        groups.forEach(g -> g.register(routes));
        return routes;
    }
}
