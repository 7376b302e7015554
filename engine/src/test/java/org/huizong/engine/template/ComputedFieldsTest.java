package org.huizong.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Line;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Sheet;
import org.huizong.engine.model.Value;
import org.huizong.engine.returns.ReturnReader;
import org.junit.jupiter.api.Test;

/**
 * Computed fields beyond plain sums: the template compiles them with the rules package, the
 * reader evaluates them with the rule language's evaluator, and both agree.
 */
class ComputedFieldsTest {
    private static final School SCHOOL = new School("3134000050", "城关第一中学", "完全中学", "城关镇",
            "公办");

    private static Field input(String id, String label) {
        return new Field(id, label, FieldType.COUNT, "人", 0, Set.of(), false, List.of(), false,
                Optional.empty(), "");
    }

    private static Field computed(String id, String label, String formula, FieldType type) {
        return new Field(id, label, type, "", type.defaultDecimals(), Set.of(), false, List.of(),
                false, Optional.of(formula), "");
    }

    private static Collection tiny() {
        Sheet s = new Sheet("t", "测试", List.of("填报数"), List.of(
                new Line("甲", List.of(input("t.a", "甲"))),
                new Line("乙", List.of(input("t.b", "乙"))),
                new Line("差", List.of(computed("t.diff", "差", "t.a - t.b", FieldType.COUNT))),
                new Line("比", List.of(computed("t.ratio", "比", "t.a / t.b", FieldType.MONEY)))),
                Optional.empty());
        return new Collection("tiny", "测试报表", 1, List.of("完全中学"), Map.of(), List.of(s),
                List.of(), List.of());
    }

    @Test
    void aDifferenceIsPlainArithmeticAndARatioIsCompiled() throws Exception {
        Collection c = tiny();
        byte[] bytes = TemplateWriter.of(c, IoFixtures.PERIOD).toBytes(SCHOOL, ReturnData.empty()
                .with("t.a", Value.of(6)).with("t.b", Value.of(4)));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Cell diff = cell(wb, "F_t_diff");
            Cell ratio = cell(wb, "F_t_ratio");
            assertThat(diff.getCellFormula()).isEqualTo("D4-D5");
            assertThat(ratio.getCellFormula()).startsWith("IF(").contains("D4").contains("D5");
            assertThat(diff.getNumericCellValue()).isEqualTo(2.0);
            assertThat(ratio.getNumericCellValue()).isEqualTo(1.5);
        }
        Return r = ReturnReader.of(c).read("tiny.xlsx", bytes);
        assertThat(r.find("t.diff")).contains(Value.of(2));
        assertThat(r.find("t.ratio")).contains(Value.of(new BigDecimal("1.5")));
    }

    @Test
    void aRatioOverABlankPartIsUnknownAndABlankPartCountsAsZero() {
        Collection c = tiny();
        byte[] bytes = TemplateWriter.of(c, IoFixtures.PERIOD).toBytes(SCHOOL, ReturnData.empty()
                .with("t.a", Value.of(6)));

        Return r = ReturnReader.of(c).read("tiny.xlsx", bytes);

        assertThat(r.find("t.diff")).contains(Value.of(6));
        assertThat(r.find("t.ratio")).isEmpty();
    }

    private static Cell cell(XSSFWorkbook wb, String name) {
        CellReference ref = new CellReference(wb.getName(name).getRefersToFormula());
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
    }
}
