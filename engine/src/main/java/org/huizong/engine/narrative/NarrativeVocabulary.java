package org.huizong.engine.narrative;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Indicator;

/**
 * What a narrative template may refer to, and what is known about it: the figure ids, their
 * collection units (so {@code {aid.preschool.amount|人}} is caught when the template is loaded) and
 * the decimals of percentage indicators (专科达线率 98.75% has 2).
 *
 * <p>{@code schools.expected}, {@code schools.received} and {@code schools.comparable} are always
 * known; the per-type counts
 * {@code schools.expected.<type>} and {@code schools.received.<type>} are known when listed, as
 * {@link #of(Collection)} does for every school type.
 *
 * @param ids every id a figure may name: form fields, indicators, school counts
 * @param units the collection's unit per id where known ({@code 人}, {@code 万元}, {@code %}...);
 *     an id without an entry accepts any unit
 * @param decimals decimals shown per percentage indicator; others show 1
 */
public record NarrativeVocabulary(Set<String> ids, Map<String, String> units,
        Map<String, Integer> decimals) {
    static final String EXPECTED = "schools.expected";
    static final String RECEIVED = "schools.received";
    /**
     * Schools counted in both periods, present only when 同比 is over those alone (可比口径): a
     * clause naming it says so, and disappears when both periods counted the same schools.
     */
    static final String COMPARABLE = "schools.comparable";

    public NarrativeVocabulary {
        Set<String> all = new LinkedHashSet<>(Objects.requireNonNull(ids, "ids"));
        all.add(EXPECTED);
        all.add(RECEIVED);
        all.add(COMPARABLE);
        ids = Collections.unmodifiableSet(all);
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        decimals = Collections.unmodifiableMap(new LinkedHashMap<>(decimals));
        for (String id : units.keySet()) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("unit given for " + id + ", which is not an id");
            }
        }
    }

    /** Ids only: any unit is accepted and percentages show 1 decimal. */
    public static NarrativeVocabulary of(Set<String> ids) {
        return new NarrativeVocabulary(ids, Map.of(), Map.of());
    }

    /**
     * Everything a collection offers a narrative: its numeric form fields (not the table columns,
     * which are summed by indicators), its indicators with their units and decimals, and the
     * school counts per school type.
     */
    public static NarrativeVocabulary of(Collection collection) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, Integer> decimals = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            if (f.type().isNumeric()) {
                ids.add(f.id());
                units.put(f.id(), f.unit());
            }
        }
        for (Indicator i : collection.indicators()) {
            ids.add(i.id());
            units.put(i.id(), i.unit());
            if (i.isPercent()) {
                decimals.put(i.id(), i.decimals());
            }
        }
        for (String type : collection.schoolTypes()) {
            ids.add(EXPECTED + "." + type);
            ids.add(RECEIVED + "." + type);
            units.put(EXPECTED + "." + type, "所");
            units.put(RECEIVED + "." + type, "所");
        }
        units.put(EXPECTED, "所");
        units.put(RECEIVED, "所");
        ids.add(EXPECTED);
        ids.add(RECEIVED);
        ids.add(COMPARABLE);
        units.put(COMPARABLE, "所");
        return new NarrativeVocabulary(ids, units, decimals);
    }

    /** Decimals a percentage of this id shows: the indicator's own, else 1. */
    int percentDecimals(String id) {
        return decimals.getOrDefault(id, 1);
    }
}
