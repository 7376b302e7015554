package org.huizong.templates.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huizong.engine.model.Value;
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
            for (String f : List.of("schools.csv", "totals-2023H1.csv", "totals-2024H1.csv")) {
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
}
