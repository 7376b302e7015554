package org.huizong.engine.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huizong.engine.consolidate.Fixtures.PERIOD;
import static org.huizong.engine.consolidate.Fixtures.T0;
import static org.huizong.engine.consolidate.Fixtures.edu;
import static org.huizong.engine.consolidate.Fixtures.school;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.junit.jupiter.api.Test;

class ConsolidatorTest {

    /** 40 roster schools; 35 returns, 3 of them twice, 2 from unknown schools, 2 unreadable. */
    static List<Submission> mixedSubmissions(long seed) {
        Random random = new Random(seed);
        List<Submission> out = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            School s = school(i);
            Return r = Fixtures.randomReturn(s, random, s.code() + ".xlsx");
            boolean broken = i % 11 == 3;
            out.add(Submission.of(r, broken ? List.of(Fixtures.error("info.head")) : List.of(),
                    T0.plusSeconds(i)));
            if (i % 12 == 0) {
                out.add(Submission.of(Fixtures.randomReturn(s, random, s.code() + "(1).xlsx"),
                        List.of(), T0.minusSeconds(3600)));
            }
        }
        for (int i = 100; i < 102; i++) {
            School stranger = school(i);
            out.add(Submission.of(Fixtures.randomReturn(stranger, random, "外校" + i + ".xlsx"),
                    List.of(), T0));
        }
        out.add(Submission.unreadable("损坏.xlsx", "文件“损坏.xlsx”不是有效的Excel文件", T0));
        out.add(Submission.unreadable("说明.docx", "文件“说明.docx”不是Excel文件", T0));
        return out;
    }

    static Consolidator consolidator() {
        return Consolidator.of(edu(), Fixtures.roster(40));
    }

    @Test
    void inputOrderAndParallelSplitsDoNotChangeTheResult() {
        List<Submission> subs = mixedSubmissions(42);
        Consolidator c = consolidator();
        Partial sequential = c.partial();
        subs.forEach(sequential::add);
        Consolidation expected = c.finish(sequential);
        for (long seed = 1; seed <= 5; seed++) {
            List<Submission> shuffled = new ArrayList<>(subs);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(c.consolidate(shuffled)).as("parallel, shuffle " + seed)
                    .isEqualTo(expected);
            assertThat(c.finish(splitAndCombine(c, shuffled, new Random(seed))))
                    .as("random splits, shuffle " + seed).isEqualTo(expected);
        }
    }

    /** Folds random-sized chunks into partials, then combines them in a random tree. */
    private static Partial splitAndCombine(Consolidator c, List<Submission> subs, Random random) {
        List<Partial> parts = new ArrayList<>();
        int i = 0;
        while (i < subs.size()) {
            int n = 1 + random.nextInt(7);
            Partial p = c.partial();
            subs.subList(i, Math.min(subs.size(), i + n)).forEach(p::add);
            parts.add(p);
            i += n;
        }
        while (parts.size() > 1) {
            int k = random.nextInt(parts.size() - 1);
            Partial merged = c.partial().combine(parts.get(k)).combine(parts.get(k + 1));
            parts.set(k, merged);
            parts.remove(k + 1);
        }
        return parts.get(0);
    }

    @Test
    void everyFileIsInExactlyOneCategoryAndTheSummaryAddsUp() {
        List<Submission> subs = mixedSubmissions(7);
        Completeness done = consolidator().consolidate(subs).completeness();
        assertThat(done.files()).isEqualTo(subs.size());
        // 35 schools sent: i % 11 == 3 -> 3, 14, 25 have errors; i % 12 == 0 -> 0, 12, 24 twice
        assertThat(done.counted()).isEqualTo(32);
        assertThat(done.notCountedForErrors()).isEqualTo(3);
        assertThat(done.superseded()).isEqualTo(3);
        assertThat(done.unknown()).hasSize(2);
        assertThat(done.rejected()).hasSize(2);
        assertThat(done.summary())
                .isEqualTo("共 42 个文件：计入 32，有错误未计入 3，重复 3，名单外 2，无法读取 2");
        assertThat(done.expected()).isEqualTo(40);
        assertThat(done.received()).isEqualTo(35);
        assertThat(done.missing()).extracting(School::code)
                .containsExactly("3415000036", "3415000037", "3415000038", "3415000039",
                        "3415000040");
    }

    /** A return of {@code s} with {@code students} and the saved time its workbook states. */
    private static Return saved(School s, String file, int students, String savedAt) {
        Return r = Fixtures.returnWith(s, file, Map.of("info.students", students));
        return new Return(r.file(), r.meta(), r.values(), r.cells(), r.tables(),
                r.explanations(), r.readFindings(), java.util.Optional.ofNullable(savedAt)
                        .map(java.time.Instant::parse));
    }

    @Test
    void theVersionSavedLastCountsWhateverTheFilesTimes() {
        School s = school(0);
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(s))).consolidate(List.of(
                Submission.of(saved(s, "先存.xlsx", 100, "2024-06-30T02:00:00Z"), List.of(),
                        T0.plus(Duration.ofDays(3))),
                Submission.of(saved(s, "后存.xlsx", 120, "2024-07-01T02:00:00Z"), List.of(),
                        T0)));
        assertThat(c.totals().get("info.students")).isEqualByComparingTo("120");
        Completeness.Duplicate d = c.completeness().duplicates().get(0);
        assertThat(d.kept().file()).isEqualTo("后存.xlsx");
        assertThat(d.kept().saved()).contains(java.time.Instant.parse("2024-07-01T02:00:00Z"));
        assertThat(d.superseded())
                .extracting(Completeness.Version::file, Completeness.Version::time)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("先存.xlsx",
                        T0.plus(Duration.ofDays(3))));
        assertThat(d.keptBecause(d.superseded().get(0))).isEqualTo("保存时间较晚");
        assertThat(c.files()).filteredOn(f -> f.kind() == FileOutcome.Kind.SUPERSEDED)
                .extracting(FileOutcome::reason)
                .containsExactly("同校的“后存.xlsx”保存时间较晚，以其为准，本文件未计入汇总");
    }

    @Test
    void theFilesTimeDecidesOnlyWhenAWorkbookDoesNotSayWhenItWasSaved() {
        School s = school(0);
        Roster roster = new Roster(List.of(s));
        Consolidation neither = Consolidator.of(edu(), roster).consolidate(List.of(
                Submission.of(saved(s, "a.xlsx", 100, null), List.of(), T0.plusSeconds(60)),
                Submission.of(saved(s, "b.xlsx", 120, null), List.of(), T0)));
        assertThat(neither.totals().get("info.students")).isEqualByComparingTo("100");
        Completeness.Duplicate d = neither.completeness().duplicates().get(0);
        assertThat(d.keptBecause(d.superseded().get(0))).isEqualTo("时间较晚（未记录保存时间的按文件时间比较）");
        Consolidation one = Consolidator.of(edu(), roster).consolidate(List.of(
                Submission.of(saved(s, "a.xlsx", 100, null), List.of(), T0.plusSeconds(60)),
                Submission.of(saved(s, "b.xlsx", 120, "2024-07-02T00:00:00Z"), List.of(), T0)));
        assertThat(one.totals().get("info.students")).as("saved after a's file time")
                .isEqualByComparingTo("120");
        Consolidation tie = Consolidator.of(edu(), roster).consolidate(List.of(
                Submission.of(saved(s, "b.xlsx", 100, "2024-07-02T00:00:00Z"), List.of(), T0),
                Submission.of(saved(s, "a.xlsx", 100, "2024-07-02T00:00:00Z"), List.of(), T0)));
        assertThat(tie.completeness().duplicates().get(0).kept().file())
                .as("same time, same content: the name decides").isEqualTo("b.xlsx");
    }

    @Test
    void everyFileHasExactlyOneOutcomeMatchingTheSummary() {
        List<Submission> subs = mixedSubmissions(7);
        Consolidation c = consolidator().consolidate(subs);
        List<FileOutcome> files = c.files();
        assertThat(files).hasSize(subs.size());
        Map<FileOutcome.Kind, Long> byKind = files.stream().collect(Collectors.groupingBy(
                FileOutcome::kind, Collectors.counting()));
        assertThat(byKind).containsEntry(FileOutcome.Kind.COUNTED, 32L)
                .containsEntry(FileOutcome.Kind.ERRORS, 3L)
                .containsEntry(FileOutcome.Kind.SUPERSEDED, 3L)
                .containsEntry(FileOutcome.Kind.NOT_ON_ROSTER, 2L)
                .containsEntry(FileOutcome.Kind.UNREADABLE, 2L);
        assertThat(files).extracting(FileOutcome::file).isSorted();
        assertThat(files).filteredOn(f -> f.kind() == FileOutcome.Kind.ERRORS)
                .allSatisfy(f -> assertThat(f.reason()).startsWith("有错误 1 条，未计入汇总；第一条："));
        assertThat(files).filteredOn(f -> f.kind() == FileOutcome.Kind.COUNTED)
                .allSatisfy(f -> assertThat(f.reason()).isEmpty());
        assertThat(c.countsEveryFile()).isFalse();
    }

    @Test
    void theLaterOfTwoReturnsOfOneSchoolWinsAndBothAreReported() {
        School s = school(0);
        Return early = Fixtures.returnWith(s, "早.xlsx", Map.of("info.students", 100));
        Return late = Fixtures.returnWith(s, "晚.xlsx", Map.of("info.students", 120));
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(s))).consolidate(List.of(
                Submission.of(late, List.of(), T0.plus(Duration.ofDays(1))),
                Submission.of(early, List.of(), T0)));
        assertThat(c.totals().get("info.students")).isEqualByComparingTo("120");
        Completeness.Duplicate d = c.completeness().duplicates().get(0);
        assertThat(d.kept().file()).isEqualTo("晚.xlsx");
        assertThat(d.superseded()).extracting(Completeness.Version::file)
                .containsExactly("早.xlsx");
        assertThat(c.schools().get(0).statusText()).isEqualTo("已报送（报送2次，以最后一次为准）");
        assertThat(c.summary()).isEqualTo("共 2 个文件：计入 1，有错误未计入 0，重复 1，名单外 0，无法读取 0");
    }

    @Test
    void onEqualTimesTheFileNameDecidesWhichVersionWins() {
        School s = school(0);
        Return a = Fixtures.returnWith(s, "a.xlsx", Map.of("info.students", 1));
        Return b = Fixtures.returnWith(s, "b.xlsx", Map.of("info.students", 2));
        Consolidator c = Consolidator.of(edu(), new Roster(List.of(s)));
        for (List<Return> order : List.of(List.of(a, b), List.of(b, a))) {
            Consolidation result = c.consolidate(order.stream()
                    .map(r -> Submission.of(r, List.of(), T0)).toList());
            assertThat(result.totals().get("info.students")).isEqualByComparingTo("2");
        }
    }

    @Test
    void aReturnFromASchoolNotOnTheRosterIsReportedButNotCounted() {
        School known = school(0);
        School stranger = school(9);
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(known))).consolidate(List.of(
                Submission.of(Fixtures.returnWith(known, "k.xlsx", Map.of("info.students", 10)),
                        List.of(), T0),
                Submission.of(Fixtures.returnWith(stranger, "s.xlsx",
                        Map.of("info.students", 1000)), List.of(), T0)));
        assertThat(c.totals().get("info.students")).isEqualByComparingTo("10");
        assertThat(c.completeness().unknown()).containsExactly(new Completeness.Unknown(
                stranger.code(), stranger.name(), new Completeness.Version("s.xlsx", T0)));
    }

    @Test
    void aReturnAwaitingReviewIsReportedNotCountedAndNotMissing() {
        School a = school(0);
        School b = school(1);
        School c = school(2);
        List<Submission> subs = List.of(
                Submission.of(Fixtures.returnWith(a, "a.xlsx", Map.of("info.students", 10)),
                        List.of(), T0),
                new Submission.Received(Fixtures.returnWith(b, "b.xlsx",
                        Map.of("info.students", 5)), List.of(), T0, true));
        Consolidation done = Consolidator.of(edu(), new Roster(List.of(a, b, c)))
                .consolidate(subs);

        assertThat(done.totals().get("info.students")).isEqualByComparingTo("10");
        assertThat(done.schools()).extracting(SchoolStatus::status).containsExactly(
                SchoolStatus.Status.COUNTED, SchoolStatus.Status.AWAITING_REVIEW,
                SchoolStatus.Status.MISSING);
        assertThat(done.schools().get(1).statusText()).isEqualTo("已报送待审核，未计入");
        assertThat(done.completeness().received()).isEqualTo(2);
        assertThat(done.completeness().missing()).containsExactly(c);
        assertThat(done.completeness().awaitingReview()).containsExactly(b);
        assertThat(done.summary()).isEqualTo(
                "共 2 个文件：计入 1，有错误未计入 0，待审核未计入 1，重复 0，名单外 0，无法读取 0");
        assertThat(FileOutcome.of(done.completeness(), done.schools()))
                .extracting(FileOutcome::kind).containsExactly(FileOutcome.Kind.COUNTED,
                        FileOutcome.Kind.AWAITING_REVIEW);
    }

    @Test
    void returnsWithErrorsAreLeftOutUnlessTheBureauIncludesThem() {
        School a = school(0);
        School b = school(1);
        List<Submission> subs = List.of(
                Submission.of(Fixtures.returnWith(a, "a.xlsx", Map.of("info.students", 10)),
                        List.of(), T0),
                Submission.of(Fixtures.returnWith(b, "b.xlsx", Map.of("info.students", 5)),
                        List.of(Fixtures.error("info.head")), T0));
        Consolidator c = Consolidator.of(edu(), new Roster(List.of(a, b)));

        Consolidation strict = c.consolidate(subs);
        assertThat(strict.totals().get("info.students")).isEqualByComparingTo("10");
        assertThat(strict.completeness().withErrors()).singleElement()
                .satisfies(f -> assertThat(f.findings()).extracting(x -> x.ruleId())
                        .containsExactly("required"));
        assertThat(strict.schools().get(1).status()).isEqualTo(SchoolStatus.Status.ERRORS);

        Consolidation lenient = c.includeWithErrors(true).consolidate(subs);
        assertThat(lenient.totals().get("info.students")).isEqualByComparingTo("15");
        assertThat(lenient.completeness().withErrors()).hasSize(1);
        assertThat(lenient.summary()).startsWith("共 2 个文件：计入 2（含有错误 1），有错误未计入 0");
        assertThat(lenient.schools().get(1).status())
                .isEqualTo(SchoolStatus.Status.COUNTED_WITH_ERRORS);
    }

    @Test
    void warningsWithoutAnExplanationAreListedAndTheReturnStillCounts() {
        School a = school(0);
        Submission s = Submission.of(Fixtures.returnWith(a, "a.xlsx", Map.of("info.students", 9)),
                List.of(Fixtures.warning("change.info_students"),
                        Fixtures.warning("afterschool.teachers_le_teachers")
                                .withExplanation("外聘了三名体育教练")), T0);
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(a))).consolidate(List.of(s));
        assertThat(c.completeness().counted()).isEqualTo(1);
        assertThat(c.completeness().unexplainedWarnings()).singleElement()
                .satisfies(f -> assertThat(f.findings()).extracting(x -> x.ruleId())
                        .containsExactly("change.info_students"));
    }

    @Test
    void ratesAreComputedFromTotalsNotByAveragingTheSchoolsRates() {
        School big = school(5); // 普通高中
        School small = school(13); // 普通高中
        assertThat(big.type()).isEqualTo("普通高中");
        assertThat(small.type()).isEqualTo("普通高中");
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(big, small))).consolidate(
                List.of(Submission.of(Fixtures.returnWith(big, "big.xlsx", Map.of(
                                "enrol.gaokao.sat", 1000, "enrol.gaokao.undergrad", 900)),
                                List.of(), T0),
                        Submission.of(Fixtures.returnWith(small, "small.xlsx", Map.of(
                                "enrol.gaokao.sat", 10, "enrol.gaokao.undergrad", 1)),
                                List.of(), T0)));
        // averaging the rates would give (90% + 10%) / 2 = 50%
        assertThat(c.indicators().get("rate.undergrad")).hasValueSatisfying(v -> assertThat(v)
                .isCloseTo(new BigDecimal("0.8920792079"), org.assertj.core.api.Assertions.within(
                        new BigDecimal("0.0000000001"))));
        assertThat(c.indicators().get("rate.vocexam")).as("no 中职: denominator 0").isEmpty();
        assertThat(c.byType().get("普通高中").indicator("rate.undergrad")).isPresent();
    }

    @Test
    void breakdownsFollowRosterOrderAndAddUpToTheCounty() {
        Consolidation c = consolidator().consolidate(mixedSubmissions(3));
        assertThat(c.byType().keySet()).containsExactlyElementsOf(edu().schoolTypes());
        assertThat(c.byTownship().keySet()).containsExactly("城关镇", "河口乡", "石桥镇", "青山乡");
        assertThat(c.byOwnership().keySet()).containsExactly("公办", "民办");
        for (Map<String, GroupTotals> breakdown
                : List.of(c.byType(), c.byTownship(), c.byOwnership())) {
            assertThat(breakdown.values().stream().mapToInt(GroupTotals::counted).sum())
                    .isEqualTo(c.county().counted());
            assertThat(breakdown.values().stream().mapToInt(GroupTotals::expected).sum())
                    .isEqualTo(40);
            for (String field : c.totals().keySet()) {
                BigDecimal sum = breakdown.values().stream().map(g -> g.sum(field))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum).as(field).isEqualByComparingTo(c.totals().get(field));
            }
        }
    }

    @Test
    void totalsSumEveryNumericFieldAndCountSchoolsWithAFigure() {
        School a = school(0);
        School b = school(1);
        School d = school(2);
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(a, b, d))).consolidate(
                List.of(Submission.of(Fixtures.returnWith(a, "a.xlsx", Map.of(
                                "info.students", 100, "aid.other.amount", new BigDecimal("1.5"))),
                                List.of(), T0),
                        Submission.of(Fixtures.returnWith(b, "b.xlsx", Map.of(
                                "info.students", 0, "aid.other.amount", new BigDecimal("0.0001"))),
                                List.of(), T0)));
        assertThat(c.totals().keySet()).containsExactlyElementsOf(edu().fields().stream()
                .filter(f -> f.type().isNumeric()).map(f -> f.id()).toList());
        assertThat(c.totals().get("aid.total.amount")).isEqualByComparingTo("1.5001");
        assertThat(c.totals().get("info.teachers")).isEqualByComparingTo("0");
        assertThat(c.nonZero().get("info.students")).isEqualTo(1);
        assertThat(c.nonZero().get("aid.other.amount")).isEqualTo(2);
        assertThat(c.nonZero().get("info.teachers")).isZero();
    }

    @Test
    void tableRowsAreConcatenatedWithTheirSchoolAndTotalledByCategory() {
        Consolidation c = consolidator().consolidate(mixedSubmissions(11));
        List<SchoolTableRow> rows = c.tableRows().get("projects");
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.values().get("name").display())
                .startsWith(r.schoolName()));
        TableTotals t = c.tableTotals().get("projects");
        assertThat(t.all().rows()).isEqualTo(rows.size());
        Map<String, TableTotals.Category> byCategory = t.byColumn().get("category");
        assertThat(byCategory.keySet())
                .containsExactly("新建", "改扩建", "维修改造", "运动场地", "设备购置", "其他");
        assertThat(byCategory.values().stream().mapToInt(TableTotals.Category::rows).sum())
                .isEqualTo(rows.size());
        BigDecimal budget = rows.stream().map(r -> ((org.huizong.engine.model.Value.Num)
                r.values().get("budget")).value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(t.all().sums().get("budget")).isEqualByComparingTo(budget);
        assertThat(c.indicators().get("projects.count"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(
                        BigDecimal.valueOf(rows.size())));
        assertThat(c.indicators().get("projects.new.budget")).hasValueSatisfying(v ->
                assertThat(v).isEqualByComparingTo(byCategory.get("新建").sums().get("budget")));
    }

    @Test
    void aSchoolFarFromItsTypeIsAnOutlierAndItsExplanationIsKept() {
        List<School> schools = new ArrayList<>();
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            School s = school(1 + 8 * i); // 小学
            schools.add(s);
            BigDecimal amount = i == 7 ? new BigDecimal("50") : new BigDecimal(10 + i);
            Return r = Fixtures.returnWith(s, s.code() + ".xlsx", Map.of("info.students", 1000,
                    "aid.compulsory.persons", 100, "aid.compulsory.amount", amount));
            if (i == 7) {
                r = new Return(r.file(), r.meta(), r.values(), r.cells(), r.tables(),
                        Map.of("outlier.aid_per_student", "本校为寄宿制学校，补助标准较高"), List.of());
            }
            subs.add(Submission.of(r, List.of(), T0));
        }
        Consolidation c = Consolidator.of(edu(), new Roster(schools)).consolidate(subs);
        assertThat(c.outliers()).singleElement().satisfies(f -> {
            assertThat(f.schoolCode()).isEqualTo(schools.get(7).code());
            assertThat(f.findings()).singleElement().satisfies(x -> {
                assertThat(x.ruleId()).isEqualTo("outlier.aid_per_student");
                assertThat(x.message()).startsWith("生均资助金额0.05万元，明显偏离同类学校");
                assertThat(x.explanation()).hasValue("本校为寄宿制学校，补助标准较高");
            });
        });
    }

    @Test
    void returnsOfAnotherPeriodOrCollectionAreRejectedWithTheReason() {
        School a = school(0);
        School b = school(1);
        Return good = Fixtures.returnWith(a, "a.xlsx", Map.of("info.students", 1));
        ReturnMeta old = new ReturnMeta(edu().id(), edu().version(), Period.parse("2023H2"),
                b.code(), edu().structureHash(), ReturnMeta.KIND_RETURN);
        Return stale = new Return("b.xlsx", old, Fixtures.identity(b), Map.of(), Map.of(),
                Map.of(), List.of());
        ReturnMeta foreign = new ReturnMeta("other", 1, PERIOD, b.code(), "x", "return");
        Return other = new Return("c.xlsx", foreign, Map.of(), Map.of(), Map.of(), Map.of(),
                List.of());
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(a, b))).consolidate(List.of(
                Submission.of(good, List.of(), T0), Submission.of(stale, List.of(), T0),
                Submission.of(other, List.of(), T0)));
        assertThat(c.period()).isEqualTo(PERIOD);
        assertThat(c.completeness().rejected()).extracting(Completeness.Rejected::reason)
                .containsExactly("文件“b.xlsx”的报告期为2023年下半年，本次汇总的是2024年上半年",
                        "文件“c.xlsx”是“other”第1版的报表，不是本次汇总的“教育工作半年报表”第1版");
        assertThat(c.completeness().missing()).containsExactly(b);
    }

    @Test
    void withoutAnyReadableReturnThePeriodMustBeGiven() {
        Consolidator c = Consolidator.of(edu(), Fixtures.roster(2));
        List<Submission> none = List.of(Submission.unreadable("x.xlsx", "坏文件", T0));
        assertThatThrownBy(() -> c.consolidate(none))
                .isInstanceOf(ConsolidationException.class).hasMessageContaining("请指定报告期");
        assertThat(c.period(c.fold(none.stream()))).isEmpty();
        Return foreign = new Return("c.xlsx", new ReturnMeta("other", 1, PERIOD, "3415000001",
                "x", ReturnMeta.KIND_RETURN), Map.of(), Map.of(), Map.of(), Map.of(), List.of());
        List<Submission> refused = List.of(none.get(0), Submission.of(foreign, List.of(), T0));
        Completeness done = c.refusals(c.fold(refused.stream()));
        assertThat(done.summary()).isEqualTo("共 2 个文件：计入 0，有错误未计入 0，重复 0，名单外 0，无法读取 2");
        assertThat(done.missing()).hasSize(2);
        assertThat(FileOutcome.of(done, List.of())).extracting(FileOutcome::schoolCode,
                FileOutcome::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("3415000001",
                                "文件“c.xlsx”是“other”第1版的报表，不是本次汇总的“教育工作半年报表”第1版"),
                        org.assertj.core.groups.Tuple.tuple("", "坏文件"));
        assertThat(c.withPeriod(PERIOD).period(c.fold(none.stream()))).hasValue(PERIOD);
        Consolidation empty = c.withPeriod(PERIOD).consolidate(none);
        assertThat(empty.completeness().missing()).hasSize(2);
        assertThat(empty.totals().values()).allSatisfy(v -> assertThat(v).isZero());
    }

    /**
     * Last year's book of {@code period}: totals the sums of {@code detail} (code to field to
     * figure), with that detail unless {@code withDetail} is false (a book written before books
     * kept it).
     */
    static Return book(String period, Map<String, Map<String, Integer>> detail,
            boolean withDetail) {
        Map<String, org.huizong.engine.model.Value> totals = new java.util.LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> figures = new java.util.LinkedHashMap<>();
        detail.forEach((code, fs) -> {
            Map<String, BigDecimal> f = new java.util.LinkedHashMap<>();
            fs.forEach((id, v) -> {
                f.put(id, BigDecimal.valueOf(v));
                BigDecimal sum = totals.containsKey(id) ? ((org.huizong.engine.model.Value.Num)
                        totals.get(id)).value() : BigDecimal.ZERO;
                totals.put(id, org.huizong.engine.model.Value.of(sum.add(BigDecimal.valueOf(v))));
            });
            figures.put(code, f);
        });
        return new Return("上年同期.xlsx", new ReturnMeta(edu().id(), edu().version(),
                Period.parse(period), "341500", edu().structureHash(),
                ReturnMeta.KIND_CONSOLIDATED), totals, Map.of(), Map.of(), Map.of(), List.of(),
                java.util.Optional.empty(), withDetail ? figures : Map.of());
    }

    @Test
    void aPreviousBookOfTheSameSchoolsGivesPreviousTotalsAndChanges() {
        School a = school(0);
        Return book = book("2023H1", Map.of(a.code(), Map.of("info.students", 80)), true);
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(a))).withPrevious(book)
                .consolidate(List.of(Submission.of(Fixtures.returnWith(a, "a.xlsx",
                        Map.of("info.students", 100)), List.of(), T0)));
        assertThat(c.previous()).hasValueSatisfying(p -> {
            assertThat(p.period()).isEqualTo(Period.parse("2023H1"));
            assertThat(p.basis()).isEqualTo(PreviousPeriod.Basis.SAME_SCHOOLS);
            assertThat(p.schools()).isEqualTo(1);
            assertThat(p.note()).isEqualTo("同比数据取自上年同期汇总表“上年同期.xlsx”（2023年上半年），"
                    + "两期计入汇总的学校相同（1所）");
        });
        assertThat(c.comparedSum("info.students")).hasValueSatisfying(v ->
                assertThat(v).isEqualByComparingTo("100"));
        assertThat(c.change("info.students")).hasValueSatisfying(v ->
                assertThat(v).isEqualByComparingTo("20"));
        assertThat(c.changeRatio("info.students")).hasValueSatisfying(v ->
                assertThat(v).isEqualByComparingTo("0.25"));
        assertThat(c.change("info.teachers")).as("not in the book").isEmpty();
        assertThat(c.narrativeInput().schoolCounts()).doesNotContainKey("schools.comparable");
    }

    @Test
    void aFigureTheCurrentVersionNoLongerCollectsIsNotedOnceAndNotCompared() {
        School a = school(0);
        // An older version's book: it still has a figure this version dropped.
        Return book = book("2023H1", Map.of(a.code(), Map.of("info.students", 80,
                "info.retired_field", 7)), true);
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(a))).withPrevious(book)
                .consolidate(List.of(Submission.of(Fixtures.returnWith(a, "a.xlsx",
                        Map.of("info.students", 100)), List.of(), T0)));
        assertThat(c.previous()).hasValueSatisfying(p -> assertThat(p.note())
                .endsWith("两期计入汇总的学校相同（1所）；上年同期汇总表中有1项本版已取消，不作比较"));
        assertThat(c.change("info.students")).hasValueSatisfying(v ->
                assertThat(v).isEqualByComparingTo("20"));
        assertThat(c.change("info.retired_field")).isEmpty();
    }

    @Test
    void whenTheSchoolsDifferOnlyThoseCountedInBothAreCompared() {
        School a = school(0);
        School b = school(1);
        School c = school(2);
        School d = school(3);
        // last year: a, b, d; this year: a, b, c (d missing, c new)
        Return book = book("2023H1", Map.of(
                a.code(), Map.of("info.students", 100, "safety.hazards.found", 4,
                        "safety.hazards.fixed", 2),
                b.code(), Map.of("info.students", 200, "safety.hazards.found", 6,
                        "safety.hazards.fixed", 6),
                d.code(), Map.of("info.students", 5000, "safety.hazards.found", 10,
                        "safety.hazards.fixed", 0)), true);
        Consolidation now = Consolidator.of(edu(), new Roster(List.of(a, b, c, d)))
                .withPrevious(book).consolidate(List.of(
                        Submission.of(Fixtures.returnWith(a, "a.xlsx", Map.of("info.students",
                                110, "safety.hazards.found", 5, "safety.hazards.fixed", 5)),
                                List.of(), T0),
                        Submission.of(Fixtures.returnWith(b, "b.xlsx", Map.of("info.students",
                                190, "safety.hazards.found", 5, "safety.hazards.fixed", 4)),
                                List.of(), T0),
                        Submission.of(Fixtures.returnWith(c, "c.xlsx", Map.of("info.students",
                                700)), List.of(), T0)));
        assertThat(now.totals().get("info.students")).as("totals stay what was counted")
                .isEqualByComparingTo("1000");
        PreviousPeriod p = now.previous().orElseThrow();
        assertThat(p.basis()).isEqualTo(PreviousPeriod.Basis.COMPARABLE);
        assertThat(p.schools()).isEqualTo(2);
        assertThat(now.comparedSum("info.students")).hasValueSatisfying(v ->
                assertThat(v).isEqualByComparingTo("300"));
        assertThat(now.previousSum("info.students")).hasValueSatisfying(v ->
                assertThat(v).isEqualByComparingTo("300"));
        assertThat(now.change("info.students")).hasValueSatisfying(v ->
                assertThat(v).isZero());
        assertThat(now.comparedIndicator("rate.hazards_fixed")).as("9 of 10").hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("0.9"));
        assertThat(now.previousIndicator("rate.hazards_fixed")).as("8 of 10, not 8 of 20")
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.8"));
        assertThat(now.previousIndicator("projects.count")).as("rows are not in the detail")
                .isEmpty();
        assertThat(now.comparedIndicator("projects.count")).isEmpty();
        assertThat(p.note()).isEqualTo("本期计入汇总3所学校，上年同期3所，同比按可比口径（2所学校）计算："
                + "只比较两期都计入汇总的学校，上年同期数取自汇总表“上年同期.xlsx”（2023年上半年）的逐校数据");
        var in = now.narrativeInput();
        assertThat(in.schoolCounts()).containsEntry("schools.comparable", 2);
        assertThat(in.comparable()).hasValueSatisfying(m ->
                assertThat(m.get("info.students")).isEqualByComparingTo("300"));
        assertThat(in.previous()).hasValueSatisfying(m ->
                assertThat(m.get("info.students")).isEqualByComparingTo("300"));
    }

    @Test
    void aBookWithoutDetailOrOfAnotherPeriodOrWithoutCommonSchoolsIsNotComparedAndSaysWhy() {
        School a = school(0);
        Consolidator consolidator = Consolidator.of(edu(), new Roster(List.of(a, school(1))));
        List<Submission> subs = List.of(Submission.of(Fixtures.returnWith(a, "a.xlsx",
                Map.of("info.students", 100)), List.of(), T0));
        Map<String, Map<String, Integer>> detail = Map.of(a.code(), Map.of("info.students", 80));

        Consolidation old = consolidator.withPrevious(book("2023H1", detail, false))
                .consolidate(subs);
        assertThat(old.previous()).hasValueSatisfying(p -> {
            assertThat(p.basis()).isEqualTo(PreviousPeriod.Basis.NO_DETAIL);
            assertThat(p.note()).isEqualTo("上年同期汇总表“上年同期.xlsx”（2023年上半年）没有逐校数据"
                    + "（由旧版本生成），无法确认两期学校相同，不列同比；可用本系统按上年同期报表重新汇总后再比较");
        });
        assertThat(old.previousSum("info.students")).isEmpty();
        assertThat(old.change("info.students")).isEmpty();
        assertThat(old.narrativeInput().previous()).isEmpty();

        Consolidation halfYear = consolidator.withPrevious(book("2023H2", detail, true))
                .consolidate(subs);
        assertThat(halfYear.previous()).hasValueSatisfying(p -> {
            assertThat(p.basis()).isEqualTo(PreviousPeriod.Basis.WRONG_PERIOD);
            assertThat(p.note()).isEqualTo("汇总表“上年同期.xlsx”是2023年下半年的，本期为2024年上半年，"
                    + "上年同期应为2023年上半年，该表不能用于同比，不列同比");
        });
        assertThat(halfYear.change("info.students")).isEmpty();
        Consolidation autumn = consolidator.withPeriod(Period.parse("2024H2"))
                .withPrevious(book("2024H1", detail, true)).consolidate(List.of());
        assertThat(autumn.previous().orElseThrow().note()).as("the half before is not 上年同期")
                .isEqualTo("汇总表“上年同期.xlsx”是2024年上半年的，本期为2024年下半年，"
                        + "上年同期应为2023年下半年，该表不能用于同比，不列同比");

        Consolidation none = consolidator.withPrevious(book("2023H1", Map.of(school(1).code(),
                Map.of("info.students", 80)), true)).consolidate(subs);
        assertThat(none.previous().orElseThrow().basis())
                .isEqualTo(PreviousPeriod.Basis.NO_COMMON_SCHOOLS);
        assertThat(none.change("info.students")).isEmpty();
    }

    @Test
    void aCollectorInAParallelStreamGivesTheSameAsTheFold() {
        List<Submission> subs = mixedSubmissions(99);
        Consolidator c = consolidator();
        Consolidation viaCollector = subs.parallelStream().collect(c.collector());
        assertThat(viaCollector).isEqualTo(c.consolidate(subs.stream()
                .collect(Collectors.toList())));
    }

    @Test
    void theNarrativeInputCarriesTotalsIndicatorsSchoolCountsAndThePreviousPeriod() {
        School high = school(5); // 普通高中
        Return book = book("2023H1", Map.of(high.code(), Map.of("enrol.gaokao.sat", 100,
                "enrol.gaokao.undergrad", 50)), true);
        Consolidation c = Consolidator.of(edu(), new Roster(List.of(high, school(0))))
                .withPrevious(book).consolidate(List.of(Submission.of(Fixtures.returnWith(high,
                        "h.xlsx", Map.of("enrol.gaokao.sat", 200, "enrol.gaokao.undergrad", 150)),
                        List.of(), T0)));
        var in = c.narrativeInput();
        assertThat(in.period()).isEqualTo(PERIOD);
        assertThat(in.totals().get("enrol.gaokao.undergrad")).isEqualByComparingTo("150");
        assertThat(in.totals().get("rate.undergrad")).isEqualByComparingTo("0.75");
        assertThat(in.totals()).doesNotContainKey("rate.vocexam");
        assertThat(in.nonZeroSchools().get("enrol.gaokao.sat")).isEqualTo(1);
        assertThat(in.schoolCounts()).containsEntry("schools.expected", 2)
                .containsEntry("schools.received", 1)
                .containsEntry("schools.expected.普通高中", 1)
                .containsEntry("schools.received.普通高中", 1)
                .containsEntry("schools.received.幼儿园", 0);
        assertThat(in.previous()).hasValueSatisfying(p ->
                assertThat(p.get("rate.undergrad")).isEqualByComparingTo("0.5"));
    }
}
