package org.huizong.server.staff;

import java.time.Clock;
import java.util.List;
import org.huizong.server.returns.Consolidations;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.Notifier;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.AccountStore;
import org.huizong.server.store.Audit;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.ChaseStore;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.CycleStore;
import org.huizong.server.store.DefinitionStore;
import org.huizong.server.store.FileStore;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.SchoolAccessStore;
import org.huizong.server.web.PublicAddress;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.StaffAuth;

/** The bureau staff's route groups; the pages themselves stay private to this package. */
public final class StaffRoutes {
    private StaffRoutes() {
    }

    /**
     * Every staff group, in registration order: {@code /collections/new} is declared before
     * {@code /collections/{id}}, which would otherwise take it.
     */
    public static List<RouteGroup> of(AccountStore accounts, StaffAuth auth, Audit audit,
            CollectionStore collections, ReturnStore returns, EngineFacade engine,
            FileStore files, Submissions submissions, Consolidations consolidations,
            PublicAddress address, long maxUploadBytes, BureauStore bureau, CycleStore cycles,
            Cycle cycle) {
        return List.of(new AccountPages(accounts, auth, audit, collections),
                new SettingsPages(bureau),
                new CollectionPages(collections, returns, engine, files, maxUploadBytes, bureau,
                        cycles, cycle),
                new LinkPages(collections, address),
                new ReviewPages(returns, submissions, engine, cycle, cycles, collections,
                        consolidations),
                new Downloads(collections, returns, engine, files, consolidations, audit,
                        bureau));
    }

    /** Schools' access codes and their slips (see {@link AccessPages}). */
    public static RouteGroup access(CollectionStore collections, SchoolAccessStore access,
            BureauStore bureau, PublicAddress address, Clock clock) {
        return new AccessPages(collections, access, bureau, address, clock);
    }

    /**
     * Chasing and review at volume: the roster import (with its contact columns), the 催报 page,
     * its export, notice and reminders through {@code notifier}, and batch approval.
     */
    public static List<RouteGroup> chasing(CollectionStore collections, ReturnStore returns,
            EngineFacade engine, ChaseStore chase, Notifier notifier, BureauStore bureau,
            Audit audit, long maxUploadBytes, Clock clock) {
        return List.of(new RosterPages(collections, chase, engine, maxUploadBytes),
                new ChasePages(collections, returns, chase, notifier, bureau, audit, clock),
                new BatchApproval(collections, returns));
    }

    /** The collection definitions: list, upload, download as a definition workbook. */
    public static RouteGroup definitions(DefinitionStore definitions, EngineFacade engine,
            FileStore files, long maxUploadBytes) {
        return new DefinitionPages(definitions, engine, files, maxUploadBytes);
    }
}
