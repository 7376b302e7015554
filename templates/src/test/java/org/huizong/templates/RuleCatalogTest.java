package org.huizong.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Value;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.templates.demo.DemoCounty.SchoolData;
import org.huizong.templates.demo.DemoCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the standard collection, through real generated files: a demo school's return
 * passes it, and the same return with one figure changed fails it, at the right cell. Blank
 * templates give "required" findings and nothing else.
 */
class RuleCatalogTest {
    private static final Collection EDU = StandardCollections.eduHalfyear();
    private static final Validator VALIDATOR = Validator.of(EDU);
    private static final ReturnReader READER = ReturnReader.of(EDU);
    private static final TemplateWriter WRITER = TemplateWriter.of(EDU, DemoCounty.PERIOD);
    private static final Map<String, SchoolData> DEMO = new LinkedHashMap<>();

    static {
        DemoCounty.returns().forEach(d -> DEMO.put(d.school().code(), d));
    }

    private static final String KINDERGARTEN = "3134000001";
    private static final String PRIMARY = "3134000027";
    private static final String JUNIOR = "3134000048";
    private static final String HIGH = "3134000057";
    private static final String VOCATIONAL = "3134000060";

    /** A rule, the school whose return is changed, and the change that breaks the rule. */
    record Case(String rule, String school, UnaryOperator<ReturnData> breakIt) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static long num(ReturnData d, String field) {
        Value v = d.values().get(field);
        return v instanceof Value.Num n ? n.value().longValue() : 0;
    }


    private static UnaryOperator<ReturnData> plusOne(String field, String over) {
        return d -> d.with(field, Value.of(num(d, over) + 1));
    }

    private static UnaryOperator<ReturnData> money(String field, String value) {
        return d -> d.with(field, Value.of(new BigDecimal(value)));
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("info.teachers_le_staff", PRIMARY, plusOne("info.teachers", "info.staff")));
        c.add(new Case("info.boarders_le_students", JUNIOR,
                plusOne("info.boarders", "info.students")));
        c.add(new Case("info.leftbehind_le_students", PRIMARY,
                plusOne("info.leftbehind", "info.students")));
        c.add(new Case("info.classes_le_students", PRIMARY,
                plusOne("info.classes", "info.students")));
        c.add(new Case("enrol.gaokao_le_registered", HIGH,
                plusOne("enrol.gaokao.sat", "enrol.gaokao.registered")));
        c.add(new Case("enrol.undergrad_le_sat", HIGH,
                plusOne("enrol.gaokao.undergrad", "enrol.gaokao.sat")));
        c.add(new Case("enrol.vocexam_passed_le_sat", VOCATIONAL,
                plusOne("enrol.vocexam.passed", "enrol.vocexam.sat")));
        c.add(new Case("enrol.returned_le_dropouts", PRIMARY,
                plusOne("enrol.returned", "enrol.dropouts")));
        Map<String, String> aidSchool = new LinkedHashMap<>();
        aidSchool.put("preschool", KINDERGARTEN);
        aidSchool.put("compulsory", PRIMARY);
        aidSchool.put("hs_grant", HIGH);
        aidSchool.put("hs_tuition", HIGH);
        aidSchool.put("voc_grant", VOCATIONAL);
        aidSchool.put("voc_local", VOCATIONAL);
        aidSchool.put("voc_tuition", VOCATIONAL);
        aidSchool.forEach((p, school) -> {
            c.add(new Case("aid." + p + ".persons_iff_amount", school,
                    money("aid." + p + ".amount", "0")));
            c.add(new Case("aid." + p + ".per_person", school, d -> d.with("aid." + p + ".amount",
                    Value.of(BigDecimal.valueOf(num(d, "aid." + p + ".persons"))
                            .multiply(new BigDecimal("0.5"))))));
        });
        c.add(new Case("aid.other.persons_iff_amount", PRIMARY,
                d -> d.with("aid.other.persons", Value.of(1))));
        c.add(new Case("aid.unique_le_total", PRIMARY, d -> d.with("aid.unique",
                Value.of(num(d, "aid.compulsory.persons") + 1))));
        c.add(new Case("aid.unique_ge_largest", PRIMARY, d -> d.with("aid.unique",
                Value.of(num(d, "aid.compulsory.persons") - 1))));
        c.add(new Case("aid.unique_le_students", PRIMARY, d -> d.with("info.students",
                Value.of(num(d, "aid.unique") - 1))));
        c.add(new Case("afterschool.students_le_students", PRIMARY,
                plusOne("afterschool.students", "info.students")));
        c.add(new Case("afterschool.none_when_not_provided", PRIMARY,
                d -> d.with("afterschool.provided", Value.of("否"))));
        c.add(new Case("afterschool.kindergarten_le_students", KINDERGARTEN,
                plusOne("afterschool.kindergarten", "info.students")));
        c.add(new Case("afterschool.teachers_le_teachers", PRIMARY,
                plusOne("afterschool.teachers", "info.teachers")));
        c.add(new Case("research.awarded_le_submitted", JUNIOR,
                plusOne("research.papers.awarded", "research.papers.submitted")));
        c.add(new Case("safety.handled_le_found", JUNIOR, d -> d
                .with("safety.hazards.found", Value.of(2)).with("safety.hazards.fixed", Value.of(2))
                .with("safety.hazards.reported", Value.of(1))));
        c.add(new Case("safety.hazards_unhandled", JUNIOR, d -> d
                .with("safety.hazards.found", Value.of(3)).with("safety.hazards.fixed", Value.of(1))
                .with("safety.hazards.reported", Value.of(1))));
        c.add(new Case("projects.invested_le_budget", HIGH, d -> d.withRow("projects", Map.of(
                "name", Value.of("实验楼改造"), "category", Value.of("维修改造"),
                "budget", Value.of(100), "invested", Value.of(120),
                "status", Value.of("在建")))));
        return c.stream();
    }

    private static Validation validate(String code, ReturnData data) {
        SchoolData d = DEMO.get(code);
        Return r = READER.read(code + ".xlsx", WRITER.toBytes(d.school(), data));
        return VALIDATOR.validate(r, Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDemoReturnPassesAndTheChangedOneFailsAtItsCell(Case c) {
        ReturnData data = DEMO.get(c.school()).toReturnData();
        assertThat(validate(c.school(), data).findings()).extracting(Finding::ruleId)
                .as("unchanged return").doesNotContain(c.rule());
        List<Finding> broken = validate(c.school(), c.breakIt().apply(data)).findings().stream()
                .filter(f -> f.ruleId().equals(c.rule())).toList();
        assertThat(broken).as("changed return").isNotEmpty();
        Rule rule = EDU.findRule(c.rule()).orElseThrow();
        assertThat(broken.get(0).severity()).isEqualTo(rule.severity());
        assertThat(broken.get(0).cells()).isNotEmpty();
        assertThat(broken.get(0).message()).doesNotContain("{");
    }

    @Test
    void everyRuleCheckedWithinAReturnHasACase() {
        List<String> covered = cases().map(Case::rule).toList();
        assertThat(EDU.rules().stream().filter(r -> r.scope() == Rule.Scope.RETURN)
                .map(Rule::id)).allSatisfy(id -> assertThat(covered).contains(id));
    }

    @Test
    void blankTemplatesGiveRequiredFindingsAndNothingElse() {
        List<String> required = EDU.fields().stream()
                .filter(f -> f.required() && f.isInput()).map(f -> f.id()).toList();
        assertThat(required).hasSize(7);
        for (SchoolData d : DEMO.values()) {
            Validation v = validate(d.school().code(), ReturnData.empty());
            assertThat(v.findings()).as(d.school().name())
                    .allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("required"))
                    .extracting(f -> f.fieldIds().get(0))
                    .containsExactlyInAnyOrderElementsOf(required);
        }
    }
}
