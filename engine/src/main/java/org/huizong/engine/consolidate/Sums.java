package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Table;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;

/** Sums the counted returns into the county, its breakdowns and the table totals. */
final class Sums {
    private final Collection collection;
    private final Roster roster;
    private final Indicators indicators;
    private final Map<String, FoldedReturn> counted;
    private final List<Field> numeric;

    /**
     * @param counted school code to the return that counts, in roster order
     */
    Sums(Collection collection, Roster roster, Indicators indicators,
            Map<String, FoldedReturn> counted) {
        this.collection = collection;
        this.roster = roster;
        this.indicators = indicators;
        this.counted = counted;
        this.numeric = numeric(collection);
    }

    /**
     * The collection's numeric fields, in its order: the order of {@link FoldedReturn#numbers()}.
     */
    static List<Field> numeric(Collection collection) {
        return collection.fields().stream().filter(f -> f.type().isNumeric()).toList();
    }

    /** The county and its breakdowns. */
    record Groups(GroupTotals county, Map<String, GroupTotals> byType,
            Map<String, GroupTotals> byTownship, Map<String, GroupTotals> byOwnership) {
    }

    /**
     * Sums every group: the county, then by school type (in the collection's order), township
     * and ownership (in roster order). Groups are independent, so they are summed in parallel;
     * each is summed in roster order, so the result does not depend on the threads.
     */
    Groups groups() {
        List<Group> all = new ArrayList<>();
        all.add(new Group(0, "全县", roster.schools()));
        members(School::type, collection.schoolTypes()).forEach((k, v) ->
                all.add(new Group(1, k, v)));
        members(School::township, List.of()).forEach((k, v) -> all.add(new Group(2, k, v)));
        members(School::ownership, List.of()).forEach((k, v) -> all.add(new Group(3, k, v)));
        List<GroupTotals> totals = all.parallelStream().map(this::sum).toList();
        List<Map<String, GroupTotals>> kinds = List.of(new LinkedHashMap<>(),
                new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        for (int i = 0; i < all.size(); i++) {
            kinds.get(all.get(i).kind()).put(all.get(i).name(), totals.get(i));
        }
        return new Groups(kinds.get(0).get("全县"), kinds.get(1), kinds.get(2), kinds.get(3));
    }

    /**
     * A group to sum: its kind (0 county, 1 type, 2 township, 3 ownership, -1 another set) and
     * schools.
     */
    private record Group(int kind, String name, List<School> schools) {
    }

    /**
     * Roster schools by a key. Keys in {@code order} come first in that order (those without a
     * roster school are dropped); other keys follow in order of first appearance.
     */
    private Map<String, List<School>> members(Function<School, String> key,
            List<String> order) {
        Map<String, List<School>> members = new LinkedHashMap<>();
        for (String k : order) {
            members.put(k, new ArrayList<>());
        }
        for (School s : roster.schools()) {
            members.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        }
        members.values().removeIf(List::isEmpty);
        return members;
    }

    /** The totals of {@code schools}' counted returns, under {@code name}. */
    GroupTotals total(String name, List<School> schools) {
        return sum(new Group(-1, name, schools));
    }

    private GroupTotals sum(Group g) {
        Accumulator a = new Accumulator(g.name(), g.schools().size());
        for (School s : g.schools()) {
            FoldedReturn e = counted.get(s.code());
            if (e != null) {
                a.add(e, s.type());
            }
        }
        return a.build();
    }

    Map<String, List<SchoolTableRow>> tableRows() {
        Map<String, List<SchoolTableRow>> out = new LinkedHashMap<>();
        for (Table t : collection.tables()) {
            List<SchoolTableRow> rows = new ArrayList<>();
            for (School s : roster.schools()) {
                FoldedReturn e = counted.get(s.code());
                if (e != null) {
                    for (TableRow r : e.tables().getOrDefault(t.id(), List.of())) {
                        rows.add(new SchoolTableRow(s.code(), s.name(), r.index(), r.values()));
                    }
                }
            }
            out.put(t.id(), rows);
        }
        return out;
    }

    /** @param all {@link #tableRows()} */
    Map<String, TableTotals> tableTotals(Map<String, List<SchoolTableRow>> all) {
        Map<String, TableTotals> out = new LinkedHashMap<>();
        for (Table t : collection.tables()) {
            List<SchoolTableRow> rows = all.get(t.id());
            Map<String, Map<String, TableTotals.Category>> byColumn = new LinkedHashMap<>();
            for (Field c : t.columns()) {
                if (c.type() == FieldType.ENUM) {
                    Map<String, TableTotals.Category> cats = new LinkedHashMap<>();
                    for (String v : c.values()) {
                        cats.put(v, category(t, rows.stream().filter(r -> r.values()
                                .getOrDefault(Table.key(c), new Value.Text("")).display()
                                .equals(v)).toList()));
                    }
                    byColumn.put(Table.key(c), cats);
                }
            }
            out.put(t.id(), new TableTotals(t.id(), category(t, rows), byColumn));
        }
        return out;
    }

    private static TableTotals.Category category(Table t, List<SchoolTableRow> rows) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (Field c : t.columns()) {
            if (c.type().isNumeric()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (SchoolTableRow r : rows) {
                    Value v = r.values().get(Table.key(c));
                    sum = v == null ? sum : sum.add(Finisher.number(v));
                }
                sums.put(Table.key(c), sum);
            }
        }
        return new TableTotals.Category(rows.size(), sums);
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] out = new BigDecimal[n];
        java.util.Arrays.fill(out, BigDecimal.ZERO);
        return out;
    }

    /** Running sums of one group; rows collected for table-based indicators. */
    private final class Accumulator {
        private final String name;
        private final int expected;
        private final BigDecimal[] sums;
        private final int[] nonZero;
        private final Map<String, List<TableRow>> rows = new LinkedHashMap<>();
        /** School type to its schools' sums, when an indicator is over a population. */
        private final Map<String, BigDecimal[]> byType = new LinkedHashMap<>();
        private int count;

        Accumulator(String name, int expected) {
            this.name = name;
            this.expected = expected;
            this.sums = new BigDecimal[numeric.size()];
            java.util.Arrays.fill(sums, BigDecimal.ZERO);
            this.nonZero = new int[numeric.size()];
            for (Table t : collection.tables()) {
                rows.put(t.id(), new ArrayList<>());
            }
        }

        void add(FoldedReturn e, String type) {
            count++;
            List<BigDecimal> numbers = e.numbers();
            BigDecimal[] ofType = null;
            if (indicators.needsTypes()) {
                ofType = byType.computeIfAbsent(type, t -> zeros(numeric.size()));
            }
            for (int i = 0; i < sums.length; i++) {
                BigDecimal n = numbers.get(i);
                if (n != null) {
                    sums[i] = sums[i].add(n);
                    nonZero[i] += n.signum() != 0 ? 1 : 0;
                    if (ofType != null) {
                        ofType[i] = ofType[i].add(n);
                    }
                }
            }
            e.tables().forEach((id, list) -> {
                List<TableRow> into = rows.get(id);
                if (into != null) {
                    for (TableRow r : list) {
                        into.add(new TableRow(into.size() + 1, r.values(), Map.of()));
                    }
                }
            });
        }

        GroupTotals build() {
            Map<String, BigDecimal> s = new LinkedHashMap<>();
            Map<String, Integer> nz = new LinkedHashMap<>();
            for (int i = 0; i < sums.length; i++) {
                s.put(numeric.get(i).id(), sums[i]);
                nz.put(numeric.get(i).id(), nonZero[i]);
            }
            Map<String, Map<String, BigDecimal>> types = new LinkedHashMap<>();
            byType.forEach((type, values) -> {
                Map<String, BigDecimal> m = new LinkedHashMap<>();
                for (int i = 0; i < values.length; i++) {
                    m.put(numeric.get(i).id(), values[i]);
                }
                types.put(type, m);
            });
            return new GroupTotals(name, expected, count, s, nz,
                    indicators.compute(s, rows, types));
        }
    }
}
