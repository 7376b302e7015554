package org.huizong.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.narrative.Paragraph;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.pipeline.Pipeline;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 学校安全工作月报, shipped as data only: three schools' May returns go through the same template
 * writer, reader, validator and pipeline as the half-year return. The totals and sentences below
 * were worked out by hand from the three returns before the collection was written.
 */
class SafetyMonthlyTest {
    private static final Period MAY = Period.parse("2024-05");
    private final CollectionDefinition def = CollectionDefinition.of(
            StandardCollections.SAFETY_MONTHLY);
    private final Collection c = def.collection();

    private static final School KINDERGARTEN =
            new School("3134000001", "东城镇中心幼儿园", "幼儿园", "东城镇", "公办");
    private static final School PRIMARY =
            new School("3134000010", "东城镇中心小学", "小学", "东城镇", "公办");
    private static final School MIDDLE =
            new School("3134000040", "东城镇初级中学", "初中", "东城镇", "公办");

    private static ReturnData of(Map<String, Integer> counts) {
        ReturnData d = ReturnData.empty().with("info.head", Value.of("王建国"))
                .with("info.phone", Value.of("0555-1234567"));
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            d = d.with(e.getKey(), Value.of(e.getValue()));
        }
        return d;
    }

    @Test
    void itIsAMonthlyCollectionThatRefusesOtherPeriods() {
        assertThat(c.periodKind()).isEqualTo(Period.Kind.MONTH);
        assertThat(TemplateWriter.of(c, MAY)).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> TemplateWriter.of(c, Period.parse("2024H1")))
                .hasMessage("学校安全工作月报是月报，报告期应写作如 2024-05，不能用 2024H1（半年报）");
    }

    @Test
    void threeSchoolsMayReturnsConsolidateToTheHandWorkedTotalsAndSentences(@TempDir Path dir)
            throws Exception {
        TemplateWriter writer = TemplateWriter.of(c, MAY);
        Map<School, ReturnData> returns = Map.of(
                KINDERGARTEN, of(Map.of("hazards.found", 4, "hazards.fixed", 3,
                        "hazards.reported", 1, "drills.count", 1, "drills.participants", 120,
                        "lessons", 8, "food.checks", 2, "guards.on_duty", 2,
                        "incidents.count", 0)),
                PRIMARY, of(Map.of("hazards.found", 6, "hazards.fixed", 5,
                        "hazards.reported", 0, "drills.count", 2, "drills.participants", 800,
                        "lessons", 20, "food.checks", 4, "guards.on_duty", 3,
                        "incidents.count", 0))
                        .withExplanation("hazards.unhandled", "1项为围墙加固，待暑期施工"),
                MIDDLE, of(Map.of("hazards.found", 5, "hazards.fixed", 5,
                        "hazards.reported", 0, "drills.count", 1, "drills.participants", 1200,
                        "lessons", 30, "food.checks", 4, "guards.on_duty", 4,
                        "incidents.count", 1))
                        .with("incidents.note", Value.of("5月12日课间一名学生摔伤，已送医并通知家长")));
        for (Map.Entry<School, ReturnData> e : returns.entrySet()) {
            Files.write(dir.resolve(TemplateWriter.fileName(e.getKey())),
                    writer.toBytes(e.getKey(), e.getValue()));
        }
        Intake intake = Intake.of(c);
        Roster roster = new Roster(List.of(KINDERGARTEN, PRIMARY, MIDDLE));
        var submissions = intake.submissions(Intake.expand(List.of(dir)), roster);
        assertThat(submissions).allSatisfy(s -> assertThat(s)
                .isInstanceOfSatisfying(Submission.Received.class,
                        r -> assertThat(r.hasErrors()).as(r.file()).isFalse()));

        Pipeline pipeline = Pipeline.of(c, def.narrative(),
                Clock.fixed(Instant.parse("2024-06-03T00:00:00Z"), ZoneOffset.UTC))
                .withPeriod(MAY);
        Consolidation result = pipeline.consolidate(roster, submissions);
        assertThat(result.totals()).containsEntry("hazards.found", new BigDecimal("15"))
                .containsEntry("hazards.fixed", new BigDecimal("13"))
                .containsEntry("hazards.reported", new BigDecimal("1"))
                .containsEntry("drills.count", new BigDecimal("4"))
                .containsEntry("drills.participants", new BigDecimal("2120"))
                .containsEntry("lessons", new BigDecimal("58"))
                .containsEntry("food.checks", new BigDecimal("10"))
                .containsEntry("guards.on_duty", new BigDecimal("9"))
                .containsEntry("incidents.count", new BigDecimal("1"));
        assertThat(pipeline.narrative(result)).extracting(Paragraph::text).containsExactly(
                "（一）安全报送情况。本月应报学校3所，已报送3所，报送率100.0%。",
                "（二）隐患排查整治。5月全县各校共排查安全隐患15项，其中13项已整改，整改率86.7%，"
                        + "1项已向上级有关部门报告。",
                "（三）安全教育与演练。开展应急疏散演练4次，参与2120人次；上安全教育课58节；"
                        + "开展食品安全检查10次；在岗专职保安9人。",
                "（四）安全责任事故。发生安全责任事故1起，已按要求报告处置。");
        Path book = dir.resolve("安全月报汇总.xlsx");
        pipeline.write(result, book);
        assertThat(intake.read(book).meta().period()).isEqualTo(MAY);
    }

    @Test
    void anIncidentWithoutItsNoteIsAnErrorAtTheCell(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.xlsx");
        Files.write(file, TemplateWriter.of(c, MAY).toBytes(PRIMARY, of(Map.of(
                "hazards.found", 0, "hazards.fixed", 0, "hazards.reported", 0, "drills.count", 0,
                "lessons", 4, "food.checks", 1, "guards.on_duty", 2, "incidents.count", 2))));
        var findings = ((Submission.Received) Intake.of(c).submission(file,
                new Roster(List.of(PRIMARY)))).findings();
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("incidents.note_required");
            assertThat(f.message()).isEqualTo("发生安全责任事故2起，请在“事故情况说明”中写明时间、经过、"
                    + "伤亡和处置情况");
            assertThat(f.cell()).isPresent();
        });
    }
}
