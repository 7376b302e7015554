package org.huizong.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.spec.CollectionSpecs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped edu-halfyear narrative against the real spec and the demo county's figures
 * ({@code shared/domain/demo-county/}).
 */
class EduHalfyearNarrativeTest {
    private static final String NAME = "edu-halfyear.narrative.txt";
    private static final Period SPRING_2024 = Period.parse("2024H1");
    /** Punctuation that a mended sentence never shows. */
    private static final Pattern BROKEN = Pattern.compile(
            "[、，：；]{2}|[、，：；]。|。[、，：；]|其中[，：]?[。；]|^[、，：；。]");

    private static Collection collection;
    private static NarrativeTemplate template;
    private static NarrativeInput demo;
    private static Map<String, BigDecimal> previous;

    @BeforeAll
    static void load() throws IOException {
        collection = CollectionSpecs.load(RepoFiles.templates("edu-halfyear.yaml"));
        template = NarrativeTemplate.parse(
                Files.readString(RepoFiles.templates(NAME), StandardCharsets.UTF_8), NAME,
                collection);
        Path county = RepoFiles.shared("domain/demo-county");
        previous = totals(county.resolve("totals-2023H1.csv"));
        demo = new NarrativeInput(SPRING_2024, totals(county.resolve("totals-2024H1.csv")),
                // the note in totals-2024H1.csv: 7324 lessons spread over exactly 54 schools
                Map.of("research.smartclass", 54), schoolCounts(county.resolve("schools.csv")),
                Optional.of(previous));
    }

    /** {@code field,value,note} rows. */
    private static Map<String, BigDecimal> totals(Path csv) throws IOException {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] cells = line.split(",", 3);
            if (!line.isBlank() && !cells[0].equals("field")) {
                m.put(cells[0].strip(), new BigDecimal(cells[1].strip()));
            }
        }
        return m;
    }

    /** Every school of the roster is expected and, in the demo, has sent its return. */
    private static Map<String, Integer> schoolCounts(Path rosterCsv) throws IOException {
        Map<String, Integer> m = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(rosterCsv, StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            if (!row.isBlank()) {
                String type = row.split(",")[2].strip();
                m.merge("schools.expected", 1, Integer::sum);
                m.merge("schools.received", 1, Integer::sum);
                m.merge("schools.expected." + type, 1, Integer::sum);
                m.merge("schools.received." + type, 1, Integer::sum);
            }
        }
        return m;
    }

    /**
     * The numbered sentences of {@code expected-narrative.md}. That file was width-normalised
     * when it was written down: its commas and semicolons are ASCII although, as it says itself,
     * the narrative's punctuation is full-width. A Chinese bureau writes ，and ；, so the ASCII
     * marks are mapped back before comparing; every other character must match exactly.
     */
    private static List<String> expectedSentences() throws IOException {
        Pattern numbered = Pattern.compile("^\\d+\\. (.+)$");
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(RepoFiles.shared(
                "domain/demo-county/expected-narrative.md"), StandardCharsets.UTF_8)) {
            Matcher m = numbered.matcher(line);
            if (m.matches()) {
                out.add(m.group(1).strip().replace(',', '，').replace(';', '；'));
            }
        }
        return out;
    }

    @Test
    void demoCountyNarrativeContainsEveryExpectedSentence() throws IOException {
        List<String> expected = expectedSentences();
        assertThat(expected).as("sentences numbered in expected-narrative.md").hasSize(7);
        String text = template.renderText(demo);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(text).as("expected sentence %d", i + 1).contains(expected.get(i));
        }
    }

    @Test
    void demoCountyNarrativeOpensEachSectionWithANumberedHeading() {
        List<Paragraph> ps = template.render(demo);
        assertThat(ps).extracting(Paragraph::heading).containsExactly(
                "（一）数据报送有序开展。", "（二）教育体系持续完善。", "（三）教育质量持续提升。",
                "（四）教育公平持续推进。");
        assertThat(ps.get(0).body()).startsWith("本期应报学校61所，已报送61所，报送率100.0%；其中幼儿园");
        for (Paragraph p : ps) {
            assertThat(BROKEN.matcher(p.body()).find()).as(p.body()).isFalse();
        }
    }

    @Test
    void aidProgramThatPaidNothingIsLeftOutAndReturnsWhenPaid() {
        String text = template.renderText(demo);
        assertThat(text).doesNotContain("其他资助").contains("免除学费149.4万元。");
        Map<String, BigDecimal> totals = new LinkedHashMap<>(demo.totals());
        totals.put("aid.other.persons", BigDecimal.TEN);
        totals.put("aid.other.amount", new BigDecimal("2.5"));
        String paid = template.renderText(new NarrativeInput(SPRING_2024, totals,
                demo.nonZeroSchools(), demo.schoolCounts(), demo.previous()));
        assertThat(paid).contains("免除学费149.4万元；发放其他资助（含社会捐助）资金2.5万元，资助学生10人。");
    }

    @Test
    void safetyIncidentsAreStatedWhenThereWereNoneAndCountedWhenThereWere() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>(demo.totals());
        totals.put("safety.incidents", BigDecimal.ZERO);
        String none = template.renderText(new NarrativeInput(SPRING_2024, totals,
                demo.nonZeroSchools(), demo.schoolCounts(), demo.previous()));
        totals.put("safety.incidents", BigDecimal.valueOf(2));
        String two = template.renderText(new NarrativeInput(SPRING_2024, totals,
                demo.nonZeroSchools(), demo.schoolCounts(), demo.previous()));
        totals.remove("safety.incidents");
        String notCollected = template.renderText(new NarrativeInput(SPRING_2024, totals,
                demo.nonZeroSchools(), demo.schoolCounts(), demo.previous()));

        assertThat(none).contains("各校均未报告发生安全责任事故。").doesNotContain("发生安全责任事故0");
        assertThat(two).contains("发生安全责任事故2起。").doesNotContain("未报告");
        assertThat(notCollected).doesNotContain("安全责任事故");
    }

    @Test
    void riseAndNoChangeAgainstLastYearReadAsABureauWritesThem() {
        Map<String, BigDecimal> before = new LinkedHashMap<>(previous);
        before.put("enrol.zhongkao", new BigDecimal("3400"));
        before.put("enrol.gaokao.registered", new BigDecimal("3074"));
        String text = template.renderText(demo.withPrevious(before));
        assertThat(text).contains("参加中考毕业生3427名，比去年增加27人；")
                .contains("今年我县普通高考报名人数3074人，与去年持平，508人提前");
    }

    @Test
    void overTheSchoolsCountedInBothPeriodsTheNarrativeComparesThoseAndSaysSo() {
        Map<String, BigDecimal> now = new LinkedHashMap<>(demo.totals());
        now.put("enrol.zhongkao", new BigDecimal("3300"));
        now.put("enrol.gaokao.registered", new BigDecimal("2000"));
        Map<String, BigDecimal> before = new LinkedHashMap<>(previous);
        before.put("enrol.zhongkao", new BigDecimal("3310"));
        before.put("enrol.gaokao.registered", new BigDecimal("1990"));
        NarrativeInput compared = demo.withComparison(now, before, 56);
        assertThat(template.render(compared).get(0).body()).as("said where the counts are")
                .endsWith("。同比数据按可比口径（56所学校）计算。");
        String text = template.renderText(compared);
        assertThat(text).as("the totals stay every counted school's, the change is over the 56")
                .contains("参加中考毕业生3427名，比去年减少10人；")
                .contains("今年我县普通高考报名人数3074人，比去年增加10人，");
        assertThat(template.renderText(demo)).as("the same schools: no such sentence")
                .doesNotContain("可比口径");
        Map<String, BigDecimal> without = new LinkedHashMap<>(now);
        without.remove("enrol.zhongkao");
        assertThat(template.renderText(demo.withComparison(without, before, 56)))
                .as("never the total against the comparable figure")
                .contains("参加中考毕业生3427名；");
    }

    @Test
    void withoutPreviousPeriodTheComparisonsAreLeftOut() {
        String text = template.renderText(new NarrativeInput(SPRING_2024, demo.totals(),
                demo.nonZeroSchools(), demo.schoolCounts(), Optional.empty()));
        assertThat(text).doesNotContain("去年")
                .contains("参加中考毕业生3427名；参加八年级学业水平考试学生3556名。")
                .contains("今年我县普通高考报名人数3074人，508人提前被高职院校分类考试录取");
    }

    @Test
    void aCityBookSpeaksOfTheCity() {
        String city = template.renderText(demo.withArea("市"));
        assertThat(city).contains("全市54所学校智慧课堂开课7324节。")
                .contains("今年我市普通高考报名人数3074人").doesNotContain("全县").doesNotContain("我县");
        assertThat(template.renderText(demo)).contains("全县54所学校智慧课堂开课7324节。");
    }

    @Test
    void autumnPeriodReadsAutumnTerm() {
        String text = template.renderText(new NarrativeInput(Period.parse("2024H2"),
                demo.totals(), demo.nonZeroSchools(), demo.schoolCounts(), demo.previous()));
        assertThat(text).doesNotContain("春季学期").contains("秋季学期参与延时服务幼儿4730名。")
                .contains("秋季学期，发放各类学生资助资金398.64万元");
    }

    @Test
    void projectsIndicatorsReadWithYiYuanAndTheirCategories() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>(demo.totals());
        totals.put("projects.count", new BigDecimal("3"));
        totals.put("projects.area", new BigDecimal("7700"));
        totals.put("projects.budget", new BigDecimal("76000"));
        totals.put("projects.invested", new BigDecimal("4180"));
        totals.put("projects.new.count", new BigDecimal("1"));
        totals.put("projects.new.budget", new BigDecimal("69000"));
        totals.put("projects.expand.count", new BigDecimal("2"));
        totals.put("projects.expand.budget", new BigDecimal("7000"));
        totals.put("projects.expand.invested", new BigDecimal("4180"));
        String text = template.renderText(new NarrativeInput(SPRING_2024, totals,
                Map.of("projects.count", 2), demo.schoolCounts(), demo.previous()));
        assertThat(text).contains("（三）办学条件持续改善。全县实施项目建设3个，涉及学校2所，建筑面积7700平方米，"
                + "计划总投资7.6亿元，本期完成投资4180万元。其中，新建项目1个，计划总投资6.9亿元；"
                + "改扩建项目2个，计划总投资7000万元，本期完成投资4180万元。");
    }

    @Test
    void vocationalPassRateShowsTheTwoDecimalsItsIndicatorDeclares() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>(demo.totals());
        totals.put("enrol.vocexam.sat", new BigDecimal("524"));
        totals.put("rate.vocexam", new BigDecimal("0.9875"));
        String text = template.renderText(NarrativeInput.of(SPRING_2024, totals));
        assertThat(text).contains("参加分类考试524人，专科达线率98.75%。");
    }

    @Test
    void templateNamesOnlyIdsOfTheSpecAndCoversEverySheet() {
        // parse(…, collection) in load() already rejects unknown ids and units that do not fit
        NarrativeVocabulary vocabulary = NarrativeVocabulary.of(collection);
        assertThat(vocabulary.ids()).containsAll(template.referencedIds());
        for (Sheet sheet : collection.sheets()) {
            List<String> ids = new ArrayList<>(sheet.fields().stream().map(Field::id).toList());
            sheet.table().ifPresent(t -> collection.indicators().stream()
                    .filter(i -> i.id().startsWith(t.id() + "."))
                    .forEach(i -> ids.add(i.id())));
            assertThat(template.referencedIds()).as("figures of sheet %s", sheet.id())
                    .containsAnyElementsOf(ids);
        }
    }

    @Test
    void everySectionAppearsWhenEveryFigureIsThere() {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        Map<String, Integer> schools = new LinkedHashMap<>();
        for (String id : NarrativeVocabulary.of(collection).ids()) {
            if (id.startsWith("schools.")) {
                schools.put(id, 2);
            } else {
                all.put(id, id.startsWith("rate.") ? new BigDecimal("0.5") : BigDecimal.ONE);
            }
        }
        Map<String, Integer> nonZero = new LinkedHashMap<>();
        template.referencedIds().forEach(id -> nonZero.put(id, 1));
        List<Paragraph> ps = template.render(new NarrativeInput(SPRING_2024, all, nonZero,
                schools, Optional.of(all)));
        assertThat(ps).extracting(Paragraph::heading).containsExactly(
                "（一）数据报送有序开展。", "（二）教育体系持续完善。", "（三）办学条件持续改善。",
                "（四）教育质量持续提升。", "（五）教育公平持续推进。", "（六）师资建设持续增强。",
                "（七）平安校园持续巩固。", "（八）经费保障有力有效。");
        assertThat(String.join("", ps.stream().map(Paragraph::text).toList()))
                .contains("与去年持平").doesNotContain("，，");
    }

    /** Seeded: any mix of zero and absent figures leaves well-formed punctuation. */
    @Test
    void punctuationStaysMendedWhateverFiguresAreMissing() {
        List<String> ids = new ArrayList<>(NarrativeVocabulary.of(collection).ids());
        Random random = new Random(20240701L);
        for (int round = 0; round < 300; round++) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            Map<String, Integer> schools = new LinkedHashMap<>();
            Map<String, Integer> nonZero = new LinkedHashMap<>();
            for (String id : ids) {
                int roll = random.nextInt(3);
                if (roll == 0) {
                    continue;
                }
                int v = roll == 1 ? 0 : 1 + random.nextInt(500);
                if (id.startsWith("schools.")) {
                    schools.put(id, v);
                } else {
                    totals.put(id, BigDecimal.valueOf(v));
                    nonZero.put(id, random.nextInt(3));
                }
            }
            NarrativeInput in = new NarrativeInput(SPRING_2024, totals, nonZero, schools,
                    random.nextBoolean() ? Optional.of(totals) : Optional.empty());
            for (Paragraph p : template.render(in)) {
                assertThat(BROKEN.matcher(p.body()).find()).as("round %d: %s", round, p.body())
                        .isFalse();
                assertThat(p.body()).as("round %d", round).endsWith("。");
            }
        }
    }
}
