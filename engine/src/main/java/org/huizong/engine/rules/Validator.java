package org.huizong.engine.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Indicator;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Rule;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.TableRow;

/**
 * Validates returns of one collection. {@link #of} parses and checks every rule, computed-field
 * formula and indicator once, so a spec mistake fails at load with the rule id and where it was
 * written, never halfway through a county's returns. Thread-safe: validate returns in parallel.
 */
public final class Validator {
    /** A 说明 shorter than this many characters (after trimming) does not explain a warning. */
    public static final int MIN_EXPLANATION = 6;

    private final Schema schema;
    private final List<CheckedRule> rules;
    private final Map<String, Expr> indicators;
    private final BuiltInChecks builtIns;

    private Validator(Schema schema, List<CheckedRule> rules, Map<String, Expr> indicators) {
        this.schema = schema;
        this.rules = List.copyOf(rules);
        this.indicators = Collections.unmodifiableMap(indicators);
        this.builtIns = new BuiltInChecks(schema.collection());
    }

    /**
     * @throws InvalidRuleException for the first rule, formula or indicator that cannot be
     *     checked, naming it, its source and the problem
     */
    public static Validator of(Collection collection) {
        Objects.requireNonNull(collection, "collection");
        Schema schema = new Schema(collection);
        for (Field f : collection.allFields()) {
            f.formula().ifPresent(src ->
                    RuleCheck.value(schema, "字段 " + f.id() + " 的 formula", src));
        }
        RuleCheck.acyclic(schema);
        List<CheckedRule> rules = new ArrayList<>();
        for (Rule r : collection.rules()) {
            rules.add(RuleCheck.rule(schema, r));
        }
        Map<String, Expr> indicators = new LinkedHashMap<>();
        for (Indicator i : collection.indicators()) {
            String what = "指标 " + i.id() + " 的 expression";
            indicators.put(i.id(), RuleCheck.value(schema, what, i.expression()));
        }
        return new Validator(schema, rules, indicators);
    }

    public Collection collection() {
        return schema.collection();
    }

    /** An evaluator over a return or a bureau's totals, sharing the parsed formulas. */
    public Evaluator evaluator(Evaluator.Source source) {
        return Evaluator.of(schema, source);
    }

    /** The parsed check of a spec rule. */
    public Expr check(String ruleId) {
        return checked(ruleId).check();
    }

    /** The parsed condition of a spec rule ({@code true} when the spec gave none). */
    public Expr when(String ruleId) {
        return checked(ruleId).when();
    }

    /** The parsed formula of a computed field. */
    public Expr formula(String fieldId) {
        return schema.formula(fieldId).orElseThrow(() -> new IllegalArgumentException(
                "field " + fieldId + " of " + collection().id() + " has no formula"));
    }

    /** The parsed expression of an indicator. */
    public Expr indicator(String indicatorId) {
        Expr e = indicators.get(indicatorId);
        if (e == null) {
            throw new IllegalArgumentException("collection " + collection().id()
                    + " has no indicator " + indicatorId);
        }
        return e;
    }

    /** The parsed message of a spec rule. */
    MessageTemplate messageOf(String ruleId) {
        return checked(ruleId).message();
    }

    private CheckedRule checked(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("collection "
                        + collection().id() + " has no rule " + ruleId));
    }

    /** Validates a return without a previous period: {@code PREVIOUS} rules are skipped. */
    public Validation validate(Return r) {
        return validate(r, Optional.empty());
    }

    /**
     * Every finding of a return, in order: what reading noticed, the built-in checks in sheet
     * and field order, then the spec's rules in spec order ({@code RETURN} scope, and
     * {@code PREVIOUS} scope when a previous return is given). {@code CONSOLIDATION} rules run
     * in {@link #validateAcross}.
     */
    public Validation validate(Return r, Optional<Return> previous) {
        List<Finding> out = new ArrayList<>(r.readFindings());
        Evaluator ev = evaluator(Evaluator.Source.of(r));
        if (previous.isPresent()) {
            ev = ev.withPrevious(Evaluator.Source.of(previous.get()));
        }
        builtIns.check(r, ev.schoolType(), out);
        for (CheckedRule cr : rules) {
            Rule.Scope scope = cr.rule().scope();
            if (scope == Rule.Scope.RETURN
                    || scope == Rule.Scope.PREVIOUS && previous.isPresent()) {
                apply(cr, r, ev, out);
            }
        }
        return Validation.of(r, out);
    }

    /**
     * The {@code CONSOLIDATION} rules over a set of returns, typically one county's: each
     * {@code outlier(x)} compares a school's x with the schools of the same type (see
     * {@code docs/rule-language.md}). One validation per return, in the given order, holding
     * only these findings.
     */
    public List<Validation> validateAcross(List<Return> returns) {
        List<List<Finding>> found = new ArrayList<>();
        returns.forEach(r -> found.add(new ArrayList<>()));
        List<Evaluator> evs = returns.stream()
                .map(r -> evaluator(Evaluator.Source.of(r))).toList();
        for (CheckedRule cr : rules) {
            if (cr.rule().scope() != Rule.Scope.CONSOLIDATION) {
                continue;
            }
            Map<Expr.Call, Map<String, TukeyFences>> fences = fences(cr, evs);
            for (int i = 0; i < returns.size(); i++) {
                String type = evs.get(i).schoolType().orElse("");
                Evaluator ev = evs.get(i).withOutliers((call, x) ->
                        fences.get(call).getOrDefault(type, TukeyFences.of(List.of()))
                                .isOutlier(x));
                apply(cr, returns.get(i), ev, found.get(i));
            }
        }
        List<Validation> out = new ArrayList<>();
        for (int i = 0; i < returns.size(); i++) {
            out.add(Validation.of(returns.get(i), found.get(i)));
        }
        return out;
    }

    /** For each outlier() call of a rule: the fences of each school type. */
    private static Map<Expr.Call, Map<String, TukeyFences>> fences(CheckedRule cr,
            List<Evaluator> evs) {
        Map<Expr.Call, Map<String, TukeyFences>> out = new IdentityHashMap<>();
        List<Expr> nodes = new ArrayList<>(cr.when().nodes());
        nodes.addAll(cr.check().nodes());
        for (Expr e : nodes) {
            if (e instanceof Expr.Call c && c.function() == RuleFunction.OUTLIER) {
                Map<String, List<BigDecimal>> byType = new LinkedHashMap<>();
                for (Evaluator ev : evs) {
                    Optional<String> type = ev.schoolType();
                    Optional<BigDecimal> x = ev.number(c.args().get(0));
                    if (type.isPresent() && x.isPresent()) {
                        byType.computeIfAbsent(type.get(), k -> new ArrayList<>()).add(x.get());
                    }
                }
                Map<String, TukeyFences> perType = new LinkedHashMap<>();
                byType.forEach((type, xs) -> perType.put(type, TukeyFences.of(xs)));
                out.put(c, perType);
            }
        }
        return out;
    }

    private void apply(CheckedRule cr, Return r, Evaluator ev, List<Finding> out) {
        if (cr.table().isEmpty()) {
            if (ev.test(cr.when()) && !ev.test(cr.check())) {
                out.add(finding(cr, r, ev, Optional.empty()));
            }
            return;
        }
        Table t = cr.table().get();
        for (TableRow row : r.rows(t.id())) {
            Evaluator rowEv = ev.withRow(t.id(), row);
            if (rowEv.test(cr.when()) && !rowEv.test(cr.check())) {
                out.add(finding(cr, r, rowEv, Optional.of(row)));
            }
        }
    }

    private Finding finding(CheckedRule cr, Return r, Evaluator ev, Optional<TableRow> row) {
        List<String> fields = new ArrayList<>();
        List<CellRef> cells = new ArrayList<>();
        for (String id : cr.check().fieldsToFix()) {
            Optional<CellRef> cell;
            if (schema.isColumn(id)) {
                if (row.isEmpty() || !id.startsWith(cr.table().orElseThrow().id() + ".")) {
                    continue;
                }
                cell = Optional.ofNullable(row.get().cells()
                        .get(id.substring(cr.table().get().id().length() + 1)));
            } else {
                cell = r.findCell(id);
            }
            fields.add(id);
            cell.ifPresent(cells::add);
        }
        String message = cr.message().render(ev);
        Finding f = new Finding(cr.id(), cr.rule().severity(), message, fields, cells,
                Optional.empty());
        return cr.rule().severity() == Severity.WARNING ? explain(f, r) : f;
    }

    /**
     * Attaches the school's 说明 for the rule when it is long enough. A 说明 that is too short
     * leaves the warning unexplained and the message says why, so the clerk knows what to fix.
     */
    private static Finding explain(Finding f, Return r) {
        String text = r.explanations().get(f.ruleId());
        if (text == null || text.isBlank()) {
            return f;
        }
        String t = text.strip();
        if (t.codePointCount(0, t.length()) >= MIN_EXPLANATION) {
            return f.withExplanation(t);
        }
        return new Finding(f.ruleId(), f.severity(), f.message() + "（所填说明“" + t + "”不足"
                + MIN_EXPLANATION + "个字，不能作为说明）", f.fieldIds(), f.cells(),
                Optional.empty());
    }
}
