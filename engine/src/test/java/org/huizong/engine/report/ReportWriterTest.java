package org.huizong.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huizong.engine.consolidate.Fixtures.T0;
import static org.huizong.engine.consolidate.Fixtures.edu;
import static org.huizong.engine.consolidate.Fixtures.school;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.narrative.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-15T02:30:00Z"),
            ZoneId.of("Asia/Shanghai"));
    static final List<Paragraph> NARRATIVE = List.of(
            new Paragraph("（一）学校基本情况。", "全县共有学校40所，本期35所学校报送了报表。"),
            new Paragraph("（二）学生资助。", "上半年共资助学生12,345人次，发放资助金额1,234.5万元。"));

    @TempDir
    Path dir;

    /** 40 schools, one named like a formula, 36 returns with projects, one stranger, one bad. */
    static List<Submission> submissions(long seed) {
        Random random = new Random(seed);
        List<Submission> out = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            School s = roster().schools().get(i);
            Return r = Fixtures.randomReturn(s, random, s.code() + ".xlsx");
            if (i == 2) {
                r = withProject(r, "=SUM(A1:A9)");
            }
            out.add(Submission.of(r, i == 7 ? List.of(Fixtures.error("info.head"))
                    : i == 8 ? List.of(Fixtures.warning("afterschool.teachers_le_teachers"))
                    : List.of(), T0.plusSeconds(60L * i)));
        }
        out.add(Submission.of(Fixtures.randomReturn(school(200), random, "外校.xlsx"), List.of(),
                T0));
        out.add(Submission.unreadable("坏文件.xlsx", "文件“坏文件.xlsx”不是有效的Excel文件，无法打开", T0));
        return out;
    }

    static Roster roster() {
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            School s = school(i);
            schools.add(i == 1 ? new School(s.code(), "=1+1学校", s.type(), s.township(),
                    s.ownership()) : s);
        }
        return new Roster(schools);
    }

    private static Return withProject(Return r, String name) {
        Map<String, List<TableRow>> tables = new LinkedHashMap<>(r.tables());
        List<TableRow> rows = new ArrayList<>(tables.getOrDefault("projects", List.of()));
        rows.add(new TableRow(rows.size() + 1, Map.of("name", Value.of(name), "category",
                Value.of("新建"), "budget", Value.of(new BigDecimal("12.5"))), Map.of()));
        tables.put("projects", rows);
        return new Return(r.file(), r.meta(), r.values(), r.cells(), tables, r.explanations(),
                r.readFindings());
    }

    static Return previousBook() {
        Map<String, Value> values = new LinkedHashMap<>();
        Random random = new Random(5);
        for (Field f : edu().fields()) {
            if (f.type().isNumeric()) {
                values.put(f.id(), Value.of(BigDecimal.valueOf(random.nextInt(50_000))));
            }
        }
        return new Return("2023年上半年汇总.xlsx", new ReturnMeta(edu().id(), edu().version(),
                Period.parse("2023H1"), "341500", edu().structureHash(),
                ReturnMeta.KIND_CONSOLIDATED), values, Map.of(), Map.of(), Map.of(), List.of());
    }

    static Consolidation consolidation(List<Submission> subs, boolean previous) {
        Consolidator c = Consolidator.of(edu(), roster());
        return (previous ? c.withPrevious(previousBook()) : c).consolidate(subs);
    }

    static byte[] write(Consolidation c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.of(edu(), CLOCK).withUnit("341500", "示例县教育局").write(c, NARRATIVE, out);
        return out.toByteArray();
    }

    @Test
    void writesASampleForALookWhenAsked() throws IOException {
        String keep = System.getProperty("huizong.report.keep");
        byte[] bytes = write(consolidation(submissions(1), true));
        Files.write(dir.resolve("book.xlsx"), bytes);
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.write(Path.of(keep, "book.xlsx"), bytes);
            Files.write(Path.of(keep, "book-noprev.xlsx"),
                    write(consolidation(submissions(1), false)));
        }
        assertThat(bytes.length).isGreaterThan(10_000);
    }
}
