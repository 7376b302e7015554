package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.rules.Expr;
import org.huizong.engine.rules.RuleFunction;
import org.huizong.engine.rules.RuleParser;

/**
 * Consolidation-scope rules ({@code outlier.aid_per_student}: {@code not outlier(x)}): a school's
 * {@code x} is an outlier when it lies outside Tukey's far-out fences among counted schools of
 * the same type: below Q1 − 3·IQR or above Q3 + 3·IQR, quartiles interpolated linearly between
 * order statistics (Excel's QUARTILE.INC). Schools whose {@code x} is blank (division by 0) take
 * no part. A type with fewer than {@value #MIN_SCHOOLS} such schools, or whose IQR is 0, is not
 * judged: too few or too uniform figures make every difference look extreme.
 */
final class Outliers {
    static final int MIN_SCHOOLS = 5;
    static final BigDecimal FENCE = BigDecimal.valueOf(3);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(=?)([^}]*)}");

    private final Collection collection;
    private final Roster roster;
    private final Indicators indicators;

    Outliers(Collection collection, Roster roster, Indicators indicators) {
        this.collection = collection;
        this.roster = roster;
        this.indicators = indicators;
    }

    /** @param counted school code to counted return, in roster order */
    List<SchoolFindings> find(Map<String, Entry> counted) {
        Map<String, List<Finding>> bySchool = new LinkedHashMap<>();
        for (Rule rule : collection.rules()) {
            Expr check = RuleParser.parse(rule.expression());
            for (Expr node : check.nodes()) {
                if (node instanceof Expr.Call c && c.function() == RuleFunction.OUTLIER) {
                    judge(rule, c.args().get(0), counted, bySchool);
                }
            }
        }
        List<SchoolFindings> out = new ArrayList<>();
        for (School s : roster.schools()) {
            List<Finding> f = bySchool.get(s.code());
            if (f != null) {
                out.add(new SchoolFindings(s.code(), s.name(), counted.get(s.code()).file(), f));
            }
        }
        return out;
    }

    private void judge(Rule rule, Expr x, Map<String, Entry> counted,
            Map<String, List<Finding>> bySchool) {
        Map<String, Map<String, BigDecimal>> byType = new LinkedHashMap<>();
        for (School s : roster.schools()) {
            Entry e = counted.get(s.code());
            if (e != null) {
                indicators.evaluate(x, e.values(), e.tables()).ifPresent(v -> byType
                        .computeIfAbsent(s.type(), k -> new LinkedHashMap<>()).put(s.code(), v));
            }
        }
        byType.forEach((type, figures) -> {
            if (figures.size() < MIN_SCHOOLS) {
                return;
            }
            List<BigDecimal> sorted = figures.values().stream().sorted().toList();
            BigDecimal q1 = quartile(sorted, 1);
            BigDecimal q3 = quartile(sorted, 3);
            BigDecimal iqr = q3.subtract(q1);
            if (iqr.signum() == 0) {
                return;
            }
            BigDecimal lo = q1.subtract(FENCE.multiply(iqr));
            BigDecimal hi = q3.add(FENCE.multiply(iqr));
            figures.forEach((code, v) -> {
                if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
                    Entry e = counted.get(code);
                    bySchool.computeIfAbsent(code, k -> new ArrayList<>())
                            .add(finding(rule, x, e, type, figures.size(), lo, hi));
                }
            });
        });
    }

    private Finding finding(Rule rule, Expr x, Entry e, String type, int n, BigDecimal lo,
            BigDecimal hi) {
        String message = render(rule.message(), e) + "（同类学校：" + type + n + "所，正常范围 "
                + show(lo.max(BigDecimal.ZERO)) + "—" + show(hi) + "）";
        Finding f = new Finding(rule.id(), rule.severity(), message,
                List.copyOf(x.fieldRefs()), List.of(), Optional.empty());
        String explanation = e.explanations().getOrDefault(rule.id(), "").trim();
        return explanation.isEmpty() ? f : f.withExplanation(explanation);
    }

    /** Fills {@code {field.id}} with the school's value and {@code {=expr}} with a number. */
    private String render(String message, Entry e) {
        Matcher m = PLACEHOLDER.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String shown;
            if (m.group(1).isEmpty()) {
                Value v = e.values().get(m.group(2));
                shown = v == null ? "空" : v.display();
            } else {
                shown = indicators.evaluate(RuleParser.parse(m.group(2)), e.values(), e.tables())
                        .map(Outliers::show).orElse("空");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(shown));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String show(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * Linear interpolation between order statistics (R type 7, Excel QUARTILE.INC).
     *
     * @param sorted ascending, not empty
     * @param q 1 for the first quartile, 3 for the third
     */
    static BigDecimal quartile(List<BigDecimal> sorted, int q) {
        BigDecimal h = BigDecimal.valueOf(sorted.size() - 1L).multiply(BigDecimal.valueOf(q))
                .divide(BigDecimal.valueOf(4));
        int lower = h.intValue();
        BigDecimal frac = h.subtract(BigDecimal.valueOf(lower));
        BigDecimal a = sorted.get(lower);
        if (frac.signum() == 0) {
            return a;
        }
        return a.add(sorted.get(lower + 1).subtract(a).multiply(frac));
    }
}
