package org.huizong.server.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Severity;
import org.junit.jupiter.api.Test;

/** Findings as the database stores them. */
class FindingsJsonTest {
    @Test
    void findingsSurviveTheDatabaseForm() {
        List<Finding> findings = List.of(
                new Finding("info.teachers_le_staff", Severity.ERROR, "专任教师数(57)不能大于教职工数(52)",
                        List.of("info.teachers", "info.staff"),
                        List.of(new CellRef("学校基本情况", "D15"), new CellRef("学校基本情况", "D14")),
                        Optional.empty()),
                new Finding("safety.hazards_unhandled", Severity.WARNING, "有隐患未处理",
                        List.of("safety.hazards.found"), List.of(new CellRef("安全工作", "D4")),
                        Optional.of("已列入暑期施工计划")));
        assertThat(FindingsJson.read(FindingsJson.write(findings))).isEqualTo(findings);
    }
}
