package org.huizong.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.definition.DefinitionWorkbookReader;
import org.huizong.engine.definition.DefinitionWorkbookWriter;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.School;
import org.huizong.engine.spec.DefinitionBook;
import org.huizong.engine.spec.DefinitionCheck;
import org.huizong.engine.spec.DefinitionExport;
import org.huizong.engine.spec.DefinitionSpecs;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.demo.DemoCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The definition workbook: what YAML says, a statistician can say in Excel, and back. */
class DefinitionWorkbookTest {

    @ParameterizedTest
    @ValueSource(strings = {"edu-halfyear", "safety-monthly"})
    void aStandardCollectionExportedAndReadBackIsTheSameCollection(String id, @TempDir Path dir)
            throws Exception {
        CollectionDefinition yaml = CollectionDefinition.of(id);
        Path xlsx = dir.resolve(id + ".xlsx");
        Files.write(xlsx, yaml.toWorkbook(id + ".xlsx"));

        CollectionDefinition back = CollectionDefinition.of(xlsx.toString());

        Collection a = yaml.collection();
        Collection b = back.collection();
        assertThat(b.structureHash()).isEqualTo(a.structureHash());
        assertThat(b.periodKind()).isEqualTo(a.periodKind());
        assertThat(b.groups()).isEqualTo(a.groups());
        assertThat(b.sheets()).as("sheets, lines, fields, tables").isEqualTo(a.sheets());
        for (int i = 0; i < a.allFields().size(); i++) {
            assertThat(b.allFields().get(i)).as(a.allFields().get(i).id())
                    .isEqualTo(a.allFields().get(i));
        }
        assertThat(withoutSource(b.rules())).isEqualTo(withoutSource(a.rules()));
        assertThat(b.indicators()).isEqualTo(a.indicators());
        assertThat(withoutSource(b)).isEqualTo(withoutSource(a));
        assertThat(b.rules().get(0).source()).startsWith(id + ".xlsx 规则!A2");
        assertThat(normalised(back.narrativeText())).isEqualTo(normalised(yaml.narrativeText()));
        assertThat(back.narrative().sectionTitles()).isEqualTo(yaml.narrative().sectionTitles());
        Period p = id.equals("safety-monthly") ? Period.parse("2024-05") : Period.parse("2024H1");
        for (School s : DemoCounty.roster().schools().subList(0, 3)) {
            assertThat(TemplateWriter.of(b, p).toBytes(s, ReturnData.empty()))
                    .as("the template of " + s.name() + " from either definition")
                    .isEqualTo(TemplateWriter.of(a, p).toBytes(s, ReturnData.empty()));
        }
    }

    /**
     * The shipped safety-monthly.xlsx is the YAML's collection, written by {@code collection
     * export}; {@code -Dgolden.update=true} rewrites it after a change to the YAML.
     */
    @Test
    void theShippedSafetyWorkbookIsTheYamlCollection() throws Exception {
        CollectionDefinition yaml = CollectionDefinition.of("safety-monthly");
        if (Boolean.getBoolean("golden.update")) {
            Files.write(Path.of("src/main/resources/org/huizong/templates/safety-monthly.xlsx"),
                    yaml.toWorkbook("safety-monthly.xlsx"));
        }
        byte[] shipped;
        try (var in = StandardCollections.class.getResourceAsStream("safety-monthly.xlsx")) {
            shipped = in.readAllBytes();
        }
        CollectionDefinition xlsx = CollectionDefinition.parse(shipped, "safety-monthly.xlsx");
        assertThat(withoutSource(xlsx.collection())).isEqualTo(withoutSource(yaml.collection()));
        assertThat(normalised(xlsx.narrativeText())).isEqualTo(normalised(yaml.narrativeText()));
    }

    @Test
    void theWorkbookBytesAreTheSameEveryTime() {
        CollectionDefinition d = CollectionDefinition.of("edu-halfyear");
        assertThat(d.toWorkbook("a.xlsx")).isEqualTo(d.toWorkbook("a.xlsx"));
    }

    @Test
    void everyPlantedProblemIsNamedBySheetAndCell() {
        CollectionDefinition d = CollectionDefinition.of("safety-monthly");
        DefinitionBook sound = DefinitionWorkbookReader.read(DefinitionWorkbookWriter.write(
                DefinitionExport.of(d.collection(), d.narrativeText(), "坏.xlsx")), "坏.xlsx");
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        sound.sheets().forEach((k, v) -> {
            List<List<String>> rows = new ArrayList<>();
            v.forEach(r -> rows.add(new ArrayList<>(r)));
            sheets.put(k, rows);
        });
        sheets.get("设置").get(4).set(1, "周报");                   // B5 报告期类型
        sheets.get("设置").add(new ArrayList<>(List.of("颜色", "红", "", "")));   // the last row
        String unknownItem = "设置!A" + sheets.get("设置").size();
        List<List<String>> fields = sheets.get("字段");
        fields.get(8).set(4, "整形");                               // E9 类型
        fields.get(9).set(2, "guards.on_duty");                     // A16 duplicate id
        fields.get(10).set(7, "可能");                              // H11 必填
        fields.get(11).set(0, "nosuch");                            // A12 工作表
        fields.get(12).set(8, "大学");                              // I13 适用学校
        fields.get(13).set(3, "");                                  // D14 名称
        fields.get(3).set(9, "没有的表");                           // J4 选项
        List<List<String>> rules = sheets.get("规则");
        rules.get(1).set(3, "hazards.fixed + <= 3");                // D2 syntax
        rules.get(2).set(3, "hazards.lost >= 0");                   // D3 unknown field
        rules.get(3).set(1, "严重");                                // B4 级别
        rules.get(4).set(0, rules.get(5).get(0));                   // A6 duplicate rule id
        sheets.get("指标").get(1).set(2, "hazards.fixed / nothing.here"); // C2
        DefinitionCheck check = DefinitionSpecs.check(new DefinitionBook("坏.xlsx", sheets));

        assertThat(check.collection()).isEmpty();
        assertThat(check.problems()).as(check.report()).anySatisfy(p -> assertThat(p)
                .startsWith("坏.xlsx 设置!B5").contains("周报"));
        List<String> places = List.of(unknownItem, "字段!E9", "字段!A16", "字段!H11", "字段!A12",
                "字段!I13", "字段!D14", "字段!J4", "规则!D2", "规则!D3", "规则!B4", "规则!A6",
                "指标!C2");
        for (String place : places) {
            assertThat(check.problems()).as(place + " in\n" + check.report())
                    .anySatisfy(p -> assertThat(p).startsWith("坏.xlsx " + place));
        }
        assertThat(check.report()).endsWith("共 " + check.problems().size() + " 个问题");
    }

    private static List<Rule> withoutSource(List<Rule> rules) {
        return rules.stream().map(r -> new Rule(r.id(), r.severity(), r.when(), r.expression(),
                r.message(), r.scope(), r.table(), "")).toList();
    }

    private static Collection withoutSource(Collection c) {
        return new Collection(c.id(), c.title(), c.version(), c.schoolTypes(), c.groups(),
                c.sheets(), withoutSource(c.rules()), c.indicators(), c.structureHash(),
                c.periodKind());
    }

    private static String normalised(String narrative) {
        return narrative.lines().filter(l -> !l.isBlank() && (!l.startsWith("#")
                || l.startsWith("## "))).map(String::strip).reduce("", (x, y) -> x + y + "\n");
    }
}
