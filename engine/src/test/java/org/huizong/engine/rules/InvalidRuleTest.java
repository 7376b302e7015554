package org.huizong.engine.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec mistakes the loader cannot see fail at {@link Validator#of} with the exact message. */
class InvalidRuleTest {

    private static Rule rule(String when, String check, String message, Rule.Scope scope,
            String table) {
        return new Rule("r.x", Severity.ERROR, when, check, message, scope,
                Optional.ofNullable(table), "mini.yaml:40");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "true | info.studnets > 0 | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 check \"info.studnets > 0\" 第 1 个字符处："
                + "没有字段 'info.studnets'",
        "info.bogus = 1 | info.students > 0 | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 when \"info.bogus = 1\" 第 1 个字符处：没有字段 'info.bogus'",
        "true | info.students + 1 | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 check \"info.students + 1\" 应为条件（比较、and/or、"
                + "blank() 等），实际是数值表达式",
        "true | info.students > ( | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 check：规则表达式 \"info.students > (\" 第 18 个字符处："
                + "应为数字、字符串、字段或函数调用，实际是 表达式结尾",
        "true | projects.budget > 0 | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 check \"projects.budget > 0\" 第 1 个字符处："
                + "'projects.budget' 是表格 projects 的列，只能作为 sum/max/min/count/countif/sumif "
                + "的参数，或用在该表的逐行规则（table:）中",
        "true | sum(projects.budget * 2) > 0 | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 check \"sum(projects.budget * 2) > 0\" 第 5 个字符处："
                + "'projects.budget' 是表格 projects 的列，只能作为 sum/max/min/count/countif/sumif "
                + "的参数，或用在该表的逐行规则（table:）中",
        "true | count(info.students) > 0 | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 check \"count(info.students) > 0\" 第 7 个字符处："
                + "count() 的参数应为表格列，'info.students' 是表单字段",
        "true | blank(projects.name) | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 check \"blank(projects.name)\" 第 7 个字符处："
                + "'projects.name' 是表格 projects 的列，只能作为 sum/max/min/count/countif/sumif "
                + "的参数，或用在该表的逐行规则（table:）中",
        "true | type_is(\"义物\") | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 check \"type_is(\"义物\")\" 第 9 个字符处："
                + "'义物' 既不是学校类型也不是分组（类型：幼儿园、小学、初中、普通高中；分组：学前、义务）",
        "true | prev(info.students) > 0 | m | RETURN | "
                + "| 规则 r.x（mini.yaml:40）：范围为 RETURN，但表达式使用 prev()，应为 PREVIOUS",
        "true | info.students > 0 | m | PREVIOUS | "
                + "| 规则 r.x（mini.yaml:40）：范围为 PREVIOUS，但表达式只涉及本表，应为 RETURN",
        "true | not outlier(info.students) | m | PREVIOUS | "
                + "| 规则 r.x（mini.yaml:40）：范围为 PREVIOUS，但表达式使用 outlier()，应为 CONSOLIDATION",
        "true | prev(projects.budget) > 0 | m | PREVIOUS | "
                + "| 规则 r.x（mini.yaml:40） 的 check \"prev(projects.budget) > 0\" 第 6 个字符处："
                + "'projects.budget' 是表格 projects 的列，只能作为 sum/max/min/count/countif/sumif "
                + "的参数，或用在该表的逐行规则（table:）中",
        "true | info.students > 0 | 学生{info.studnets}人 | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 message 中的 {info.studnets} 不是本报表的字段",
        "true | info.students > 0 | 项目{projects.name} | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 message 中的 {projects.name} 是表格列，只能用在该表的逐行规则"
                + "（table: projects）中",
        "true | info.students > 0 | 学生{info.students | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 message 第 3 个字符的 '{' 没有对应的 '}'",
        "true | info.students > 0 | 比{=info.students > 1} | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 message 中 {=info.students > 1} 应为数值表达式，实际是条件",
        "true | info.students > 0 | 上期{=prev(info.students)} | RETURN | "
                + "| 规则 r.x（mini.yaml:40） 的 message 中 {=prev(info.students)} 使用了 prev()，"
                + "但规则本身不与上年同期比较",
        "true | info.students > 0 | m | RETURN | nosuch "
                + "| 规则 r.x（mini.yaml:40）：没有名为 'nosuch' 的表格",
    })
    void problemsNameTheRuleItsSourceAndTheField(String when, String check, String message,
            Rule.Scope scope, String table, String expected) {
        assertThatThrownBy(() -> Validator.of(Fixtures.withRules(
                rule(when, check, message, scope, table))))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "info.x.total | info.students + info.nope "
                + "| 字段 info.x.total 的 formula \"info.students + info.nope\" 第 17 个字符处："
                + "没有字段 'info.nope'",
        "info.x.total | info.students > 1 "
                + "| 字段 info.x.total 的 formula \"info.students > 1\" 应为数值表达式，实际是条件",
        "info.x.total | info.students + info.x.total "
                + "| 字段 info.x.total 的 formula 循环引用：info.x.total -> info.x.total",
        "info.x.total | prev(info.students) "
                + "| 字段 info.x.total 的 formula \"prev(info.students)\" 不能使用 prev() 或 outlier()",
        "info.x.total | info.students + "
                + "| 字段 info.x.total 的 formula：规则表达式 \"info.students +\" 第 16 个字符处："
                + "应为数字、字符串、字段或函数调用，实际是 表达式结尾",
    })
    void formulaProblemsNameTheField(String field, String formula, String expected) {
        assertThatThrownBy(() -> Validator.of(Fixtures.withFormula(field, formula)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage(expected);
    }
}
