package org.huizong.engine.consolidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.huizong.engine.model.Field;

/**
 * The fold's accumulator: the submissions seen so far, cut down to what consolidation needs.
 * A mutable container in the sense of {@link java.util.stream.Collector}: one per thread, merged
 * with {@link #combine}; merging is associative and commutative because {@link Consolidator#finish}
 * sorts everything before it decides anything.
 */
public final class Partial {
    private final List<FoldedReturn> received = new ArrayList<>();
    private final List<Submission.Unreadable> unreadable = new ArrayList<>();

    private final List<Field> numeric;

    Partial(List<Field> numeric) {
        this.numeric = numeric;
    }

    /** Adds one submission; returns this. */
    public Partial add(Submission submission) {
        Objects.requireNonNull(submission, "submission");
        if (submission instanceof Submission.Received r) {
            received.add(FoldedReturn.of(r, numeric));
        } else {
            unreadable.add((Submission.Unreadable) submission);
        }
        return this;
    }

    /** Adds everything another partial holds; returns this. */
    public Partial combine(Partial other) {
        received.addAll(other.received);
        unreadable.addAll(other.unreadable);
        return this;
    }

    /** How many submissions were added, here and in partials combined into this one. */
    public int size() {
        return received.size() + unreadable.size();
    }

    List<FoldedReturn> received() {
        return received;
    }

    List<Submission.Unreadable> unreadable() {
        return unreadable;
    }
}
