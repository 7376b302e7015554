package org.huizong.engine.consolidate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;

/**
 * Consolidation-scope rules ({@code outlier.aid_per_student}: {@code not outlier(x)}) over the
 * counted returns, by {@link Validator#validateAcross}: a school's {@code x} is an outlier when it
 * lies outside Tukey's far-out fences (Q1 − 3·spread, Q3 + 3·spread, the spread being the IQR
 * but at least a tenth of the median) among counted schools of its type; types with fewer than
 * five such schools are not judged. The school's 说明 for the rule, if any, is kept on the
 * finding. Returns left out of the totals take no part.
 */
final class OutlierChecks {
    private final Roster roster;
    private final Validator validator;

    OutlierChecks(Roster roster, Validator validator) {
        this.roster = roster;
        this.validator = validator;
    }

    /** @param counted school code to counted return, in roster order */
    List<SchoolFindings> find(Map<String, FoldedReturn> counted) {
        List<Return> returns = new ArrayList<>();
        for (FoldedReturn e : counted.values()) {
            returns.add(new Return(e.file(), e.meta(), e.values(), Map.of(), e.tables(),
                    e.explanations(), List.of()));
        }
        List<Validation> found = validator.validateAcross(returns);
        Map<String, School> byCode = new HashMap<>();
        roster.schools().forEach(s -> byCode.put(s.code(), s));
        List<SchoolFindings> out = new ArrayList<>();
        for (Validation v : found) {
            if (!v.findings().isEmpty()) {
                School s = byCode.get(v.schoolCode());
                out.add(new SchoolFindings(s.code(), s.name(), v.file(), v.findings()));
            }
        }
        return out;
    }
}
