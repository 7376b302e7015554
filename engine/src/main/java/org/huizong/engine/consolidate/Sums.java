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
    private final Map<String, Entry> counted;
    private final List<Field> numeric;

    /**
     * @param counted school code to the return that counts, in roster order
     */
    Sums(Collection collection, Roster roster, Indicators indicators, Map<String, Entry> counted) {
        this.collection = collection;
        this.roster = roster;
        this.indicators = indicators;
        this.counted = counted;
        this.numeric = collection.fields().stream().filter(f -> f.type().isNumeric()).toList();
    }

    GroupTotals county() {
        return group("全县", roster.schools()).build();
    }

    Map<String, GroupTotals> byType() {
        List<String> order = new ArrayList<>(collection.schoolTypes());
        return breakdown(School::type, order);
    }

    Map<String, GroupTotals> byTownship() {
        return breakdown(School::township, new ArrayList<>());
    }

    Map<String, GroupTotals> byOwnership() {
        return breakdown(School::ownership, new ArrayList<>());
    }

    /**
     * Groups roster schools by a key. Keys in {@code order} come first in that order (those
     * without a roster school are dropped); other keys follow in order of first appearance.
     */
    private Map<String, GroupTotals> breakdown(Function<School, String> key, List<String> order) {
        Map<String, List<School>> members = new LinkedHashMap<>();
        for (String k : order) {
            members.put(k, new ArrayList<>());
        }
        for (School s : roster.schools()) {
            members.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        }
        Map<String, GroupTotals> out = new LinkedHashMap<>();
        members.forEach((k, schools) -> {
            if (!schools.isEmpty()) {
                out.put(k, group(k, schools).build());
            }
        });
        return out;
    }

    private Accumulator group(String name, List<School> schools) {
        Accumulator a = new Accumulator(name, schools.size());
        for (School s : schools) {
            Entry e = counted.get(s.code());
            if (e != null) {
                a.add(e);
            }
        }
        return a;
    }

    Map<String, List<SchoolTableRow>> tableRows() {
        Map<String, List<SchoolTableRow>> out = new LinkedHashMap<>();
        for (Table t : collection.tables()) {
            List<SchoolTableRow> rows = new ArrayList<>();
            for (School s : roster.schools()) {
                Entry e = counted.get(s.code());
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

    Map<String, TableTotals> tableTotals() {
        Map<String, TableTotals> out = new LinkedHashMap<>();
        Map<String, List<SchoolTableRow>> all = tableRows();
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

    /** Running sums of one group; rows collected for table-based indicators. */
    private final class Accumulator {
        private final String name;
        private final int expected;
        private final BigDecimal[] sums;
        private final int[] nonZero;
        private final Map<String, List<TableRow>> rows = new LinkedHashMap<>();
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

        void add(Entry e) {
            count++;
            for (int i = 0; i < sums.length; i++) {
                Value v = e.values().get(numeric.get(i).id());
                if (v != null) {
                    BigDecimal n = Finisher.number(v);
                    sums[i] = sums[i].add(n);
                    nonZero[i] += n.signum() != 0 ? 1 : 0;
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
            return new GroupTotals(name, expected, count, s, nz, indicators.compute(s, rows));
        }
    }
}
