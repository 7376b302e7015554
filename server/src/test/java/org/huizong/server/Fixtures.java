package org.huizong.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.StandardCollections;
import org.huizong.templates.demo.DemoCounty;

/** Rosters and filled returns for server tests, made with the engine's own template writer. */
final class Fixtures {
    static final Period PERIOD = DemoCounty.PERIOD;
    static final String KINDERGARTEN = "3134000001";
    /** The demo school whose return carries an explained warning (afterschool teachers). */
    static final String WARNING_SCHOOL = "3134000025";
    static final String PRIMARY = "3134000026";
    static final String MIDDLE = "3134000048";
    static final List<String> CODES = List.of(KINDERGARTEN, WARNING_SCHOOL, PRIMARY, MIDDLE);

    private Fixtures() {
    }

    /** A four-school roster as CSV, taken from the demo county's. */
    static byte[] rosterCsv() {
        StringBuilder sb = new StringBuilder("code,name,type,township,ownership\n");
        for (String line : StandardCollections.resource("demo/schools.csv").split("\r?\n")) {
            if (CODES.stream().anyMatch(line::startsWith)) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static DemoCounty.SchoolData data(String code) {
        return DemoCounty.returns().stream().filter(d -> d.school().code().equals(code))
                .findFirst().orElseThrow();
    }

    static School school(String code) {
        return data(code).school();
    }

    /** The demo county's valid return of a school, with its workbook explanations. */
    static byte[] validReturn(String code) {
        DemoCounty.SchoolData d = data(code);
        return write(d.school(), d.values(), d.projects(), d.explanations());
    }

    /** The demo county's valid return of a school for the same half of the year before. */
    static byte[] lastYearsReturn(String code) {
        DemoCounty.SchoolData d = DemoCounty.previousReturns().stream()
                .filter(x -> x.school().code().equals(code)).findFirst().orElseThrow();
        return TemplateWriter.of(StandardCollections.eduHalfyear(), PERIOD.yearBefore())
                .toBytes(d.school(), new ReturnData(d.values(), Map.of("projects", d.projects()),
                        d.explanations()));
    }

    /** Last year's students of a school, as its previous return says. */
    static java.math.BigDecimal lastYearsStudents(String code) {
        DemoCounty.SchoolData d = DemoCounty.previousReturns().stream()
                .filter(x -> x.school().code().equals(code)).findFirst().orElseThrow();
        return ((Value.Num) d.values().get("info.students")).value();
    }

    /** The same return with more teachers than staff: an error on info.teachers. */
    static byte[] returnWithError(String code) {
        DemoCounty.SchoolData d = data(code);
        Map<String, Value> v = new LinkedHashMap<>(d.values());
        long staff = ((Value.Num) v.get("info.staff")).value().longValueExact();
        v.put("info.teachers", Value.of(staff + 5));
        return write(d.school(), v, d.projects(), d.explanations());
    }

    /** The valid return as corrected after it was sent back: another person signs it. */
    static byte[] correctedReturn(String code) {
        DemoCounty.SchoolData d = data(code);
        Map<String, Value> v = new LinkedHashMap<>(d.values());
        v.put("info.head", Value.of("核对人" + code.substring(code.length() - 2)));
        return write(d.school(), v, d.projects(), d.explanations());
    }

    /** The return without the 说明 its warnings need. */
    static byte[] returnWithoutExplanations(String code) {
        DemoCounty.SchoolData d = data(code);
        return write(d.school(), d.values(), d.projects(), Map.of());
    }

    /**
     * A one-sheet workbook written with POI (as a clerk's spreadsheet program would), the first
     * row the header; numbers as numbers, everything else as text.
     */
    static byte[] xlsx(String sheetName, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(School s, Map<String, Value> values, List<Map<String, Value>> projects,
            Map<String, String> explanations) {
        return TemplateWriter.of(StandardCollections.eduHalfyear(), PERIOD)
                .toBytes(s, new ReturnData(values, Map.of("projects", projects), explanations));
    }
}
