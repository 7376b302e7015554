package org.huizong.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Severity;
import org.junit.jupiter.api.Test;

class CollectionSpecsTest {
    static final Path EDU = Path.of(
            "../templates/src/main/resources/org/huizong/templates/edu-halfyear.yaml");

    private static final String HEAD = """
            id: t
            title: 测试
            schoolTypes: [幼儿园, 小学]
            groups: {学前: [幼儿园]}
            sheets:
              - id: info
                title: 基本情况
                fields:
                  - {id: info.type, label: 学校类型, type: enum, values: [幼儿园, 小学]}
                  - {id: info.students, label: 学生数, type: count, unit: 人}
                  - {id: info.staff, label: 教职工数, type: count, unit: 人, appliesTo: [学前]}
            """;

    @Test
    void standardCollectionLoadsEveryCatalogField() {
        Collection c = CollectionSpecs.load(EDU);
        assertThat(c.id()).isEqualTo("edu-halfyear");
        assertThat(c.sheets()).extracting(s -> s.title()).containsExactly("学校基本情况", "招生与考试",
                "学生资助", "课后服务", "师资队伍", "教育教学与教研", "项目建设", "安全工作", "经费保障");
        assertThat(c.fields()).hasSize(14 + 13 + 20 + 4 + 9 + 11 + 9 + 4);
        assertThat(c.tables()).singleElement().satisfies(t -> {
            assertThat(t.rows()).isGreaterThanOrEqualTo(20);
            assertThat(t.columns()).hasSize(7);
        });
        Field zhongkao = c.getField("enrol.zhongkao");
        assertThat(zhongkao.appliesTo()).containsExactlyInAnyOrder("初中", "九年一贯制学校", "完全中学");
        assertThat(c.getField("aid.hs_grant.amount").type()).isEqualTo(FieldType.MONEY);
        assertThat(c.getField("aid.hs_grant.amount").decimals()).isEqualTo(4);
        assertThat(c.getField("aid.total.amount").isComputed()).isTrue();
        assertThat(c.getField("info.code").isInput()).isFalse();
    }

    @Test
    void foreachExpandsRulesAndInfersScope() {
        Collection c = CollectionSpecs.load(EDU);
        assertThat(c.findRule("aid.voc_tuition.persons_iff_amount")).hasValueSatisfying(r -> {
            assertThat(r.severity()).isEqualTo(Severity.ERROR);
            assertThat(r.expression()).contains("aid.voc_tuition.amount");
            assertThat(r.message()).startsWith("中职免学费：");
        });
        assertThat(c.findRule("aid.hs_grant.per_person").orElseThrow().expression())
                .contains(">= 0.05").contains("<= 0.20");
        assertThat(c.findRule("change.info.students").orElseThrow().scope())
                .isEqualTo(Rule.Scope.PREVIOUS);
        assertThat(c.findRule("outlier.aid_per_student").orElseThrow().scope())
                .isEqualTo(Rule.Scope.CONSOLIDATION);
        assertThat(c.findRule("projects.invested_le_budget").orElseThrow().table())
                .contains("projects");
        assertThat(c.indicators()).extracting(i -> i.id()).contains("projects.repair.budget");
    }

    @Test
    void structureHashIsStableAndChangesWithStructure() {
        Collection a = CollectionSpecs.load(EDU);
        Collection b = CollectionSpecs.load(EDU);
        assertThat(a.structureHash()).isEqualTo(b.structureHash()).hasSize(16);
        Collection other = CollectionSpecs.parse(HEAD, "t.yaml");
        assertThat(other.structureHash()).isNotEqualTo(a.structureHash());
    }

    @Test
    void aNumericFieldMayNameItsPlausibleMaximum() {
        Collection c = CollectionSpecs.parse(HEAD.replace("type: count, unit: 人}",
                "type: count, unit: 人, max: 5000}"), "t.yaml");

        assertThat(c.getField("info.students").upperBound()).contains(new BigDecimal("5000"));
        assertThat(c.getField("info.type").upperBound()).isEmpty();
        assertThat(CollectionSpecs.load(EDU).getField("funding.public").upperBound())
                .as("the type's default").contains(new BigDecimal("100000000"));
        assertThatThrownBy(() -> CollectionSpecs.parse(HEAD.replace("type: count, unit: 人}",
                "type: count, unit: 人, max: -1}"), "t.yaml"))
                .hasMessage("t.yaml:10: field: 'max' 应为正数，而不是 '-1'");
        assertThatThrownBy(() -> CollectionSpecs.parse(HEAD.replace("type: count, unit: 人}",
                "type: count, unit: 人, max: 很多}"), "t.yaml"))
                .hasMessage("t.yaml:10: field: 'max' 应为正数，而不是 '很多'");
        assertThatThrownBy(() -> CollectionSpecs.parse(HEAD.replace("values: [幼儿园, 小学]}",
                "values: [幼儿园, 小学], max: 3}"), "t.yaml"))
                .hasMessageContaining("字段 info.type 设了上限，但类型“enum”不是数值");
    }

    @Test
    void unknownFieldInRuleNamesFileLineAndField() {
        String yaml = HEAD + """
                rules:
                  - id: r1
                    severity: error
                    check: info.students >= info.techers
                    message: x
                """;
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessage("t.yaml:15: 规则 r1 的 check 引用了未知字段 'info.techers'");
    }

    @Test
    void unknownFieldInMessagePlaceholderIsRejected() {
        String yaml = HEAD + """
                rules:
                  - id: r1
                    severity: error
                    check: info.students >= 0
                    message: 学生数{info.studnets}
                """;
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .hasMessage("t.yaml:16: 规则 r1 的 message 引用了未知字段 {info.studnets}");
    }

    @Test
    void duplicateFieldIdIsRejected() {
        String yaml = HEAD + "      - {id: info.students, label: 重复, type: count}\n";
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .hasMessage("t.yaml: 字段编号 info.students 重复（表 info）");
    }

    @Test
    void badTypeNamesTheFieldAndLine() {
        String yaml = HEAD + "      - {id: info.x, label: 某数, type: integer}\n";
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .hasMessage("t.yaml:12: 字段 info.x: unknown field type 'integer'"
                        + " (count, money, area, text, enum, phone)");
    }

    @Test
    void misspelledKeyIsRejectedAtItsLine() {
        String yaml = HEAD + "      - {id: info.x, label: 某数, type: count, requried: true}\n";
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .hasMessageStartingWith("t.yaml:12: field: 未知的键 'requried'");
    }

    @Test
    void aSpecDeclaresItsPeriodKindHalfYearByDefault() {
        assertThat(CollectionSpecs.parse(HEAD, "t.yaml").periodKind())
                .isEqualTo(Period.Kind.HALF_YEAR);
        assertThat(CollectionSpecs.parse("period: 月报\n" + HEAD, "t.yaml").periodKind())
                .isEqualTo(Period.Kind.MONTH);
        assertThat(CollectionSpecs.parse("period: school-year\n" + HEAD, "t.yaml").periodKind())
                .isEqualTo(Period.Kind.SCHOOL_YEAR);
        assertThatThrownBy(() -> CollectionSpecs.parse("period: 周报\n" + HEAD, "t.yaml"))
                .hasMessageContaining("period: '周报' 应为 月报、季报、半年报、年报 或 学年报");
    }

    @Test
    void unknownGroupInAppliesToIsRejected() {
        String yaml = HEAD + "      - {id: info.x, label: 某数, type: count, appliesTo: [高中]}\n";
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .hasMessage("t.yaml:12: 字段 info.x: appliesTo 中 '高中' 既不是学校类型也不是分组");
    }

    @Test
    void duplicateRuleIdIsRejected() {
        String rule = """
                  - id: r1
                    severity: warning
                    check: info.students >= 0
                    message: x
                """;
        String yaml = HEAD + "rules:\n" + rule + rule;
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("duplicate id r1");
    }

    @Test
    void ruleSyntaxErrorCarriesLineAndPosition() {
        String yaml = HEAD + """
                rules:
                  - id: r1
                    severity: error
                    check: info.students >= (info.staff
                    message: x
                """;
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("t.yaml:15: 规则 r1 的 check: ");
    }

    @Test
    void foreachListsOfDifferentLengthAreRejected() {
        String yaml = HEAD + """
                rules:
                  - id: r.${a}
                    severity: error
                    foreach: {a: [x, y], b: [1]}
                    check: info.students >= ${b}
                    message: m
                """;
        assertThatThrownBy(() -> CollectionSpecs.parse(yaml, "t.yaml"))
                .hasMessage("t.yaml:13: entry: foreach 的各列表长度不同（b 有 1 项，应为 2 项）");
    }

    @Test
    void everyRuleOfTheStandardCollectionHasAUniqueIdAndMessage() {
        List<Rule> rules = CollectionSpecs.load(EDU).rules();
        assertThat(rules).extracting(Rule::id).doesNotHaveDuplicates();
        assertThat(rules).allSatisfy(r -> assertThat(r.message()).isNotBlank());
    }
}
