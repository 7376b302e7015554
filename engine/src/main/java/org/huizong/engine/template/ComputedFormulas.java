package org.huizong.engine.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.rules.ExcelFormulaCompiler;
import org.huizong.engine.rules.Validator;

/**
 * The Excel formula of every computed field, as its own cell sees it. A plain sum of fields
 * becomes {@code SUM(D4:D11)}, which a clerk who clicks a total can follow; anything else is
 * compiled by the rules package's {@link ExcelFormulaCompiler}, which mirrors the evaluator's
 * semantics exactly (and is correspondingly long).
 */
final class ComputedFormulas {
    private final Collection collection;
    private final TemplateLayout layout;
    private final Map<String, SumFormula> sums = new LinkedHashMap<>();
    private final Optional<ExcelFormulaCompiler> compiler;
    private final Optional<Validator> validator;

    /**
     * @throws IllegalArgumentException when a formula names a field the collection lacks, or
     *     cannot be compiled into a formula (it uses prev() or outlier())
     */
    ComputedFormulas(Collection collection, TemplateLayout layout) {
        this.collection = collection;
        this.layout = layout;
        boolean general = false;
        for (Field f : collection.fields()) {
            if (f.isComputed()) {
                Optional<SumFormula> s = SumFormula.of(f.formula().orElseThrow());
                s.ifPresent(x -> {
                    x.terms().forEach(t -> layout.cell(collection.getField(t.fieldId())));
                    sums.put(f.id(), x);
                });
                general |= s.isEmpty();
            }
        }
        this.validator = general ? Optional.of(Validator.of(collection)) : Optional.empty();
        this.compiler = validator.map(ExcelFormulaCompiler::of);
        for (Field f : collection.fields()) {
            if (f.isComputed() && !sums.containsKey(f.id())) {
                formula(f);
            }
        }
    }

    /** The formula (without {@code =}) for {@code field}'s cell. */
    String formula(Field field) {
        String sheet = layout.cell(field).sheet();
        SumFormula sum = sums.get(field.id());
        if (sum != null) {
            return sum.toExcel(id -> reference(sheet, id));
        }
        return compiler.orElseThrow().value(validator.orElseThrow().formula(field.id()),
                new ExcelFormulaCompiler.Resolver() {
                    @Override
                    public String cell(String fieldId) {
                        return reference(sheet, fieldId);
                    }

                    @Override
                    public String range(String columnId) {
                        return "T_" + columnId.replace('.', '_');
                    }
                });
    }

    /** A part as the formula's cell sees it: {@code D4} on the same sheet, else quoted. */
    private String reference(String fromSheet, String fieldId) {
        CellRef part = layout.cell(collection.getField(fieldId));
        return part.sheet().equals(fromSheet) ? part.a1()
                : FormSheetWriter.quote(part.sheet()) + "!" + part.a1();
    }
}
