package org.huizong.engine.pipeline;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.huizong.engine.consolidate.Completeness;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.consolidate.Partial;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.documents.SummaryDocument;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.narrative.NarrativeInput;
import org.huizong.engine.narrative.NarrativeTemplate;
import org.huizong.engine.narrative.Paragraph;
import org.huizong.engine.report.ReportWriter;

/**
 * Consolidate, narrative, report: the one path from validated submissions to the bureau's book,
 * which the command line, the demo and the server all take. Immutable; each {@code with} returns
 * a new pipeline.
 *
 * <p>Inputs besides the submissions: the roster, the reporting unit's identity (its code and
 * name), the area word ({@code 县} writes 全县汇总 and 我县, {@code 市} 全市汇总 and 我市), the
 * period when the caller knows it, and the previous period's consolidated book for 同比.
 */
public final class Pipeline {
    private final Collection collection;
    private final NarrativeTemplate narrative;
    private final ReportWriter writer;
    private final Clock clock;
    private final Optional<Unit> unit;
    private final String area;
    private final Optional<Period> period;
    private final Optional<Return> previous;
    private final boolean includeWithErrors;

    /** The unit a book is for: its code (6 to 12 digits) and its name (示范县教育局). */
    public record Unit(String code, String name) {
        public Unit {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name of unit " + code);
        }
    }

    private Pipeline(Collection collection, NarrativeTemplate narrative, ReportWriter writer,
            Clock clock, Optional<Unit> unit, String area, Optional<Period> period,
            Optional<Return> previous, boolean includeWithErrors) {
        this.collection = collection;
        this.narrative = narrative;
        this.writer = writer;
        this.clock = clock;
        this.unit = unit;
        this.area = area;
        this.period = period;
        this.previous = previous;
        this.includeWithErrors = includeWithErrors;
    }

    /**
     * A county's pipeline (全县汇总, unit code 0000000000 until {@link #withUnit} says).
     *
     * @param narrative the collection's narrative template, checked against it
     */
    public static Pipeline of(Collection collection, NarrativeTemplate narrative, Clock clock) {
        Objects.requireNonNull(narrative, "narrative of " + collection.id());
        return new Pipeline(collection, narrative, ReportWriter.of(collection, clock), clock,
                Optional.empty(), NarrativeInput.COUNTY, Optional.empty(), Optional.empty(),
                false);
    }

    /**
     * Books naming this unit on the cover and in {@code _meta}.
     *
     * @throws IllegalArgumentException when the code is not 6 to 12 digits
     */
    public Pipeline withUnit(Unit unit) {
        return new Pipeline(collection, narrative, writer.withUnit(unit.code(), unit.name()),
                clock, Optional.of(unit), area, period, previous, includeWithErrors);
    }

    /**
     * Books of another area: 市 for a city consolidating its counties' books (全市汇总, 全市,
     * 我市), 区 for a district.
     *
     * @throws IllegalArgumentException when {@code word} is not one character
     */
    public Pipeline withArea(String word) {
        return new Pipeline(collection, narrative, writer.withArea(word), clock, unit, word,
                period, previous, includeWithErrors);
    }

    /**
     * The period being consolidated, when the caller knows it before reading any return.
     *
     * @throws IllegalArgumentException when the collection is not collected by such periods
     */
    public Pipeline withPeriod(Period p) {
        collection.checkPeriod(p);
        return new Pipeline(collection, narrative, writer, clock, unit, area, Optional.of(p),
                previous, includeWithErrors);
    }

    /** Last year's consolidated book of the same period, for 同比; empty for none. */
    public Pipeline withPrevious(Optional<Return> book) {
        return new Pipeline(collection, narrative, writer, clock, unit, area, period, book,
                includeWithErrors);
    }

    /**
     * States on the cover and the submission sheet which returns the book counts, in the
     * bureau's words (只汇总审核通过的报表).
     */
    public Pipeline withScope(String statement) {
        return new Pipeline(collection, narrative, writer.withScope(statement), clock, unit, area,
                period, previous, includeWithErrors);
    }

    /** The reporting deadline, a day in {@code zone}: later returns are 逾期 in the book. */
    public Pipeline withDeadline(LocalDate day, ZoneId zone) {
        return new Pipeline(collection, narrative, writer.withDeadline(day, zone), clock, unit,
                area, period, previous, includeWithErrors);
    }

    /** Counts returns with errors too (they stay on the findings list). */
    public Pipeline includeWithErrors(boolean include) {
        return new Pipeline(collection, narrative, writer, clock, unit, area, period, previous,
                include);
    }

    public Collection collection() {
        return collection;
    }

    /**
     * Folds the submissions against the roster (in parallel; their order does not matter).
     *
     * @throws org.huizong.engine.consolidate.ConsolidationException when no period was given and
     *     there is nothing to consolidate ({@link Fold#period} is empty)
     */
    public Consolidation consolidate(Roster roster, List<? extends Submission> submissions) {
        return consolidator(roster).consolidate(submissions);
    }

    /**
     * Folds submissions against the roster as they come (in parallel when the stream is): each
     * return is cut down to what the book needs as soon as it is read and then dropped, so the
     * returns of a county, or a province, are never all held at once.
     */
    public Fold fold(Roster roster, Stream<? extends Submission> submissions) {
        Consolidator consolidator = consolidator(roster);
        return new Fold(consolidator, consolidator.fold(submissions));
    }

    /** What {@link #fold} gathered, not yet consolidated. */
    public static final class Fold {
        private final Consolidator consolidator;
        private final Partial folded;

        private Fold(Consolidator consolidator, Partial folded) {
            this.consolidator = consolidator;
            this.folded = folded;
        }

        /**
         * The period consolidated: the pipeline's, else the one most returns of the collection
         * carry; empty when there is nothing to consolidate.
         */
        public Optional<Period> period() {
            return consolidator.period(folded);
        }

        /**
         * Every file refused with its reason, every roster school missing: what to report when
         * {@link #period} is empty, so no book is written.
         */
        public Completeness refusals() {
            return consolidator.refusals(folded);
        }

        /**
         * The consolidation.
         *
         * @throws org.huizong.engine.consolidate.ConsolidationException when {@link #period}
         *     is empty
         */
        public Consolidation consolidation() {
            return consolidator.finish(folded);
        }
    }

    private Consolidator consolidator(Roster roster) {
        Consolidator consolidator = Consolidator.of(collection, roster)
                .includeWithErrors(includeWithErrors);
        if (period.isPresent()) {
            consolidator = consolidator.withPeriod(period.get());
        }
        if (previous.isPresent()) {
            consolidator = consolidator.withPrevious(previous.get());
        }
        return consolidator;
    }

    /** The summary paragraphs in the bureau's style, in this pipeline's area words. */
    public List<Paragraph> narrative(Consolidation c) {
        return narrative.render(c.narrativeInput().withArea(area));
    }

    /** Writes the consolidated workbook, narrative sheet included, replacing {@code file}. */
    public void write(Consolidation c, Path file) {
        writer.write(c, narrative(c), file);
    }

    /** Writes the consolidated workbook, narrative sheet included. */
    public void write(Consolidation c, OutputStream out) {
        writer.write(c, narrative(c), out);
    }

    /**
     * The 工作总结 as a 公文-format document: the same paragraphs as the book's 总结 sheet, titled
     * with the unit and the period ({@code 示范县2024年上半年工作总结}), signed by the unit on the
     * clock's date when the pipeline names one.
     */
    public SummaryDocument summary(Consolidation c) {
        String who = unit.map(Unit::name).orElse("本" + area);
        SummaryDocument doc = SummaryDocument.of(who + c.period().label() + "工作总结",
                narrative(c), clock);
        return unit.isPresent()
                ? doc.withSignature(who, LocalDate.ofInstant(clock.instant(), clock.getZone()))
                : doc;
    }

    /** Writes {@link #summary} as a .docx, replacing {@code file}. */
    public void writeSummary(Consolidation c, Path file) {
        summary(c).write(file);
    }
}
