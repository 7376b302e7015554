package org.huizong.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.consolidate.Submission;
import org.huizong.engine.fixtures.HostileFiles;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.fixtures.ZipEdits;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A return is read as what its roster entry says it is, never as what its own {@code _meta}
 * claims: a school's file claiming to be a county's book is checked by every school rule, held to
 * the template's layout and flagged; a consolidating unit's file that is a school's return is
 * flagged too.
 */
class IntakeTest {
    @TempDir
    Path dir;

    private final Intake intake = Intake.of(IoFixtures.collection());
    private final byte[] filled = HostileFiles.filledReturn();
    private final School school = IoFixtures.highSchool();

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void aSchoolsReturnClaimingToBeABookIsCheckedAsASchoolsAndFlagged() throws Exception {
        Path file = write("自称汇总.xlsx", HostileFiles.claimingABook(filled));
        Roster roster = new Roster(List.of(school));

        Submission s = intake.submission(file, roster);

        assertThat(s).isInstanceOf(Submission.Received.class);
        List<Finding> findings = ((Submission.Received) s).findings();
        assertThat(findings).extracting(Finding::ruleId)
                .contains("info.teachers_le_staff", Intake.KIND);
        assertThat(findings).filteredOn(f -> f.ruleId().equals(Intake.KIND))
                .singleElement().extracting(Finding::message).isEqualTo("文件 自称汇总.xlsx 的标识信息"
                        + "自称汇总表，但名单中“城关第一中学”（3134000050）是完全中学：按学校报表校验，不作汇总表计入");
        Consolidation c = Consolidator.of(IoFixtures.collection(), roster).consolidate(List.of(s));
        assertThat(c.completeness().counted()).as("an error keeps it out").isZero();
    }

    @Test
    void aSchoolsReturnClaimingToBeABookIsHeldToTheTemplatesLayout() throws Exception {
        byte[] moved = ZipEdits.rewrite(HostileFiles.claimingABook(filled), "xl/workbook.xml",
                x -> x.replace("'学校基本情况'!$D$12<", "'学校基本情况'!$Z$100<"));
        Path file = write("自称汇总.xlsx", moved);

        Submission s = intake.submission(file, new Roster(List.of(school)));

        assertThat(s).isInstanceOfSatisfying(Submission.Unreadable.class, u -> assertThat(
                u.reason()).contains("名称 F_info_students 指向 学校基本情况!Z100，应为 学校基本情况!D12"));
    }

    @Test
    void aUnitsFileThatIsASchoolsReturnIsFlagged() throws Exception {
        Path file = write("冒充县.xlsx", filled);
        Roster units = new Roster(List.of(new School(school.code(), "某县教育局", School.UNIT_TYPE,
                "某县", "公办")));

        Submission s = intake.submission(file, units);

        assertThat(((Submission.Received) s).findings()).filteredOn(f -> f.ruleId()
                .equals(Intake.KIND)).singleElement().extracting(Finding::message).isEqualTo(
                        "文件 冒充县.xlsx 是学校报表，但名单中“某县教育局”（3134000050）是汇总单位：只收其汇总表，此文件不计入");
    }

    @Test
    void aReturnOfASchoolNotOnTheRosterIsASchoolsReturn() throws Exception {
        Path file = write("名单外.xlsx", HostileFiles.claimingABook(filled));

        Submission s = intake.submission(file, new Roster(List.of()));

        assertThat(((Submission.Received) s).findings()).extracting(Finding::message)
                .contains("文件 名单外.xlsx 的标识信息自称汇总表，但名单中没有代码 3134000050：按学校报表校验，不作汇总表计入");
    }
}
