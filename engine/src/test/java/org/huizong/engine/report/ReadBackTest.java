package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huizong.engine.consolidate.Fixtures.T0;
import static org.huizong.engine.consolidate.Fixtures.edu;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.consolidate.Fixtures;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.returns.ReturnReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consolidated book read by the io package's ReturnReader: a level up, and a year on. */
class ReadBackTest {
    private static final String[] COUNTIES = {"甲县", "乙县", "丙县"};

    @TempDir
    Path dir;

    /** County {@code k}'s 12 schools, codes 34150k0001... */
    private static Roster schools(int k) {
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            School t = Fixtures.school(i);
            schools.add(new School(String.valueOf(3415000001L + 10_000L * (k + 1) + i),
                    COUNTIES[k] + t.name(), t.type(), t.township(), t.ownership()));
        }
        return new Roster(schools);
    }

    /** Every school of county {@code k} sends a return of {@code period}, seeded by both. */
    private static List<Submission> returns(int k, Period period) {
        Random random = new Random(100 + k + 7L * period.year());
        List<Submission> subs = new ArrayList<>();
        for (School s : schools(k).schools()) {
            Return r = Fixtures.randomReturn(s, random, s.code() + ".xlsx");
            ReturnMeta m = r.meta();
            r = new Return(r.file(), new ReturnMeta(m.collection(), m.version(), period,
                    m.unitCode(), m.structureHash(), m.kind()), r.values(), r.cells(),
                    r.tables(), r.explanations(), r.readFindings());
            subs.add(Submission.of(r, List.of(), T0));
        }
        return subs;
    }

    private static Consolidation county(int k, Period period) {
        return Consolidator.of(edu(), schools(k)).consolidate(returns(k, period));
    }

    private static String unitCode(int k) {
        return "34150" + (k + 1) + "0000";
    }

    private Path writeCounty(int k, Period period) {
        Path file = dir.resolve(period + "-" + COUNTIES[k] + ".xlsx");
        ReportWriter.of(edu(), ReportWriterTest.CLOCK)
                .withUnit(unitCode(k), COUNTIES[k] + "教育局").write(county(k, period),
                        ReportWriterTest.NARRATIVE, file);
        return file;
    }

    @Test
    void aCountyBookReadsBackAsOneReturnWithEveryTotalAndProjectRow() {
        Consolidation c = county(0, Fixtures.PERIOD);
        Path file = dir.resolve("county.xlsx");
        ReportWriter.of(edu(), ReportWriterTest.CLOCK).withUnit(unitCode(0), "甲县教育局")
                .write(c, List.of(), file);
        Return r = ReturnReader.of(edu()).read(file);
        assertThat(r.meta().kind()).isEqualTo(ReturnMeta.KIND_CONSOLIDATED);
        assertThat(r.schoolCode()).isEqualTo(unitCode(0));
        assertThat(r.text("info.name")).hasValue("甲县教育局");
        for (Field f : edu().fields()) {
            if (f.type().isNumeric()) {
                assertThat(number(r, f.id())).as(f.id())
                        .isEqualByComparingTo(c.totals().get(f.id()));
            }
        }
        assertThat(r.rows("projects")).hasSize(c.tableRows().get("projects").size());
        assertThat(r.readFindings()).noneMatch(x -> x.severity()
                == org.huizong.engine.model.Severity.ERROR);
    }

    @Test
    void threeCountyBooksConsolidateIntoACityBookThatReadsBackToo() {
        List<Submission> books = new ArrayList<>();
        List<School> counties = new ArrayList<>();
        ReturnReader reader = ReturnReader.of(edu());
        Intake intake = Intake.of(edu());
        for (int k = 0; k < COUNTIES.length; k++) {
            counties.add(new School(unitCode(k), COUNTIES[k] + "教育局", School.UNIT_TYPE,
                    COUNTIES[k], "公办"));
        }
        Roster roster = new Roster(counties);
        for (int k = 0; k < COUNTIES.length; k++) {
            books.add(intake.submission(writeCounty(k, Fixtures.PERIOD), roster));
        }
        Consolidation city = Consolidator.of(edu(), roster).consolidate(books);
        assertThat(city.summary())
                .isEqualTo("共 3 个文件：计入 3，有错误未计入 0，重复 0，名单外 0，无法读取 0");
        int rows = 0;
        for (int k = 0; k < COUNTIES.length; k++) {
            rows += county(k, Fixtures.PERIOD).tableRows().get("projects").size();
        }
        assertThat(city.tableRows().get("projects")).hasSize(rows);
        for (String id : city.totals().keySet()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < COUNTIES.length; k++) {
                sum = sum.add(county(k, Fixtures.PERIOD).totals().get(id));
            }
            assertThat(city.totals().get(id)).as(id).isEqualByComparingTo(sum);
        }
        Path file = dir.resolve("city.xlsx");
        ReportWriter.of(edu(), ReportWriterTest.CLOCK).withUnit("341500000000", "示例市教育局")
                .withArea("市").write(city, List.of(), file);
        Return back = reader.read(file);
        assertThat(number(back, "info.students"))
                .isEqualByComparingTo(city.totals().get("info.students"));
        assertThat(number(back, "aid.total.amount"))
                .isEqualByComparingTo(city.totals().get("aid.total.amount"));
        assertThat(back.rows("projects")).hasSize(rows);
    }

    @Test
    void aBookCarriesEveryCountedSchoolsFiguresForNextYear() {
        Period last = Period.parse("2023H1");
        Return previous = ReturnReader.of(edu()).read(writeCounty(1, last));
        List<Submission> subs = returns(1, last);
        assertThat(previous.detail().keySet()).containsExactlyElementsOf(
                schools(1).schools().stream().map(School::code).toList());
        for (Submission s : subs) {
            Return r = ((Submission.Received) s).ret();
            Map<String, BigDecimal> figures = previous.detail().get(r.schoolCode());
            Return asSent = previous.detailOf(r.schoolCode()).orElseThrow();
            assertThat(asSent.meta()).isEqualTo(new ReturnMeta(edu().id(), edu().version(), last,
                    r.schoolCode(), edu().structureHash(), ReturnMeta.KIND_RETURN));
            figures.forEach((id, v) -> assertThat(asSent.values()).containsEntry(id,
                    Value.of(v)));
            for (Field f : edu().fields()) {
                if (f.type().isNumeric() && r.values().get(f.id()) instanceof Value.Num n) {
                    assertThat(figures.get(f.id())).as(r.schoolCode() + " " + f.id())
                            .isEqualByComparingTo(n.value());
                } else if (f.type().isNumeric()) {
                    assertThat(figures).as(r.schoolCode() + " " + f.id())
                            .doesNotContainKey(f.id());
                }
            }
        }
        assertThat(previous.detailOf("3415999999")).as("not counted last year").isEmpty();
    }

    @Test
    void lastYearsBookIsThePreviousPeriodOfThisYears() {
        Period last = Period.parse("2023H1");
        Return previous = ReturnReader.of(edu()).read(writeCounty(1, last));
        Consolidation before = county(1, last);
        Consolidation now = Consolidator.of(edu(), schools(1)).withPeriod(Fixtures.PERIOD)
                .withPrevious(previous).consolidate(returns(1, Fixtures.PERIOD));
        assertThat(now.previous()).hasValueSatisfying(p -> {
            assertThat(p.period()).isEqualTo(last);
            assertThat(p.basis()).isEqualTo(
                    org.huizong.engine.consolidate.PreviousPeriod.Basis.SAME_SCHOOLS);
            assertThat(p.sums().get("funding.public"))
                    .isEqualByComparingTo(before.totals().get("funding.public"));
            assertThat(p.indicators().get("projects.count")).hasValueSatisfying(v ->
                    assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(
                            before.tableRows().get("projects").size())));
        });
    }

    private static BigDecimal number(Return r, String id) {
        return r.find(id).map(v -> ((Value.Num) v).value()).orElse(BigDecimal.ZERO);
    }
}
