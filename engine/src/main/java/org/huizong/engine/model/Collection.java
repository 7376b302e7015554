package org.huizong.engine.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A standard collection: what a bureau asks every school for, once a period. Immutable; built by
 * {@code org.huizong.engine.spec.CollectionSpecs} from YAML.
 *
 * @param id stable id ({@code edu-halfyear})
 * @param title Chinese title (教育工作半年报表)
 * @param version bumped whenever the structure changes; returns must match it
 * @param schoolTypes every school type, in the order reports list them
 * @param groups named groups of school types (学前, 义务, ...), usable in applies-to and rules
 * @param sheets the form sheets in tab order
 * @param rules the rules beyond the built-in checks (required, type, range, list, applicability)
 * @param indicators figures derived from totals
 * @param structureHash a hash of everything a reader relies on: sheet titles, field ids, types
 *     and order, table shape. A template whose {@code _meta} carries another hash was made from
 *     another structure. Computed once here, since every read and every fold compares it; pass
 *     {@code null} (or use the shorter constructor) to have it computed
 * @param furniture the table's 表号 block and signatures, printed on the templates and the book
 *     (not part of the structure: a template printed with other furniture reads the same)
 */
public record Collection(String id, String title, int version, List<String> schoolTypes,
        Map<String, List<String>> groups, List<Sheet> sheets, List<Rule> rules,
        List<Indicator> indicators, String structureHash, Period.Kind periodKind,
        Furniture furniture) {

    /** A collection without a declared 表号 block. */
    public Collection(String id, String title, int version, List<String> schoolTypes,
            Map<String, List<String>> groups, List<Sheet> sheets, List<Rule> rules,
            List<Indicator> indicators, String structureHash, Period.Kind periodKind) {
        this(id, title, version, schoolTypes, groups, sheets, rules, indicators, structureHash,
                periodKind, Furniture.NONE);
    }

    /** A half-year collection. */
    public Collection(String id, String title, int version, List<String> schoolTypes,
            Map<String, List<String>> groups, List<Sheet> sheets, List<Rule> rules,
            List<Indicator> indicators) {
        this(id, title, version, schoolTypes, groups, sheets, rules, indicators, null);
    }

    /** A half-year collection whose structure hash is checked. */
    public Collection(String id, String title, int version, List<String> schoolTypes,
            Map<String, List<String>> groups, List<Sheet> sheets, List<Rule> rules,
            List<Indicator> indicators, String structureHash) {
        this(id, title, version, schoolTypes, groups, sheets, rules, indicators, structureHash,
                Period.Kind.HALF_YEAR);
    }

    public Collection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(periodKind, "period kind of collection " + id);
        Objects.requireNonNull(furniture, "furniture of collection " + id);
        Objects.requireNonNull(title, "title of collection " + id);
        schoolTypes = List.copyOf(schoolTypes);
        Map<String, List<String>> g = new LinkedHashMap<>();
        groups.forEach((k, v) -> g.put(k, List.copyOf(v)));
        groups = java.util.Collections.unmodifiableMap(g);
        sheets = List.copyOf(sheets);
        rules = List.copyOf(rules);
        indicators = List.copyOf(indicators);
        Map<String, Object> seen = new LinkedHashMap<>();
        for (Field f : allFields(sheets)) {
            if (seen.put(f.id(), f) != null) {
                throw new IllegalArgumentException("collection " + id + ": duplicate field id "
                        + f.id());
            }
        }
        for (Rule r : rules) {
            if (seen.put(r.id(), r) != null) {
                throw new IllegalArgumentException("collection " + id + ": duplicate id " + r.id());
            }
        }
        String computed = hash(id, version, sheets);
        if (structureHash != null && !structureHash.equals(computed)) {
            throw new IllegalArgumentException("collection " + id + ": structure hash "
                    + structureHash + " does not match its structure (" + computed + ")");
        }
        structureHash = computed;
    }

    /** The same collection collected by periods of {@code kind} (月报, 季报, ...). */
    public Collection withPeriodKind(Period.Kind kind) {
        return new Collection(id, title, version, schoolTypes, groups, sheets, rules, indicators,
                structureHash, kind, furniture);
    }

    /** The same collection with this 表号 block and these signatures. */
    public Collection withFurniture(Furniture f) {
        return new Collection(id, title, version, schoolTypes, groups, sheets, rules, indicators,
                structureHash, periodKind, f);
    }

    /**
     * Checks that {@code p} is a period this collection is collected by.
     *
     * @throws IllegalArgumentException in Chinese, naming both kinds, when it is not
     */
    public Period checkPeriod(Period p) {
        if (p.kind() != periodKind) {
            throw new IllegalArgumentException(title + "是" + periodKind.label() + "，报告期应写作如 "
                    + periodKind.example() + "，不能用 " + p + "（" + p.kind().label() + "）");
        }
        return p;
    }

    private static List<Field> allFields(List<Sheet> sheets) {
        List<Field> out = new ArrayList<>();
        for (Sheet s : sheets) {
            out.addAll(s.fields());
            s.table().ifPresent(t -> out.addAll(t.columns()));
        }
        return out;
    }

    /** Every form field in sheet order, table columns excluded. */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        for (Sheet s : sheets) {
            out.addAll(s.fields());
        }
        return out;
    }

    /**
     * The money totals that are plain sums of other money fields (资助金额合计 = 学前… + … + 其他):
     * total field id to its parts in the formula's order, in field order. Shown rounded, these
     * parts are balanced to add up to their total (舍位平衡, {@link BalancedRounding}).
     */
    public Map<String, List<String>> moneySums() {
        java.util.Set<String> money = new java.util.HashSet<>();
        for (Field f : fields()) {
            if (f.type() == FieldType.MONEY) {
                money.add(f.id());
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Field f : fields()) {
            if (!money.contains(f.id()) || f.formula().isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String term : f.formula().get().split("\\+", -1)) {
                String id = term.strip();
                if (!money.contains(id) || id.equals(f.id()) || parts.contains(id)) {
                    parts.clear();
                    break;
                }
                parts.add(id);
            }
            if (parts.size() > 1) {
                out.put(f.id(), List.copyOf(parts));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The money indicators that split a table column's sum by a list column (项目计划总投资 =
     * {@code sum(projects.budget)}, its parts {@code sumif(projects.budget, projects.category,
     * "新建")} and so on, one for every value of the list): total indicator id to its parts in
     * the list's order, in indicator order. Shown rounded, these are balanced like {@link
     * #moneySums} when the exact parts add up to the total (no row leaves the list column blank).
     */
    public Map<String, List<String>> moneyIndicatorSums() {
        java.util.regex.Pattern sum = java.util.regex.Pattern.compile(
                "\\s*sum\\(\\s*([\\w.]+)\\s*\\)\\s*");
        java.util.regex.Pattern sumif = java.util.regex.Pattern.compile(
                "\\s*sumif\\(\\s*([\\w.]+)\\s*,\\s*([\\w.]+)\\s*,\\s*\"([^\"]*)\"\\s*\\)\\s*");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Indicator total : indicators) {
            java.util.regex.Matcher t = sum.matcher(total.expression());
            if (!"万元".equals(total.unit()) || !t.matches()) {
                continue;
            }
            // list column id to value to the part's indicator id
            Map<String, Map<String, String>> byList = new LinkedHashMap<>();
            for (Indicator part : indicators) {
                java.util.regex.Matcher m = sumif.matcher(part.expression());
                if (m.matches() && m.group(1).equals(t.group(1))
                        && part.population().equals(total.population())) {
                    byList.computeIfAbsent(m.group(2), k -> new LinkedHashMap<>())
                            .putIfAbsent(m.group(3), part.id());
                }
            }
            byList.forEach((column, parts) -> allFields().stream()
                    .filter(f -> f.id().equals(column) && f.type() == FieldType.ENUM
                            && f.values().size() > 1 && parts.keySet().equals(
                                    new java.util.HashSet<>(f.values())))
                    .findFirst().ifPresent(f -> out.putIfAbsent(total.id(),
                            f.values().stream().map(parts::get).toList())));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every field including table columns. */
    public List<Field> allFields() {
        return allFields(sheets);
    }

    public Optional<Field> findField(String fieldId) {
        return allFields().stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    public Field getField(String fieldId) {
        return findField(fieldId).orElseThrow(() -> new IllegalArgumentException(
                "collection " + id + " has no field " + fieldId));
    }

    public Sheet sheetOf(Field field) {
        for (Sheet s : sheets) {
            if (s.fields().contains(field)
                    || s.table().map(t -> t.columns().contains(field)).orElse(false)) {
                return s;
            }
        }
        throw new IllegalArgumentException("field " + field.id() + " is on no sheet of " + id);
    }

    public List<Table> tables() {
        return sheets.stream().flatMap(s -> s.table().stream()).toList();
    }

    public Optional<Rule> findRule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    private static String hash(String id, int version, List<Sheet> sheets) {
        StringBuilder sb = new StringBuilder().append(id).append('/').append(version);
        for (Sheet s : sheets) {
            sb.append('|').append(s.id()).append(':').append(s.title());
            for (Field f : s.fields()) {
                sb.append(',').append(f.id()).append(':').append(f.type().specName());
            }
            s.table().ifPresent(t -> {
                sb.append(";table ").append(t.id()).append('x').append(t.rows());
                t.columns().forEach(c -> sb.append(',').append(c.id()));
            });
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
