package org.huizong.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huizong.engine.model.Period;
import org.junit.jupiter.api.Test;

/** The template language on small templates; the real edu-halfyear template has its own test. */
class NarrativeTemplateTest {
    private static final Set<String> IDS = Set.of("enrol.zhongkao", "enrol.grade8", "a", "b",
            "c", "t", "money", "rate.vocexam", "rate.undergrad", "research.smartclass");
    private static final Period SPRING = Period.parse("2024H1");

    private static NarrativeTemplate template(String body) {
        return NarrativeTemplate.parse("## 标题。\n" + body, "t.txt", IDS);
    }

    private static Map<String, BigDecimal> figures(Object... idsAndValues) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            m.put((String) idsAndValues[i], new BigDecimal(idsAndValues[i + 1].toString()));
        }
        return m;
    }

    /** The body of the only section, or "" when the section disappeared. */
    private static String body(NarrativeTemplate t, NarrativeInput in) {
        List<Paragraph> ps = t.render(in);
        assertThat(ps).hasSizeLessThanOrEqualTo(1);
        return ps.isEmpty() ? "" : ps.get(0).body();
    }

    private static String body(String template, Object... idsAndValues) {
        return body(template(template), NarrativeInput.of(SPRING, figures(idsAndValues)));
    }

    @Test
    void clauseWithZeroFigureDisappearsTogetherWithTheSeparatorAfterIt() {
        String t = "其中，[甲{a|人}]；[乙{b|人}]；[丙{c|人}]。";
        assertThat(body(t, "a", 1, "b", 2, "c", 3)).isEqualTo("其中，甲1人；乙2人；丙3人。");
        assertThat(body(t, "a", 0, "b", 2, "c", 3)).isEqualTo("其中，乙2人；丙3人。");
        assertThat(body(t, "a", 1, "b", 0, "c", 3)).isEqualTo("其中，甲1人；丙3人。");
        assertThat(body(t, "a", 1, "b", 0, "c", 0)).isEqualTo("其中，甲1人。");
        assertThat(body(t, "a", 0, "b", 0, "c", 3)).isEqualTo("其中，丙3人。");
    }

    @Test
    void aZeroClauseStatesATrueZeroAndNothingElse() {
        String t = "[发生事故{a|起}][{zero:a|起}各校均未报告发生事故]。[其余{b|项}]。";
        assertThat(body(t, "a", 0, "b", 2)).isEqualTo("各校均未报告发生事故。其余2项。");
        assertThat(body(t, "a", 3, "b", 2)).isEqualTo("发生事故3起。其余2项。");
        assertThat(body(t, "b", 2)).as("not collected: nothing is claimed").isEqualTo("其余2项。");
        assertThat(body("[金额{zero:money|万元}为零]，[合计{b|项}]。", "money", "0.00001", "b", 1))
                .as("shows as 0 in 万元").isEqualTo("金额为零，合计1项。");
        assertThat(template("[{zero:a|起}无事故]。").referencedIds()).containsExactly("a");
    }

    @Test
    void clauseWithAbsentFigureDisappearsAsIfZero() {
        String t = "其中，[甲{a|人}]；[乙{b|人}]；[丙{c|人}]。";
        assertThat(body(t, "a", 1, "b", 2)).isEqualTo("其中，甲1人；乙2人。");
    }

    @Test
    void leadInDisappearsWhenEveryClauseAfterItDoes() {
        String t = "共资助{t|人}。其中，[甲{a|人}]；[乙{b|人}]。";
        assertThat(body(t, "t", 5, "a", 0, "b", 0)).isEqualTo("共资助5人。");
        assertThat(body(t, "t", 5, "a", 0)).isEqualTo("共资助5人。");
    }

    @Test
    void sentenceWithZeroFigureOfItsOwnDisappears() {
        String t = "全县{schools.nonzero:research.smartclass|所}学校智慧课堂开课{research.smartclass|节}。"
                + "参加中考{enrol.zhongkao|名}。";
        NarrativeTemplate tpl = template(t);
        NarrativeInput in = NarrativeInput.of(SPRING, figures("research.smartclass", 7324,
                "enrol.zhongkao", 0)).withNonZeroSchools(Map.of("research.smartclass", 54));
        assertThat(body(tpl, in)).isEqualTo("全县54所学校智慧课堂开课7324节。");
    }

    @Test
    void runsOfSeparatorsKeepTheStrongestAndNoneStandsBeforeTheFullStop() {
        String t = "[甲{a|人}]，[乙{b|人}]；[丙{c|人}]。";
        assertThat(body(t, "a", 0, "b", 0, "c", 3)).isEqualTo("丙3人。");
        assertThat(body(t, "a", 1, "b", 0, "c", 0)).isEqualTo("甲1人。");
        assertThat(body(t, "a", 1, "b", 2, "c", 0)).isEqualTo("甲1人，乙2人。");
        assertThat(body("[[甲{a|人}]，[乙{b|人}]]；[丙{c|人}]。", "a", 1, "b", 0, "c", 3))
                .isEqualTo("甲1人；丙3人。");
    }

    @Test
    void clauseThatBringsItsOwnSeparatorLeavesItsNeighboursAlone() {
        String t = "[参加中考毕业生{enrol.zhongkao|名}[，{yoy:enrol.zhongkao|人}]]；"
                + "[参加八年级学业水平考试学生{enrol.grade8|名}]。";
        assertThat(body(t, "enrol.zhongkao", 3427, "enrol.grade8", 3556))
                .isEqualTo("参加中考毕业生3427名；参加八年级学业水平考试学生3556名。");
    }

    @Test
    void fallReadsDecreaseRiseReadsIncreaseAndNoChangeReadsLevel() {
        NarrativeTemplate t = template("参加中考毕业生{enrol.zhongkao|名}[，{yoy:enrol.zhongkao|人}]。");
        NarrativeInput in = NarrativeInput.of(SPRING, figures("enrol.zhongkao", 3427));
        assertThat(body(t, in.withPrevious(figures("enrol.zhongkao", 3558))))
                .isEqualTo("参加中考毕业生3427名，比去年减少131人。");
        assertThat(body(t, in.withPrevious(figures("enrol.zhongkao", 3400))))
                .isEqualTo("参加中考毕业生3427名，比去年增加27人。");
        assertThat(body(t, in.withPrevious(figures("enrol.zhongkao", 3427))))
                .isEqualTo("参加中考毕业生3427名，与去年持平。");
    }

    @Test
    void withoutPreviousPeriodTheComparisonIsLeftOut() {
        NarrativeTemplate t = template("参加中考毕业生{enrol.zhongkao|名}[，{yoy:enrol.zhongkao|人}]。");
        NarrativeInput in = NarrativeInput.of(SPRING, figures("enrol.zhongkao", 3427));
        assertThat(body(t, in)).isEqualTo("参加中考毕业生3427名。");
        assertThat(body(t, in.withPrevious(figures("enrol.grade8", 1))))
                .as("a previous period that did not collect the figure")
                .isEqualTo("参加中考毕业生3427名。");
    }

    @Test
    void comparisonOfMoneyUsesMoneyFormat() {
        NarrativeTemplate t = template("到位经费{money|万元}[，{yoy:money|万元}]。");
        NarrativeInput in = NarrativeInput.of(SPRING, figures("money", "943.125"))
                .withPrevious(figures("money", "930.625"));
        assertThat(body(t, in)).isEqualTo("到位经费943.13万元，比去年增加12.5万元。");
        NarrativeInput tiny = NarrativeInput.of(SPRING, figures("money", "943.12501"))
                .withPrevious(figures("money", "943.125"));
        assertThat(body(t, tiny)).as("a change that shows as 0 is no change")
                .isEqualTo("到位经费943.13万元，与去年持平。");
    }

    @Test
    void largeAmountsReadInYiYuan() {
        assertThat(body("启动职业教育能力提升专项债项目，总投资{money|万元}。", "money", 69000))
                .isEqualTo("启动职业教育能力提升专项债项目，总投资6.9亿元。");
    }

    @Test
    void autumnPeriodReadsAutumnTerm() {
        NarrativeTemplate t = template("{year}年{half}，{term}参与延时服务幼儿{a|名}。");
        assertThat(body(t, NarrativeInput.of(Period.parse("2024H2"), figures("a", 4730))))
                .isEqualTo("2024年下半年，秋季学期参与延时服务幼儿4730名。");
        assertThat(body(t, NarrativeInput.of(SPRING, figures("a", 4730))))
                .isEqualTo("2024年上半年，春季学期参与延时服务幼儿4730名。");
    }

    @Test
    void percentagesShowTheIndicatorsDecimals() {
        NarrativeVocabulary v = new NarrativeVocabulary(IDS,
                Map.of("rate.vocexam", "%", "rate.undergrad", "%"), Map.of("rate.vocexam", 2));
        NarrativeTemplate t = NarrativeTemplate.parse("## 标题。\n专科达线率{rate.vocexam|%}，"
                + "本科上线率{rate.undergrad|%}，报送率{a/b|%}。", "t.txt", v);
        NarrativeInput in = NarrativeInput.of(SPRING, figures("rate.vocexam", "0.9875",
                "rate.undergrad", "0.91667", "a", 61, "b", 61));
        assertThat(body(t, in)).isEqualTo("专科达线率98.75%，本科上线率91.7%，报送率100.0%。");
    }

    @Test
    void ratioWithZeroDivisorDisappears() {
        String t = "应报{b|所}[，报送率{a/b|%}]。已报{a|所}[，报送率{a/b|%}]。";
        assertThat(body(t, "a", 3, "b", 0)).isEqualTo("已报3所。");
    }

    @Test
    void sectionWithoutFiguresDisappearsAndTheRestAreRenumbered() {
        NarrativeTemplate t = NarrativeTemplate.parse("""
                # comment
                ## 全面从严治党持续深入。
                继续深化党建工作。[建成学校{a|所}]。
                ## 教育体系持续完善。
                参加中考毕业生{enrol.zhongkao|名}。
                """, "t.txt", IDS);
        NarrativeInput in = NarrativeInput.of(SPRING, figures("a", 0, "enrol.zhongkao", 3427));
        assertThat(t.render(in)).containsExactly(
                new Paragraph("（一）教育体系持续完善。", "参加中考毕业生3427名。"));
        assertThat(t.renderText(NarrativeInput.of(SPRING, figures("a", 33, "enrol.zhongkao", 1))))
                .isEqualTo("（一）全面从严治党持续深入。继续深化党建工作。建成学校33所。\n"
                        + "（二）教育体系持续完善。参加中考毕业生1名。");
    }

    @Test
    void bodyLinesOfASectionAreJoinedAndEscapesAreWrittenAsIs() {
        NarrativeTemplate t = template("参加中考毕业生{enrol.zhongkao|名}，\n    比例\\[示例\\]\\{x\\}。");
        assertThat(body(t, NarrativeInput.of(SPRING, figures("enrol.zhongkao", 3))))
                .isEqualTo("参加中考毕业生3名，比例[示例]{x}。");
    }

    @Test
    void referencedIdsListWhatTheTemplateNeeds() {
        NarrativeTemplate t = template("[甲{a|人}[，{yoy:enrol.zhongkao|人}]]，"
                + "[{schools.nonzero:research.smartclass|所}]，[{b/c|%}]。");
        assertThat(t.referencedIds()).containsExactly("a", "enrol.zhongkao",
                "research.smartclass", "b", "c");
        assertThat(t.sectionTitles()).containsExactly("标题。");
    }

    // ---- errors: each names source:line:column and what to write instead ----

    private static void assertError(String template, int line, int column, String message) {
        assertThatThrownBy(() -> NarrativeTemplate.parse(template, "t.txt", IDS))
                .isInstanceOfSatisfying(NarrativeTemplateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.sourceName()).isEqualTo("t.txt");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void unknownFieldFailsWithItsLineAndColumn() {
        assertError("## 标题。\n参加中考毕业生{enrol.zhongkoa|名}。", 2, 9,
                "t.txt:2:9: 未知的字段或指标“enrol.zhongkoa”；是否应为“enrol.zhongkao”？");
        assertError("## 标题。\n\n  第三行{yoy:nothing.like.this|人}。", 3, 11,
                "t.txt:3:11: 未知的字段或指标“nothing.like.this”");
    }

    @Test
    void missingUnitFails() {
        assertError("## 标题。\n参加中考毕业生{enrol.zhongkao}。", 2, 8,
                "t.txt:2:8: 引用{enrol.zhongkao}缺少单位，应写成 {enrol.zhongkao|人}、"
                        + "{enrol.zhongkao|万元}、{enrol.zhongkao|%}等");
        assertError("## 标题。\n参加{a|}。", 2, 3,
                "t.txt:2:3: 引用{a|}缺少单位，应写成 {a|人}、{a|万元}、{a|%}等");
    }

    @Test
    void missingFieldFails() {
        assertError("## 标题。\n参加{|人}。", 2, 3, "t.txt:2:3: 引用{|人}缺少字段，应写成 {字段|单位}");
        assertError("## 标题。\n比去年{yoy:|人}。", 2, 8, "t.txt:2:8: “yoy:”后缺少字段");
    }

    @Test
    void periodWordWithAUnitFailsAsAnUnusedArgument() {
        assertError("## 标题。\n{term|人}参与{a|名}。", 2, 6, "t.txt:2:6: {term}不带单位，请删去“|人”");
    }

    @Test
    void unknownUnitOrFunctionFails() {
        assertThatThrownBy(() -> template("资金{money|万}。"))
                .hasMessageStartingWith("t.txt:2:10: 未知的单位“万”；可用的单位：人、名、人次、所");
        assertError("## 标题。\n共{sum:a|人}。", 2, 3,
                "t.txt:2:3: 未知的函数“sum:”；可用 yoy:（比去年）、schools.nonzero:（有该项数字的学校数）"
                        + "和 zero:（填报为0时）");
        assertError("## 标题。\n共{yoy:rate.vocexam|%}。", 2, 20,
                "t.txt:2:20: 比去年的变化不能以“%”表示；请比较人数、金额等数量");
        assertError("## 标题。\n共{schools.nonzero:a|人}。", 2, 21, "t.txt:2:21: 学校数的单位是“所”，不是“人”");
        assertError("## 标题。\n共{a/b|人}。", 2, 7, "t.txt:2:7: 比值{a/b}只能以“%”表示");
    }

    @Test
    void unitThatDoesNotFitTheFieldFails() {
        NarrativeVocabulary v = new NarrativeVocabulary(Set.of("aid.preschool.amount"),
                Map.of("aid.preschool.amount", "万元"), Map.of());
        assertThatThrownBy(() -> NarrativeTemplate.parse(
                "## 标题。\n资助{aid.preschool.amount|人}。", "t.txt", v))
                .hasMessage("t.txt:2:25: “aid.preschool.amount”的单位是“万元”，不能写成“人”");
    }

    @Test
    void malformedSyntaxFailsWithItsPlace() {
        assertError("## 标题。\n其中，[甲{a|人}；乙{b|人}。", 2, 4, "t.txt:2:4: “[”没有配对的“]”");
        assertError("## 标题。\n甲{a|人}]。", 2, 7, "t.txt:2:7: 多余的“]”，前面没有配对的“[”");
        assertError("## 标题。\n甲{a|人。", 2, 2, "t.txt:2:2: “{”没有配对的“}”；引用写成 {字段|单位}");
        assertError("## 标题。\n甲{a|人}}。", 2, 7,
                "t.txt:2:7: 多余的“}”；引用写成 {字段|单位}，原样写出“}”请用“\\}”");
        assertError("## 标题。\n甲{a|人}[，另有]。", 2, 7,
                "t.txt:2:7: 可省略的分句“[…]”中没有数字引用，无法判断何时省略");
        assertError("## 标题。\n甲{a|人},乙{b|人}。", 2, 7, "t.txt:2:7: 请用全角标点“，”，不用半角“,”");
    }

    @Test
    void layoutProblemsFail() {
        assertError("甲{a|人}。", 1, 1, "t.txt:1:1: 正文之前应先写段落标题行，如“## 教育体系持续完善。”");
        assertError("# only a comment\n", 1, 1, "t.txt:1:1: 模板中没有任何段落；每段以标题行“## 标题。”开始");
        assertError("## 标题。\n## 下一段。\n甲{a|人}。", 1, 1, "t.txt:1:1: 段落“标题。”没有正文");
        assertError("## 标题。\n只有文字。\n", 1, 1,
                "t.txt:1:1: 段落“标题。”中没有任何数字引用；没有数字的段落永远不会出现在报告中");
        assertError("## （一）标题。\n甲{a|人}。", 1, 4,
                "t.txt:1:4: 标题“（一）标题。”不用写序号，（一）（二）……在生成时按实际出现的段落编号");
    }

    @Test
    void inputRejectsSchoolCountsThatAreNotSchoolIds() {
        assertThatThrownBy(() -> NarrativeInput.of(SPRING, Map.of())
                .withSchoolCounts(Map.of("expected", 61)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'expected'");
        NarrativeInput in = new NarrativeInput(SPRING, Map.of(), Map.of(),
                Map.of("schools.received.幼儿园", 24), Optional.empty());
        NarrativeTemplate t = NarrativeTemplate.parse("## 标题。\n其中幼儿园{schools.received.幼儿园|所}。",
                "t.txt", Set.of("schools.received.幼儿园"));
        assertThat(body(t, in)).isEqualTo("其中幼儿园24所。");
    }
}
