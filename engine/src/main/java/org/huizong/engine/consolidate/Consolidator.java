package org.huizong.engine.consolidate;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;

/**
 * Consolidates a period's returns against the roster: a fold whose accumulator ({@link Partial})
 * merges associatively, so reading in parallel is one line:
 *
 * <pre>{@code
 * Consolidation c = files.parallelStream().map(this::submission).collect(consolidator.collector());
 * }</pre>
 *
 * <p>Input order never matters. When a school sent several returns the one saved last counts:
 * the workbook's own saved time, else {@link Submission#time()} (for files, last-modified time;
 * on the server, upload time), ties broken by content, then file name. Immutable; the
 * {@code with} methods return a copy.
 */
public final class Consolidator {
    private final Collection collection;
    private final Roster roster;
    private final Optional<Period> period;
    private final boolean includeWithErrors;
    private final Optional<Return> previous;
    private final Indicators indicators;

    private Consolidator(Collection collection, Roster roster, Optional<Period> period,
            boolean includeWithErrors, Optional<Return> previous, Indicators indicators) {
        this.collection = collection;
        this.roster = roster;
        this.period = period;
        this.includeWithErrors = includeWithErrors;
        this.previous = previous;
        this.indicators = indicators;
    }

    public static Consolidator of(Collection collection, Roster roster) {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(roster, "roster");
        return new Consolidator(collection, roster, Optional.empty(), false, Optional.empty(),
                new Indicators(collection));
    }

    /**
     * The period to consolidate; returns of another period are rejected. Without it, the period
     * most returns carry (the latest on a tie).
     */
    public Consolidator withPeriod(Period p) {
        return new Consolidator(collection, roster, Optional.of(p), includeWithErrors, previous,
                indicators);
    }

    /** Counts returns with errors too (they are still listed with their findings). */
    public Consolidator includeWithErrors(boolean include) {
        return new Consolidator(collection, roster, period, include, previous, indicators);
    }

    /**
     * The same period's consolidated workbook of the year before, read as one return, for 同比
     * (see {@link PreviousPeriod}): compared with over the same schools only, and not at all when
     * it is of another period or has no per-school detail.
     *
     * @throws ConsolidationException when it is of another collection
     */
    public Consolidator withPrevious(Return book) {
        if (!book.meta().collection().equals(collection.id())) {
            throw new ConsolidationException("上年同期汇总表“" + book.file() + "”是“"
                    + book.meta().collection() + "”的汇总表，不是“" + collection.title() + "”的");
        }
        return new Consolidator(collection, roster, period, includeWithErrors,
                Optional.of(book), indicators);
    }

    /** An empty accumulator. */
    public Partial partial() {
        return new Partial(Sums.numeric(collection));
    }

    /** Classifies, sums and computes everything; the partial is not changed. */
    public Consolidation finish(Partial partial) {
        return new Finisher(collection, roster, period, includeWithErrors, previous, indicators)
                .finish(partial);
    }

    /** The fold as a collector; safe for parallel streams. */
    public Collector<Submission, Partial, Consolidation> collector() {
        return Collectors.collectingAndThen(folding(), this::finish);
    }

    private Collector<Submission, Partial, Partial> folding() {
        return Collector.of(this::partial, Partial::add, Partial::combine,
                Collector.Characteristics.IDENTITY_FINISH);
    }

    /**
     * Folds submissions as they come, in parallel when the stream is: each return is cut down
     * to what consolidation needs as soon as it is read ({@link Partial#add}), so a county's
     * returns are never all held whole. Finish with {@link #finish}, or with {@link #refusals}
     * when {@link #period} is empty.
     */
    public Partial fold(Stream<? extends Submission> submissions) {
        return submissions.collect(folding());
    }

    /**
     * The period what was folded would be consolidated for: the one given, else the one most
     * returns of the collection carry (the latest on a tie); empty when no period was given and
     * no return of the collection could be read, so there is nothing to consolidate.
     */
    public Optional<Period> period(Partial folded) {
        return period.or(() -> Finisher.inferPeriod(collection, folded.received().stream()
                .map(FoldedReturn::meta).toList()));
    }

    /**
     * Every file folded refused with its reason: for when there is nothing to consolidate
     * ({@link #period} is empty), so that each file is still accounted for. Every roster school
     * is missing.
     */
    public Completeness refusals(Partial folded) {
        return new Finisher(collection, roster, period, includeWithErrors, Optional.empty(),
                indicators).refusals(folded);
    }

    /** Consolidates submissions, in parallel. */
    public Consolidation consolidate(java.util.Collection<? extends Submission> submissions) {
        return finish(fold(submissions.parallelStream()));
    }
}
