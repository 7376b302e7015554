package org.huizong.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.narrative.NarrativeTemplate;
import org.huizong.engine.template.TemplateWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folding returns as they are read ({@link Pipeline#fold}) gives the consolidation that reading
 * them all first gives, and holds none of them once folded: a county's returns are never all in
 * memory at once.
 */
class FoldTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-10T02:00:00Z"),
            ZoneOffset.ofHours(8));

    @TempDir
    Path dir;

    private final Collection collection = IoFixtures.collection();
    private final Roster roster = IoFixtures.demoRoster();
    private final Intake intake = Intake.of(collection);
    private final Pipeline pipeline = Pipeline.of(collection,
            NarrativeTemplate.parse("## 总结。\n中考{enrol.zhongkao|人}。\n", "t.txt", collection), CLOCK)
            .includeWithErrors(true);

    private List<Path> returns(int count) throws Exception {
        TemplateWriter writer = TemplateWriter.of(collection, IoFixtures.PERIOD);
        List<Path> files = new ArrayList<>();
        for (School s : roster.schools().subList(0, count)) {
            files.add(Files.write(dir.resolve(s.code() + ".xlsx"),
                    writer.toBytes(s, IoFixtures.fullData(collection, s))));
        }
        return files;
    }

    @Test
    void foldingAsReadGivesWhatReadingAllFirstGives() throws Exception {
        List<Path> files = returns(6);
        Consolidation all = pipeline.consolidate(roster, intake.submissions(files, roster));

        Pipeline.Fold folded = pipeline.fold(roster, intake.read(files, roster));

        assertThat(folded.period()).contains(IoFixtures.PERIOD);
        Consolidation c = folded.consolidation();
        assertThat(c.completeness().counted()).isEqualTo(6);
        assertThat(c.totals()).isEqualTo(all.totals());
        assertThat(c.schools()).isEqualTo(all.schools());
        assertThat(c.files()).isEqualTo(all.files());
    }

    @Test
    void noReturnIsHeldOnceFolded() throws Exception {
        List<Path> files = returns(4);
        List<WeakReference<Return>> read = new ArrayList<>();
        Stream<Submission> submissions = files.stream().map(f -> {
            Submission s = intake.submission(f, roster);
            read.add(new WeakReference<>(((Submission.Received) s).ret()));
            return s;
        });

        Pipeline.Fold folded = pipeline.fold(roster, submissions);
        System.gc();

        assertThat(read).hasSize(4);
        assertThat(read).as("every return collected while the fold is still held")
                .allSatisfy(r -> assertThat(r.get()).isNull());
        assertThat(folded.consolidation().completeness().counted()).isEqualTo(4);
    }

    @Test
    void withNothingOfTheCollectionThereIsNoPeriodAndEveryFileIsRefused() throws Exception {
        Path junk = Files.writeString(dir.resolve("说明.xlsx"), "不是表格");

        Pipeline.Fold folded = pipeline.fold(roster, intake.read(List.of(junk), roster));

        assertThat(folded.period()).isEmpty();
        assertThat(folded.refusals().rejected()).singleElement()
                .satisfies(r -> assertThat(r.version().file()).isEqualTo("说明.xlsx"));
        assertThat(folded.refusals().missing()).hasSize(roster.size());
    }
}
