package org.huizong.server.web;

import org.huizong.server.store.CollectionStore;

/**
 * A route's handler: takes the request as its guard resolved it and returns the answer.
 *
 * @param <R> {@code Context} for {@link Guard#ANYONE}, else {@link StaffRequest},
 *     {@link SchoolRequest} or {@link ApiRequest}
 */
@FunctionalInterface
public interface Endpoint<R> {
    Reply handle(R request);

    /** A staff route about one collection: the one its {@code {id}} path segment names. */
    @FunctionalInterface
    interface OfCollection {
        Reply handle(StaffRequest request, CollectionStore.CollectionRow collection);
    }

    /** A staff route about one school of one collection: {@code {id}} and {@code {code}}. */
    @FunctionalInterface
    interface OfSchool {
        Reply handle(StaffRequest request, CollectionStore.CollectionRow collection,
                CollectionStore.SchoolRow school);
    }
}
