package org.huizong.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.huizong.engine.rules.Expr;
import org.huizong.engine.rules.RuleFunction;
import org.huizong.engine.rules.RuleParser;

/**
 * A computed field's formula when it is a signed sum of fields ({@code a + b - c}, or
 * {@code sum(a, b)}), the shape every total of the standard collections has. The template gets
 * it as {@code SUM(D4:D11)}, which a clerk who clicks the total understands; any other formula
 * goes through the rules package's {@code ExcelFormulaCompiler}.
 *
 * @param terms the parts, left to right
 */
public record SumFormula(List<Term> terms) {

    /** One part: a field, added or subtracted. */
    public record Term(boolean negative, String fieldId) {
    }

    public SumFormula {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a sum needs at least one part");
        }
    }

    /** The formula as a sum of fields, or empty when it is anything else. */
    public static Optional<SumFormula> of(String expression) {
        List<Term> out = new ArrayList<>();
        return collect(RuleParser.parse(expression), false, out)
                ? Optional.of(new SumFormula(out)) : Optional.empty();
    }

    private static boolean collect(Expr e, boolean negative, List<Term> out) {
        if (e instanceof Expr.FieldRef f) {
            out.add(new Term(negative, f.id()));
            return true;
        }
        if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
            return collect(u.operand(), !negative, out);
        }
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.ADD
                || b.op() == Expr.BinaryOp.SUB)) {
            return collect(b.left(), negative, out)
                    && collect(b.right(), negative ^ b.op() == Expr.BinaryOp.SUB, out);
        }
        if (e instanceof Expr.Call c && c.function() == RuleFunction.SUM) {
            for (Expr a : c.args()) {
                if (!collect(a, negative, out)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The Excel formula (without {@code =}).
     *
     * @param ref the A1 reference of a part as seen from the formula's cell ({@code D4} on the
     *     same sheet, {@code '学生资助'!D4} from another)
     */
    String toExcel(Function<String, String> ref) {
        boolean allPositive = terms.stream().noneMatch(Term::negative);
        if (allPositive) {
            List<String> refs = terms.stream().map(t -> ref.apply(t.fieldId())).toList();
            Optional<String> range = contiguousColumn(refs);
            return "SUM(" + range.orElse(String.join(",", refs)) + ")";
        }
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            if (t.negative()) {
                sb.append('-');
            } else if (sb.length() > 0) {
                sb.append('+');
            }
            sb.append(ref.apply(t.fieldId()));
        }
        return sb.toString();
    }

    /** {@code D4:D11} when the references are D4, D5 ... D11 on the same sheet. */
    private static Optional<String> contiguousColumn(List<String> refs) {
        if (refs.size() < 2) {
            return Optional.empty();
        }
        String first = refs.get(0);
        int split = first.length();
        while (split > 0 && Character.isDigit(first.charAt(split - 1))) {
            split--;
        }
        String prefix = first.substring(0, split);
        if (split == first.length() || prefix.contains("!")) {
            return Optional.empty();
        }
        int row = Integer.parseInt(first.substring(split));
        for (int i = 1; i < refs.size(); i++) {
            if (!refs.get(i).equals(prefix + (row + i))) {
                return Optional.empty();
            }
        }
        return Optional.of(first + ":" + refs.get(refs.size() - 1));
    }
}
