package org.huizong.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.huizong.engine.rules.Expr.Binary;
import org.huizong.engine.rules.Expr.BinaryOp;
import org.huizong.engine.rules.Expr.Call;
import org.huizong.engine.rules.Expr.FieldRef;
import org.huizong.engine.rules.Expr.Num;
import org.huizong.engine.rules.Expr.Str;
import org.huizong.engine.rules.Expr.Unary;
import org.huizong.engine.rules.Expr.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    @Test
    void comparisonOfTwoFieldsKeepsPositions() {
        assertThat(RuleParser.parse("info.teachers <= info.staff")).isEqualTo(
                new Binary(BinaryOp.LE, new FieldRef("info.teachers", 0),
                        new FieldRef("info.staff", 17), 14));
    }

    @Test
    void callsNumbersStringsAndUnaryKeepPositions() {
        assertThat(RuleParser.parse("not countif(projects.category, \"新建\") > -1.50"))
                .isEqualTo(new Unary(UnaryOp.NOT, new Binary(BinaryOp.GT,
                        new Call(RuleFunction.COUNTIF, List.of(
                                new FieldRef("projects.category", 12),
                                new Str("新建", 31)), 4),
                        new Unary(UnaryOp.NEG, new Num(new BigDecimal("1.50"), 40), 39), 37), 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a + b * c | (a + (b * c))",
        "a * b + c | ((a * b) + c)",
        "a - b - c | ((a - b) - c)",
        "a / b / c | ((a / b) / c)",
        "-a * b | (-a * b)",
        "-(a * b) | -(a * b)",
        "- - a | --a",
        "(a + b) * c | ((a + b) * c)",
        "a = 1 or b = 2 and c = 3 | ((a = 1) or ((b = 2) and (c = 3)))",
        "(a = 1 or b = 2) and c = 3 | (((a = 1) or (b = 2)) and (c = 3))",
        "not a = 1 and b = 2 | (not (a = 1) and (b = 2))",
        "not not true | not not true",
        "NOT a = 1 AND b = 2 Or FALSE | ((not (a = 1) and (b = 2)) or false)",
        "a != b | (a <> b)",
        "a <> b | (a <> b)",
        "a >= b + 1 | (a >= (b + 1))",
        "(x.a = 0) = (x.b = 0) | ((x.a = 0) = (x.b = 0))",
        "x = \"否\" | (x = \"否\")",
        "\"a\\\"b\\\\c\" = x | (\"a\\\"b\\\\c\" = x)",
        "SUM(a, b) + Max(c) | (sum(a, b) + max(c))",
        "if(a > 0, b, c) * 2 | (if((a > 0), b, c) * 2)",
        "if(a > 0, true, b = 1) | if((a > 0), true, (b = 1))",
        "type_is(\"义务\", \"幼儿园\") | type_is(\"义务\", \"幼儿园\")",
        "approx(a, b, 0.001) | approx(a, b, 0.001)",
        "sumif(p.budget, p.category, \"新建\") | sumif(p.budget, p.category, \"新建\")",
        "prev(info.students) = 0 | (prev(info.students) = 0)",
        "not outlier(a / b) | not outlier((a / b))",
        "round(a / 3, 2) | round((a / 3), 2)",
        "blank(p.budget) or present(p.name) | (blank(p.budget) or present(p.name))",
        "0.10 + 007 | (0.10 + 7)",
    })
    void precedenceAndAssociativityAsCanonicalSource(String source, String canonical) {
        Expr e = RuleParser.parse(source);
        assertThat(e.toSource()).isEqualTo(canonical);
        assertThat(RuleParser.parse(e.toSource()).toSource()).isEqualTo(canonical);
    }

    @Test
    void whitespaceIncludingIdeographicSpaceSeparatesTokens() {
        assertThat(RuleParser.parse("\t a\u3000+\u3000b\n").toSource()).isEqualTo("(a + b)");
    }

    @Test
    void fieldRefsInOrderOfFirstAppearance() {
        Expr e = RuleParser.parse("b.y + a.x * b.y > max(c.z, a.x) or blank(d.w)");
        assertThat(e.fieldRefs()).containsExactly("b.y", "a.x", "c.z", "d.w");
    }

    @Test
    void prevAndOutlierAreDetected() {
        assertThat(RuleParser.parse("prev(a) = 0 or a > 1").usesPrev()).isTrue();
        assertThat(RuleParser.parse("prev(a) = 0 or a > 1").usesOutlier()).isFalse();
        assertThat(RuleParser.parse("not outlier(a)").usesOutlier()).isTrue();
        assertThat(RuleParser.parse("a > 1").usesPrev()).isFalse();
    }

    @Test
    void conditionsAndValuesAreTold() {
        assertThat(RuleParser.parse("a < b").isCondition()).isTrue();
        assertThat(RuleParser.parse("blank(a)").isCondition()).isTrue();
        assertThat(RuleParser.parse("if(a < b, c, d)").isCondition()).isFalse();
        assertThat(RuleParser.parse("if(a < b, c = 1, d = 2)").isCondition()).isTrue();
        assertThat(RuleParser.parse("a / b").isCondition()).isFalse();
        assertThat(RuleParser.parse("count(p.name)").isCondition()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``|1|：表达式为空",
        "`   `|1|：表达式为空",
        "a <=|5|：应为数字、字符串、字段或函数调用，实际是 表达式结尾",
        "a < b < c|7|：比较运算不能连写（如 a < b < c），请用 and 连接两个比较",
        "a b|3|：应为运算符或表达式结尾，实际是 'b'",
        "(a + b|7|：应为 ')'，实际是 表达式结尾",
        "a + b)|6|：应为运算符或表达式结尾，实际是 ')'",
        "sum(a b)|7|：应为 ',' 或 ')'，实际是 'b'",
        "sum(a,)|7|：应为数字、字符串、字段或函数调用，实际是 ')'",
        "avg(a, b)|1|：未知函数 'avg'（可用的函数：sum, max, min, abs, round, if, blank, present,"
                + " type_is, approx, count, countif, sumif, prev, outlier）",
        "round(a)|1|：函数 round 需要 2 个参数，实际 1 个",
        "a + abs()|5|：函数 abs 需要 1 个参数，实际 0 个",
        "approx(a)|1|：函数 approx 需要 2 到 3 个参数，实际 1 个",
        "sum()|1|：函数 sum 需要至少 1 个参数，实际 0 个",
        "blank(a + b)|7|：函数 blank 的第 1 个参数应为字段，实际是 (a + b)",
        "prev(3)|6|：函数 prev 的第 1 个参数应为字段，实际是 3",
        "countif(\"x\", a)|9|：函数 countif 的第 1 个参数应为字段，实际是 \"x\"",
        "sumif(a, 1, \"x\")|10|：函数 sumif 的第 2 个参数应为字段，实际是 1",
        "type_is(义务)|9|：文字 '义务' 应放在英文双引号中，如 \"义务\"",
        "type_is(info.type)|9|：函数 type_is 的第 1 个参数应为带引号的学校类型或分组名，"
                + "如 type_is(\"义务\")，实际是 info.type",
        "a and b|1|：and 的左边应为条件（比较、true/false 或 blank() 等），实际是数值 a",
        "a = 1 or 2|10|：or 的右边应为条件（比较、true/false 或 blank() 等），实际是数值 2",
        "not a|5|：not 后面应为条件（比较、true/false 或 blank() 等），实际是数值 a",
        "a + (b < c)|6|：+ 的右边应为数值，实际是条件 (b < c)",
        "-(a = b)|3|：负号后面应为数值，实际是条件 (a = b)",
        "true < 1|1|：< 的左边应为数值，实际是条件 true",
        "(a = 1) = b|2|：= 两边应同为数值（或文字）或同为条件，实际左边是条件，右边是数值",
        "sum(a, b > 1)|8|：函数 sum 的第 2 个参数应为数值，实际是条件 (b > 1)",
        "if(a, b, c)|4|：函数 if 的第 1 个参数应为条件（比较、true/false 或 blank() 等），实际是数值 a",
        "if(a > 1, b, c = 1)|14|：函数 if 的第 2、3 个参数应同为数值或同为条件，实际第 2 个是数值，第 3 个是条件",
        "Info.Students > 0|1|：字段名 'Info.Students' 应为小写英文单词用点连接，如 info.students",
        "info. > 0|1|：字段名 'info.' 格式不对，点的两边都应是小写英文单词",
        "a..b > 0|1|：字段名 'a..b' 格式不对，点的两边都应是小写英文单词",
        "a > 1.2.3|5|：数字 '1.2.3' 格式不对，应如 12、0.05",
        "a > 12万|7|：文字 '万' 应放在英文双引号中，如 \"万\"",
        "a > 3x|5|：数字 '3x' 格式不对，应如 12、0.05",
        "a > .5|5|：数字 '.5' 格式不对，应如 12、0.05",
        "a = \"否|5|：字符串缺少结尾的双引号 \"",
        "a = “否”|5|：中文引号 '“'，字符串请用英文双引号 \"",
        "sum（a）|4|：全角字符 '（'，请改用半角 '('",
        "sum(a，b)|6|：全角字符 '，'，请改用半角 ','",
        "a == b|3|：相等比较请写一个 '='，不要写 '=='",
        "a = 1 && b = 2|7|：不认识的运算符 '&&'，请用 and",
        "`a = 1 || b = 2`|7|`：不认识的运算符 '||'，请用 or`",
        "a = 1 & b = 2|7|：不认识的运算符 '&'，请用 and",
        "!(a = 1)|1|：单独的 '!' 不是运算符，取反请用 not，不等请用 <> 或 !=",
        "a % 2|3|：不认识的字符 '%'",
        "a = and|5|：应为数字、字符串、字段或函数调用，实际是 'and'",
    })
    void everyErrorNamesPositionAndExpectation(String source, int position, String problem) {
        assertThatThrownBy(() -> RuleParser.parse(source))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessage("规则表达式 \"" + source + "\" 第 " + position + " 个字符处" + problem)
                .satisfies(e -> assertThat(((RuleSyntaxException) e).position())
                        .isEqualTo(position));
    }
}
