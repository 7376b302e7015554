package org.huizong.engine.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Severity;
import org.huizong.engine.rules.Validation;
import org.junit.jupiter.api.Test;

/** One file's findings on one line, as the server stores them, and read back. */
class FileJsonTest {
    private static final Validation V = new Validation("城关小学.xlsx", "3412000001",
            Optional.of(Period.parse("2024H1")), List.of(
                    new Finding("info.teachers_le_staff", Severity.ERROR,
                            "专任教师数(57)不能大于教职工数(52)",
                            List.of("info.teachers", "info.staff"),
                            List.of(new CellRef("学校基本情况", "D15"),
                                    new CellRef("学校基本情况", "D14")),
                            Optional.empty()),
                    new Finding("safety.hazards_unhandled", Severity.WARNING, "有隐患未处理",
                            List.of("safety.hazards.found"), List.of(new CellRef("安全工作", "D4")),
                            Optional.of("已列入暑期施工计划")),
                    new Finding("read.dash", Severity.NOTICE, "“-”按0计</b>", List.of(),
                            List.of(new CellRef("It's!a sheet", "B2")), Optional.empty())));

    @Test
    void oneFileIsTheDocumentedObjectOnOneLine() {
        assertThat(FindingReport.fileJson(V)).isEqualTo("{\"file\":\"城关小学.xlsx\","
                + "\"school\":\"3412000001\",\"period\":\"2024H1\",\"errors\":1,"
                + "\"warnings\":1,\"explained\":1,\"notices\":1,\"acceptable\":false,"
                + "\"findings\":[{\"rule\":\"info.teachers_le_staff\",\"severity\":\"error\","
                + "\"message\":\"专任教师数(57)不能大于教职工数(52)\","
                + "\"fields\":[\"info.teachers\",\"info.staff\"],"
                + "\"cells\":[\"学校基本情况!D15\",\"学校基本情况!D14\"],\"explanation\":null},"
                + "{\"rule\":\"safety.hazards_unhandled\",\"severity\":\"warning\","
                + "\"message\":\"有隐患未处理\",\"fields\":[\"safety.hazards.found\"],"
                + "\"cells\":[\"安全工作!D4\"],\"explanation\":\"已列入暑期施工计划\"},"
                + "{\"rule\":\"read.dash\",\"severity\":\"notice\","
                + "\"message\":\"“-”按0计\\u003c/b>\",\"fields\":[],"
                + "\"cells\":[\"It's!a sheet!B2\"],\"explanation\":null}]}");
    }

    @Test
    void theFileObjectReadsBackAsWritten() {
        assertThat(FindingReport.parseFile(FindingReport.fileJson(V))).isEqualTo(V);
        Validation unread = new Validation("坏文件.xlsx", "", Optional.empty(), List.of());
        assertThat(FindingReport.parseFile(FindingReport.fileJson(unread))).isEqualTo(unread);
    }

    @Test
    void eachFileOfTheReportReadsBackToo() {
        @SuppressWarnings("unchecked")
        List<Object> files = (List<Object>) ((Map<String, Object>) JsonText.parse(
                FindingReport.json(List.of(V)))).get("files");
        assertThat(files).hasSize(1);
        String file = FindingReport.json(List.of(V));
        String first = file.substring(file.indexOf("    {"), file.lastIndexOf("]}") + 2);
        assertThat(FindingReport.parseFile(first)).isEqualTo(V);
    }

    @Test
    void unknownKeysAreIgnoredAndMalformedFindingsNamed() {
        assertThat(FindingReport.parseFindings("[{\"rule\": \"required\", \"severity\": "
                + "\"error\", \"severityLabel\": \"错误\", \"message\": \"未填写\", "
                + "\"fields\": [\"info.head\"], \"cells\": [\"学校基本情况!C8\"], "
                + "\"explanation\": null}]"))
                .containsExactly(new Finding("required", Severity.ERROR, "未填写",
                        List.of("info.head"), List.of(new CellRef("学校基本情况", "C8")),
                        Optional.empty()));
        assertThatThrownBy(() -> FindingReport.parseFindings("[{\"rule\": \"x\", "
                + "\"severity\": \"fatal\", \"message\": \"m\", \"fields\": [], \"cells\": [], "
                + "\"explanation\": null}]"))
                .hasMessage("finding x: severity 'fatal' is not error, warning or notice");
        assertThatThrownBy(() -> FindingReport.parseFindings("[{\"rule\": \"x\", "
                + "\"severity\": \"error\", \"message\": \"m\", \"fields\": [], "
                + "\"cells\": [\"D7\"], \"explanation\": null}]"))
                .hasMessage("finding x: cell 'D7' is not sheet!A1");
        assertThatThrownBy(() -> FindingReport.parseFile("[]"))
                .hasMessage("file object is not a JSON object: []");
    }

    @Test
    void theReaderTakesJsonValuesAndRefusesTrailingText() {
        assertThat(JsonText.parse(" {\"a\": [1, true, null, \"x\\u003cy\"], \"n\": -0.5e1} "))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(new BigDecimal(1), true, null,
                        "x<y"), "n", new BigDecimal("-0.5e1")));
        assertThatThrownBy(() -> JsonText.parse("{\"a\":1} x"))
                .hasMessage("JSON: unexpected text at 8");
        assertThatThrownBy(() -> JsonText.parse("{\"a\":"))
                .hasMessage("JSON: unexpected end");
        assertThatThrownBy(() -> JsonText.parse("\"open"))
                .hasMessage("JSON: unterminated string");
    }
}
