package org.huizong.server.school;

import java.util.List;
import org.huizong.server.returns.Cycle;
import org.huizong.server.returns.EngineFacade;
import org.huizong.server.returns.Submissions;
import org.huizong.server.store.BureauStore;
import org.huizong.server.store.CollectionStore;
import org.huizong.server.store.ReturnStore;
import org.huizong.server.store.SchoolAccessStore;
import org.huizong.server.web.PublicAddress;
import org.huizong.server.web.RouteGroup;
import org.huizong.server.web.StaffAuth;

/** The schools' route groups: their pages, the JSON API, the add-in's files. */
public final class SchoolRoutes {
    private SchoolRoutes() {
    }

    public static List<RouteGroup> of(StaffAuth auth, CollectionStore collections,
            ReturnStore returns, Submissions submissions, EngineFacade engine,
            PublicAddress address, Cycle cycle, BureauStore bureau) {
        return List.of(new SchoolPages(auth, returns, submissions, engine, cycle, bureau),
                new ApiV1(collections, returns, submissions), new AddinRoutes(address));
    }

    /** The schools' sign-in by access code: the {@code /school} page and the add-in's call. */
    public static RouteGroup signIn(StaffAuth auth, SchoolAccessStore access) {
        return new SchoolSignIn(auth, access);
    }
}
