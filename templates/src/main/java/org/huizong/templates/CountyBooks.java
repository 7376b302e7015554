package org.huizong.templates;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.intake.Intake;
import org.huizong.engine.model.Roster;
import org.huizong.engine.narrative.NarrativeInput;
import org.huizong.engine.narrative.Paragraph;
import org.huizong.engine.report.ReportWriter;

/**
 * Consolidates a standard collection's returns into the bureau's workbook, narrative included:
 * the one path the command line, the demo and the server share.
 */
public final class CountyBooks {
    private final Intake intake;
    private final Roster roster;
    private final Clock clock;
    private final Optional<Unit> unit;
    private final String area;

    /** The bureau the book is from: its code (6 to 12 digits) and name (示范县). */
    public record Unit(String code, String name) {
    }

    private CountyBooks(Intake intake, Roster roster, Clock clock, Optional<Unit> unit,
            String area) {
        this.intake = intake;
        this.roster = roster;
        this.clock = clock;
        this.unit = unit;
        this.area = area;
    }

    public static CountyBooks of(Intake intake, Roster roster, Clock clock) {
        return new CountyBooks(intake, roster, clock, Optional.empty(), NarrativeInput.COUNTY);
    }

    /** Books naming this bureau on the cover and in {@code _meta}. */
    public CountyBooks withUnit(Unit bureau) {
        return new CountyBooks(intake, roster, clock, Optional.of(bureau), area);
    }

    /**
     * Books of another area: 市 for a city consolidating its counties' books (全市汇总, 全市,
     * 我市), 区 for a district.
     *
     * @throws IllegalArgumentException when {@code word} is not one character
     */
    public CountyBooks withArea(String word) {
        ReportWriter.of(intake.collection(), clock).withArea(word); // checks it as the book will
        return new CountyBooks(intake, roster, clock, unit, word);
    }

    /**
     * Folds the submissions (in parallel; their order does not matter).
     *
     * @param previousBook last year's consolidated workbook of the same half, for 同比
     */
    public Consolidation consolidate(List<Submission> submissions, Optional<Path> previousBook,
            boolean includeWithErrors) {
        return consolidator(previousBook, includeWithErrors).consolidate(submissions);
    }

    /**
     * Reads, validates and folds the files in one parallel pass: each return is cut down to
     * what the book needs as soon as it is read, so the returns are never all in memory at
     * once. The same consolidation as {@link #consolidate} of the files' submissions.
     *
     * @param previousBook last year's consolidated workbook of the same half, for 同比
     */
    public Consolidation consolidateFiles(List<Path> files, Optional<Path> previousBook,
            boolean includeWithErrors) {
        return files.parallelStream().map(intake::submission)
                .collect(consolidator(previousBook, includeWithErrors).collector());
    }

    private Consolidator consolidator(Optional<Path> previousBook, boolean includeWithErrors) {
        Consolidator consolidator = Consolidator.of(intake.collection(), roster)
                .includeWithErrors(includeWithErrors);
        if (previousBook.isPresent()) {
            consolidator = consolidator.withPrevious(intake.read(previousBook.get()));
        }
        return consolidator;
    }

    /** The summary paragraphs in the bureau's style. */
    public List<Paragraph> narrative(Consolidation c) {
        return StandardCollections.narrative(c.collection())
                .render(c.narrativeInput().withArea(area));
    }

    /** Writes the consolidated workbook, narrative sheet included. */
    public void write(Consolidation c, Path out) {
        ReportWriter writer = ReportWriter.of(c.collection(), clock).withArea(area);
        if (unit.isPresent()) {
            writer = writer.withUnit(unit.get().code(), unit.get().name());
        }
        writer.write(c, narrative(c), out);
    }
}
