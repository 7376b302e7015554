package org.huizong.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Table;
import org.huizong.engine.rules.Expr;
import org.huizong.engine.rules.RuleParser;
import org.junit.jupiter.api.Test;

/**
 * The live parts of a template as POI reads them: which functions and how long the formulas
 * are (what Excel, WPS and LibreOffice all accept), links, printing and which cells the school
 * may type into.
 */
class LiveChecksTest {
    /** Functions all three programs have evaluated the same way since Excel 2007. */
    private static final Set<String> PORTABLE = Set.of("IF", "AND", "OR", "NOT", "ISBLANK",
            "ISNUMBER", "ROUND", "ABS", "SUM", "MAX", "MIN", "COUNTA", "COUNTIF", "SUMIF", "LEN",
            "TRIM", "SUBSTITUTE", "MID");
    private static final Pattern FUNCTION = Pattern.compile("([A-Z][A-Z0-9.]*)\\(");
    /** Excel's limits: formula length in characters, nesting of function calls. */
    private static final int EXCEL_LENGTH = 8192;
    private static final int EXCEL_NESTING = 64;

    private final Collection collection = IoFixtures.collection();
    private final TemplateWriter writer = TemplateWriter.of(collection, IoFixtures.PERIOD);

    @Test
    void everyLiveFormulaUsesPortableFunctionsWithinExcelsLimits() throws IOException {
        for (School school : List.of(IoFixtures.highSchool(), IoFixtures.kindergarten())) {
            Set<String> used = new TreeSet<>();
            List<String> formulas = formulas(school);
            for (String f : formulas) {
                assertThat(f.length()).as(f).isLessThanOrEqualTo(EXCEL_LENGTH);
                assertThat(nesting(f)).as(f).isLessThanOrEqualTo(EXCEL_NESTING);
                Matcher m = FUNCTION.matcher(f.replaceAll("\"[^\"]*\"", "\"\""));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
            assertThat(formulas).hasSizeGreaterThan(80);
            assertThat(PORTABLE).containsAll(used);
        }
    }

    /** The 校验 sheet's formulas and every conditional format's, on every sheet. */
    private List<String> formulas(School school) throws IOException {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = open(school)) {
            for (Row row : wb.getSheet(TemplateWriter.CHECK_SHEET)) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.FORMULA) {
                        out.add(c.getCellFormula());
                    }
                }
            }
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                var cf = wb.getSheetAt(i).getSheetConditionalFormatting();
                for (int k = 0; k < cf.getNumConditionalFormattings(); k++) {
                    ConditionalFormatting f = cf.getConditionalFormattingAt(k);
                    for (int r = 0; r < f.getNumberOfRules(); r++) {
                        out.add(f.getRule(r).getFormula1());
                    }
                }
            }
        }
        return out;
    }

    /** How deep parentheses nest, outside string literals: a bound on function nesting. */
    private static int nesting(String formula) {
        int depth = 0;
        int max = 0;
        boolean quoted = false;
        for (char ch : formula.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                max = Math.max(max, ++depth);
            } else if (!quoted && ch == ')') {
                depth--;
            }
        }
        return max;
    }

    @Test
    void eachLineLinksToTheFirstCellToFixAndTheSheetPrintsOnA4Landscape() throws IOException {
        try (XSSFWorkbook wb = open(IoFixtures.highSchool())) {
            XSSFSheet s = wb.getSheet(TemplateWriter.CHECK_SHEET);
            Row teachers = s.getRow(CheckSheetWriter.FIRST_LINE_ROW + 2);
            assertThat(teachers.getCell(1).getStringCellValue())
                    .isEqualTo("info.teachers_le_staff");
            Cell link = teachers.getCell(CheckSheetWriter.LINK_COL);
            assertThat(link.getStringCellValue()).isEqualTo("学校基本情况!D15");
            assertThat(link.getHyperlink().getType()).isEqualTo(HyperlinkType.DOCUMENT);
            assertThat(link.getHyperlink().getAddress()).isEqualTo("'学校基本情况'!D15");
            assertThat(s.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
            assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getRepeatingRows()).hasToString(new CellRangeAddress(0,
                    CheckSheetWriter.HEADER_ROW, -1, -1).toString());
            assertThat(s.getProtect()).isTrue();
            for (int r = CheckSheetWriter.FIRST_LINE_ROW; r < s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                boolean warning = row.getCell(2).getStringCellValue().equals("警告");
                for (Cell c : row) {
                    assertThat(c.getCellStyle().getLocked()).as(c.getAddress().toString())
                            .isEqualTo(!(warning && c.getColumnIndex()
                                    == CheckSheetWriter.EXPLANATION_COL));
                }
            }
        }
    }

    @Test
    void theValidatorsOrderOfFieldsToFixPutsGuardOnlyFieldsLast() {
        Expr check = RuleParser.parse("blank(projects.budget) or projects.invested <= "
                + "projects.budget + info.staff");
        assertThat(check.fieldsToFix()).containsExactly("projects.invested",
                "projects.budget", "info.staff");
        assertThat(RuleParser.parse("blank(info.staff) or info.teachers > 0").fieldsToFix())
                .containsExactly("info.teachers", "info.staff");
    }

    @Test
    void aSpecRuleCannotTakeABuiltInChecksId() {
        List<Rule> rules = new ArrayList<>(collection.rules());
        rules.add(new Rule("required", Severity.ERROR, "true", "info.staff >= 0", "教职工数",
                Rule.Scope.RETURN, Optional.empty(), "test"));
        Collection c = new Collection(collection.id(), collection.title(), collection.version(),
                collection.schoolTypes(), collection.groups(), collection.sheets(), rules,
                collection.indicators(), null);

        assertThatThrownBy(() -> TemplateWriter.of(c, IoFixtures.PERIOD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule required and the built-in check required share the defined name "
                        + "S_required");
    }

    @Test
    void tableChecksTooLongForExcelOnALongTableAreLeftToSubmission() {
        List<org.huizong.engine.model.Sheet> sheets = collection.sheets().stream()
                .map(s -> s.table().map(t -> new org.huizong.engine.model.Sheet(s.id(),
                        s.title(), s.valueColumns(), s.lines(), Optional.of(new Table(t.id(),
                                t.columns(), 100, t.requiredWhenUsed())))).orElse(s))
                .toList();
        Collection c = new Collection(collection.id(), collection.title(), collection.version(),
                collection.schoolTypes(), collection.groups(), sheets, collection.rules(),
                collection.indicators(), null);

        for (LiveChecks.CheckLine line : new LiveChecks(c, TemplateLayout.of(c))
                .lines(IoFixtures.highSchool())) {
            if (List.of("projects.invested_le_budget", "row.required").contains(line.id())) {
                assertThat(line.isLive()).as(line.id()).isFalse();
                assertThat(line.pending()).isEqualTo(LiveChecks.ON_SUBMISSION);
            }
        }
        assertThat(new LiveChecks(collection, TemplateLayout.of(collection))
                .lines(IoFixtures.highSchool()).stream()
                .filter(l -> l.id().equals("projects.invested_le_budget")).findFirst()
                .orElseThrow().isLive()).isTrue();
    }

    private XSSFWorkbook open(School school) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(writer.toBytes(school,
                ReturnData.empty())));
    }
}
