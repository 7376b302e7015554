package org.huizong.server.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Severity;
import org.huizong.engine.rules.Validation;
import org.huizong.server.store.CollectionStore.SchoolRow;
import org.huizong.server.store.ReportStatus;
import org.huizong.server.store.ReturnStore.VersionRow;
import org.huizong.server.store.Verdict;
import org.huizong.server.web.Json;
import org.junit.jupiter.api.Test;

/**
 * The add-in's node tests read the server's answers from {@code addin/test/fixtures}, and this
 * test writes them with the server's own code ({@link ApiV1}'s answers, {@link FindingReport}),
 * so the add-in is tested against what the server really sends and the two cannot drift. A
 * changed answer fails here; {@code -Dgolden.update=true} rewrites the files for review in the
 * diff.
 */
class AddinFixturesTest {
    private static final Path DIR = Path.of("..", "addin", "test", "fixtures");
    private static final String FILE = "城关镇第一小学-2024H1.xlsx";
    private static final String CODE = "3412250001";
    private static final SchoolRow SCHOOL = new SchoolRow(1, 1, 1, CODE, "城关镇第一小学", "小学",
            "城关镇", "公办");
    private static final Instant UPLOADED = Instant.parse("2024-07-08T02:15:04.120Z");

    @Test
    void theAddinsFixturesAreTheServersOwnAnswers() throws IOException {
        Map<String, String> fixtures = fixtures();
        boolean update = Boolean.getBoolean("golden.update");
        if (update) {
            Files.createDirectories(DIR);
        }
        for (Map.Entry<String, String> f : fixtures.entrySet()) {
            Path path = DIR.resolve(f.getKey());
            if (update) {
                Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(path).as(path + " (rewrite with -Dgolden.update=true)").exists();
            assertThat(Files.readString(path, StandardCharsets.UTF_8))
                    .as(path + " (rewrite with -Dgolden.update=true)").isEqualTo(f.getValue());
        }
        try (Stream<Path> s = Files.list(DIR)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .as("no fixture that the server does not write")
                    .containsExactlyInAnyOrderElementsOf(fixtures.keySet());
        }
    }

    private static Map<String, String> fixtures() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("cli-report.json", FindingReport.json(List.of(validation(FILE, cliFindings()))));
        Validation office = validation(FILE, officeFindings());
        out.put("validate-office.json", answer(ApiV1.checkedAnswer("edu-halfyear", office)));
        out.put("submit-office.json", answer(ApiV1.submittedAnswer(SCHOOL,
                version(3, validation(FILE, List.of())), ReportStatus.SUBMITTED)));
        Validation e2e = validation(FILE, e2eFindings());
        out.put("validate-e2e.json", answer(ApiV1.checkedAnswer("edu-halfyear", e2e)));
        out.put("submit-e2e.json", answer(ApiV1.submittedAnswer(SCHOOL, version(2, e2e),
                ReportStatus.ERRORS)));
        Validation oneError = validation("城关一小.xlsx", List.of(new Finding("required",
                Severity.ERROR, "学校负责人（info.head）未填写", List.of("info.head"),
                List.of(new CellRef("学校基本情况", "C8")), Optional.empty())));
        out.put("validate-one-error.json", answer(ApiV1.checkedAnswer("edu-halfyear",
                oneError)));
        out.put("submit-one-error.json", answer(ApiV1.submittedAnswer(SCHOOL,
                version(1, oneError), ReportStatus.ERRORS)));
        return out;
    }

    private static String answer(Map<String, Object> body) {
        return Json.write(body) + "\n";
    }

    private static Validation validation(String file, List<Finding> findings) {
        return new Validation(file, CODE, Optional.of(Period.parse("2024H1")), findings);
    }

    private static VersionRow version(int no, Validation v) {
        return new VersionRow(no, 1, no, "3c6e2015d6a489e5" + "0".repeat(48), v.file(), 61_440,
                "学校:" + CODE + "（插件）", UPLOADED.toEpochMilli(), "api", Verdict.of(v),
                v.errors(), v.warnings(), v.unexplainedWarnings().size(),
                FindingReport.fileJson(v));
    }

    private static Finding finding(String rule, Severity s, String message, List<String> fields,
            List<String> cells, String explanation) {
        return new Finding(rule, s, message, fields, cells.stream().map(c -> new CellRef(
                c.substring(0, c.indexOf('!')), c.substring(c.indexOf('!') + 1))).toList(),
                Optional.ofNullable(explanation));
    }

    /** Findings on three sheets and none, every severity: for grouping and counting. */
    private static List<Finding> cliFindings() {
        return List.of(
                finding("aid.unique_le_students", Severity.WARNING, "资助学生人数超过在校生",
                        List.of("aid.unique"), List.of("学生资助!D20"), null),
                finding("required", Severity.ERROR, "学校负责人未填写", List.of("info.head"),
                        List.of("学校基本情况!C8"), null),
                finding("aid.hs_grant.persons_iff_amount", Severity.ERROR, "有金额无人数",
                        List.of("aid.hs_grant.persons", "aid.hs_grant.amount"),
                        List.of("学生资助!C9", "学生资助!D9"), null),
                finding("type", Severity.ERROR, "不是整数", List.of("aid.unique"),
                        List.of("学生资助!C7"), null),
                finding("read", Severity.NOTICE, "文件由 WPS 保存", List.of(), List.of(), null));
    }

    private static List<Finding> officeFindings() {
        return List.of(
                finding("aid.unique_le_students", Severity.WARNING, "资助学生人数 900 超过在校生 850",
                        List.of("aid.unique"), List.of("学生资助!D20"), null),
                finding("required", Severity.ERROR, "学校负责人（info.head）未填写",
                        List.of("info.head"), List.of("学校基本情况!C8"), null),
                finding("type", Severity.ERROR, "学生资助!C7 应为整数，实际为“12.5”",
                        List.of("aid.preschool.persons"), List.of("学生资助!C7"), null));
    }

    private static List<Finding> e2eFindings() {
        return List.of(
                finding("required", Severity.ERROR, "学校负责人（info.head）未填写。",
                        List.of("info.head"), List.of("学校基本情况!C8"), null),
                finding("info.teachers_le_staff", Severity.ERROR,
                        "专任教师数（info.teachers）62 人超过教职工数（info.staff）58 人。",
                        List.of("info.teachers", "info.staff"),
                        List.of("学校基本情况!C13", "学校基本情况!C12"), null),
                finding("aid.compulsory.persons_iff_amount", Severity.ERROR,
                        "义务教育家庭经济困难学生生活补助：填了资助金额 3.25 万元，但资助人数为 0。",
                        List.of("aid.compulsory.persons"), List.of("学生资助!C8"), null),
                finding("aid.compulsory.per_person", Severity.WARNING,
                        "义务教育生活补助人均 0.16 万元，超出常见范围 0.02–0.10 万元。",
                        List.of("aid.compulsory.amount"), List.of("学生资助!D8"), null),
                finding("afterschool.teachers_le_teachers", Severity.WARNING,
                        "参与课后服务教师数 70 人多于专任教师数 62 人。",
                        List.of("afterschool.teachers"), List.of("课后服务!C6"),
                        "含外聘的体育和艺术教师 8 人"));
    }
}
