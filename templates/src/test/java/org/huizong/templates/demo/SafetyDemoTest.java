package org.huizong.templates.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.pipeline.Intake;
import org.huizong.templates.StandardCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo county's May safety reports: every school counted, the county's figures and words. */
class SafetyDemoTest {
    @Test
    void theMonthlyBookHoldsTheSumOfTheSchoolsFiguresAndSaysThemInWords(@TempDir Path dir)
            throws Exception {
        Roster roster = DemoCounty.roster();
        Clock clock = Clock.fixed(Instant.parse("2024-06-03T00:00:00Z"), ZoneOffset.UTC);
        SafetyDemo.Output out = SafetyDemo.write(dir, roster, clock,
                FileTime.from(clock.instant()));
        assertThat(out.summary()).isEqualTo("共 61 个文件：计入 61，有错误未计入 0，重复 0，名单外 0，无法读取 0");

        long found = 0;
        long reported = 0;
        long fixed = 0;
        long drills = 0;
        for (int i = 0; i < roster.size(); i++) {
            long f = 2 + i % 5;
            long r = i % 4 == 0 ? 1 : 0;
            found += f;
            reported += r;
            fixed += f - r - (i == 7 ? 1 : 0);
            drills += 1 + i % 2;
        }
        assertThat(List.of(found, fixed, reported, drills)).containsExactly(242L, 225L, 16L, 91L);

        Return book = Intake.of(StandardCollections.get(StandardCollections.SAFETY_MONTHLY))
                .read(out.book());
        assertThat(book.meta().period()).isEqualTo(SafetyDemo.MAY);
        assertThat(book.values()).containsAllEntriesOf(Map.of(
                "hazards.found", org.huizong.engine.model.Value.of(BigDecimal.valueOf(found)),
                "hazards.fixed", org.huizong.engine.model.Value.of(BigDecimal.valueOf(fixed)),
                "hazards.reported", org.huizong.engine.model.Value.of(BigDecimal.valueOf(reported)),
                "drills.count", org.huizong.engine.model.Value.of(BigDecimal.valueOf(drills)),
                "incidents.count", org.huizong.engine.model.Value.of(BigDecimal.ONE)));

        try (XSSFWorkbook wb = new XSSFWorkbook(out.book().toFile())) {
            var sheet = wb.getSheet("总结");
            List<String> text = new java.util.ArrayList<>();
            sheet.forEach(row -> row.forEach(c -> text.add(c.toString().strip())));
            assertThat(text).contains(
                    "（一）安全报送情况。本月应报学校61所，已报送61所，报送率100.0%。",
                    "（二）隐患排查整治。5月全县各校共排查安全隐患242项，其中225项已整改，"
                            + "整改率93.0%，16项已向上级有关部门报告。",
                    "（三）安全教育与演练。开展应急疏散演练91次，参与26867人次；上安全教育课394节；"
                            + "开展食品安全检查121次；在岗专职保安121人。",
                    "（四）安全责任事故。发生安全责任事故1起，已按要求报告处置。");
        }
    }
}
