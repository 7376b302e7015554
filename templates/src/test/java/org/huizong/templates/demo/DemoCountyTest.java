package org.huizong.templates.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Value;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.StandardCollections;
import org.huizong.templates.demo.DemoCounty.SchoolData;
import org.junit.jupiter.api.Test;

class DemoCountyTest {

    private static BigDecimal sum(List<SchoolData> returns, String field) {
        return returns.stream().map(r -> r.values().get(field))
                .filter(v -> v instanceof Value.Num)
                .map(v -> ((Value.Num) v).value())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void embeddedDemoFilesEqualTheSharedOnes() throws Exception {
        Path shared = Path.of("../../shared/domain/demo-county");
        if (Files.isDirectory(shared)) {
            for (String f : List.of("schools.csv", "totals-2023H1.csv", "totals-2024H1.csv",
                    "expected-narrative.md")) {
                assertThat(DemoFiles.text(f)).as(f).isEqualTo(Files.readString(shared.resolve(f)));
            }
        }
        assertThat(DemoCounty.roster().size()).isEqualTo(61);
    }

    @Test
    void returnsSumExactlyToTheCountyTotals() {
        List<SchoolData> returns = DemoCounty.returns();
        assertThat(returns).hasSize(61);
        Map<String, BigDecimal> totals = DemoCounty.totals(DemoCounty.PERIOD);
        assertThat(totals).hasSizeGreaterThan(25);
        totals.forEach((field, value) -> {
            if (!field.startsWith("aid.total")) {
                assertThat(sum(returns, field)).as(field).isEqualByComparingTo(value);
            }
        });
    }

    @Test
    void smartClassIsSpreadOverExactly54Schools() {
        long nonZero = DemoCounty.returns().stream()
                .filter(r -> ((Value.Num) r.values().get("research.smartclass")).value()
                        .signum() > 0)
                .count();
        assertThat(nonZero).isEqualTo(54);
    }

    @Test
    void uniqueAidedStudentsSumTo3906() {
        assertThat(sum(DemoCounty.returns(), "aid.unique")).isEqualByComparingTo("3906");
    }

    @Test
    void sameSeedGivesSameReturns() {
        assertThat(DemoCounty.returns()).isEqualTo(DemoCounty.returns());
        assertThat(DemoCounty.previousReturns()).isNotEqualTo(DemoCounty.returns());
    }

    @Test
    void previousPeriodMatchesItsStatedTotals() {
        List<SchoolData> prev = DemoCounty.previousReturns();
        assertThat(sum(prev, "enrol.zhongkao")).isEqualByComparingTo("3558");
        assertThat(sum(prev, "enrol.gaokao.registered")).isEqualByComparingTo("3113");
    }

    @Test
    void everyReturnPassesEveryErrorRuleAndOnlyTheTwoPlantedWarningsAreRaised() {
        Collection c = StandardCollections.eduHalfyear();
        TemplateWriter now = TemplateWriter.of(c, DemoCounty.PERIOD);
        TemplateWriter before = TemplateWriter.of(c, DemoCounty.PERIOD.yearBefore());
        ReturnReader reader = ReturnReader.of(c);
        Validator validator = Validator.of(c);
        List<SchoolData> current = DemoCounty.returns();
        List<SchoolData> previous = DemoCounty.previousReturns();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            SchoolData d = current.get(i);
            Return r = reader.read(d.school().code() + ".xlsx",
                    now.toBytes(d.school(), d.toReturnData()));
            Return p = reader.read(d.school().code() + "-prev.xlsx",
                    before.toBytes(d.school(), previous.get(i).toReturnData()));
            assertThat(validator.validate(p).hasErrors()).as(d.school().name() + " 上期").isFalse();
            findings.addAll(validator.validate(r, Optional.of(p)).findings());
        }
        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                "afterschool.teachers_le_teachers", "safety.hazards_unhandled");
        assertThat(findings).allSatisfy(f -> assertThat(f.explanation()).isPresent());
    }
}
