package org.huizong.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.huizong.engine.findings.FindingReport;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Severity;
import org.junit.jupiter.api.Test;

class FindingReportTest {
    private static final Finding AID = new Finding("aid.preschool.persons_iff_amount",
            Severity.ERROR, "学前教育幼儿资助：资助人数(3)与资助金额(空)须同为0或同不为0",
            List.of("aid.preschool.persons", "aid.preschool.amount"),
            List.of(new CellRef("学生资助", "D7"), new CellRef("学生资助", "E7")),
            Optional.empty());
    private static final Finding DASH = Finding.of("read.dash", Severity.NOTICE,
            "教职工数填的“-”按0计", "info.staff", new CellRef("学校基本情况", "D13"));
    private static final Finding PER_PERSON = new Finding("aid.compulsory.per_person",
            Severity.WARNING, "义务教育生活补助人均0.15万元，超出常见范围0.02—0.10万元/人·半年，请核对或说明",
            List.of("aid.compulsory.persons", "aid.compulsory.amount"),
            List.of(new CellRef("学生资助", "D8")), Optional.empty())
            .withExplanation("含上学期补发的\"寄宿生\"补助\n共2笔");

    private static List<Validation> sample() {
        Period p = Period.parse("2024H1");
        return List.of(
                new Validation("城关小学.xlsx", "3412000001", Optional.of(p), List.of(AID, DASH)),
                new Validation("东关中学.xlsx", "3412000002", Optional.of(p),
                        List.of(PER_PERSON, new Finding("required", Severity.ERROR,
                                "学校负责人未填写（必填）", List.of("info.head"), List.of(),
                                Optional.empty()))),
                new Validation("西关幼儿园.xlsx", "3412000003", Optional.of(p), List.of()));
    }

    @Test
    void textReportNumbersFindingsPerFileAndEndsWithCounts() {
        assertThat(FindingReport.text(sample())).isEqualTo("""
                城关小学.xlsx（学校标识码 3412000001，2024年上半年）
                1) [错误] 学生资助!D7 学前教育幼儿资助：资助人数(3)与资助金额(空)须同为0或同不为0
                2) [提示] 学校基本情况!D13 教职工数填的“-”按0计
                东关中学.xlsx（学校标识码 3412000002，2024年上半年）
                1) [警告] 学生资助!D8 义务教育生活补助人均0.15万元，\
                超出常见范围0.02—0.10万元/人·半年，请核对或说明
                   说明：含上学期补发的"寄宿生"补助
                共2笔
                2) [错误] 学校负责人未填写（必填）
                西关幼儿园.xlsx（学校标识码 3412000003，2024年上半年）
                   未发现问题
                共 3 个文件：错误 2 条，警告 1 条（已说明 1 条），提示 1 条；未发现问题的文件 1 个
                """);
    }

    @Test
    void withoutEveryFileOnlyFilesWithFindingsAreListedAndTheSummaryCountsTheRest() {
        assertThat(FindingReport.text(sample(), false)).doesNotContain("西关幼儿园")
                .doesNotContain("未发现问题\n").contains("东关中学.xlsx")
                .endsWith("共 3 个文件：错误 2 条，警告 1 条（已说明 1 条），提示 1 条；未发现问题的文件 1 个\n");
    }

    @Test
    void jsonHasTheDocumentedShapeAndEscapes() {
        assertThat(FindingReport.json(sample().subList(1, 3))).isEqualTo("""
                {
                  "files": [
                    {"file": "东关中学.xlsx", "school": "3412000002", "period": "2024H1",
                     "errors": 1, "warnings": 1, "explained": 1, "notices": 0, "acceptable": false,
                     "findings": [
                       {"rule": "aid.compulsory.per_person", "severity": "warning", \
                "message": "义务教育生活补助人均0.15万元，超出常见范围0.02—0.10万元/人·半年，请核对或说明", \
                "fields": ["aid.compulsory.persons", "aid.compulsory.amount"], \
                "cells": ["学生资助!D8"], "explanation": "含上学期补发的\\"寄宿生\\"补助\\n共2笔"},
                       {"rule": "required", "severity": "error", "message": "学校负责人未填写（必填）", \
                "fields": ["info.head"], "cells": [], "explanation": null}
                     ]},
                    {"file": "西关幼儿园.xlsx", "school": "3412000003", "period": "2024H1",
                     "errors": 0, "warnings": 0, "explained": 0, "notices": 0, "acceptable": true,
                     "findings": []}
                  ],
                  "summary": {"files": 2, "errors": 1, "warnings": 1, "explained": 1, \
                "notices": 0, "acceptable": 1}
                }
                """);
    }

    @Test
    void jsonOfNoFilesAndOfAnUnreadableFile() {
        assertThat(FindingReport.json(List.of())).isEqualTo("""
                {
                  "files": [],
                  "summary": {"files": 0, "errors": 0, "warnings": 0, "explained": 0, \
                "notices": 0, "acceptable": 0}
                }
                """);
        Validation unreadable = new Validation("坏文件.xlsx", "", Optional.empty(),
                List.of(new Finding("read.file", Severity.ERROR, "无法读取", List.of(), List.of(),
                        Optional.empty())));
        assertThat(FindingReport.json(List.of(unreadable)))
                .contains("{\"file\": \"坏文件.xlsx\", \"school\": \"\", \"period\": null,")
                .contains("\"fields\": [], \"cells\": [], \"explanation\": null}");
        assertThat(FindingReport.text(List.of(unreadable))).isEqualTo("""
                坏文件.xlsx
                1) [错误] 无法读取
                共 1 个文件：错误 1 条，警告 0 条（已说明 0 条），提示 0 条
                """);
    }

    @Test
    void quoteEscapesWhatJsonRequires() {
        assertThat(FindingReport.quote("a\"b\\c/d\u0001\t\r\n\b\f\u2028中</script>"))
                .isEqualTo("\"a\\\"b\\\\c/d\\u0001\\t\\r\\n\\b\\f\\u2028中\\u003c/script>\"");
    }

    @Test
    void reportOfAValidatedReturnCarriesItsFindings() {
        Validation v = Validator.of(Fixtures.mini()).validate(Fixtures.school("小学").valid()
                .set("info.teachers", 40).build());
        assertThat(FindingReport.text(List.of(v))).isEqualTo("""
                测试学校.xlsx（学校标识码 3412000001，2024年上半年）
                1) [错误] 学校基本情况!D9 专任教师数(40)不能大于教职工数(30)
                共 1 个文件：错误 1 条，警告 0 条（已说明 0 条），提示 0 条
                """);
    }
}
