package org.huizong.engine.consolidate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.huizong.engine.model.CellRef;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.FieldType;
import org.huizong.engine.model.Finding;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Return;
import org.huizong.engine.model.ReturnMeta;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Severity;
import org.huizong.engine.model.TableRow;
import org.huizong.engine.model.Value;
import org.huizong.engine.spec.CollectionSpecs;

/** Returns built by hand from seeded random numbers, for consolidation and report tests. */
public final class Fixtures {
    public static final Path EDU_SPEC = Path.of(
            "../templates/src/main/resources/org/huizong/templates/edu-halfyear.yaml");
    public static final Period PERIOD = Period.parse("2024H1");
    public static final Instant T0 = Instant.parse("2024-07-01T08:00:00Z");
    private static final String[] TOWNSHIPS = {"城关镇", "河口乡", "石桥镇", "青山乡"};

    private Fixtures() {
    }

    /** The standard half-year collection, loaded once per test JVM (it is immutable). */
    public static Collection edu() {
        return Edu.COLLECTION;
    }

    private static final class Edu {
        static final Collection COLLECTION = CollectionSpecs.load(EDU_SPEC);
    }

    /** School {@code i} (zero-based): code 3415000001 + i, types and townships cycling. */
    public static School school(int i) {
        List<String> types = edu().schoolTypes();
        return new School(String.valueOf(3415000001L + i), "第" + (i + 1) + "学校",
                types.get(i % types.size()), TOWNSHIPS[i % TOWNSHIPS.length],
                i % 5 == 4 ? "民办" : "公办");
    }

    public static Roster roster(int n) {
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            schools.add(school(i));
        }
        return new Roster(schools);
    }

    public static ReturnMeta meta(String code) {
        Collection c = edu();
        return new ReturnMeta(c.id(), c.version(), PERIOD, code, c.structureHash(),
                ReturnMeta.KIND_RETURN);
    }

    /**
     * A return with every applicable numeric field random, computed totals summed, and 0 to 3
     * project rows.
     */
    public static Return randomReturn(School s, Random random, String file) {
        Map<String, Value> values = identity(s);
        for (Field f : edu().fields()) {
            if (f.isInput() && f.type().isNumeric() && f.appliesTo(s.type())) {
                values.put(f.id(), new Value.Num(random(f.type(), random)));
            }
        }
        recompute(values);
        Map<String, List<TableRow>> tables = new LinkedHashMap<>();
        List<TableRow> rows = new ArrayList<>();
        Field category = edu().getField("projects.category");
        for (int r = 1; r <= random.nextInt(4); r++) {
            Map<String, Value> row = new LinkedHashMap<>();
            row.put("name", Value.of(s.name() + "项目" + r));
            row.put("category", Value.of(category.values().get(random.nextInt(
                    category.values().size()))));
            row.put("area", new Value.Num(random(FieldType.AREA, random)));
            row.put("budget", new Value.Num(random(FieldType.MONEY, random)));
            row.put("invested", new Value.Num(random(FieldType.MONEY, random)));
            row.put("status", Value.of("在建"));
            rows.add(new TableRow(r, row, Map.of()));
        }
        tables.put("projects", rows);
        return new Return(file, meta(s.code()), values, Map.of(), tables, Map.of(), List.of());
    }

    public static Map<String, Value> identity(School s) {
        Map<String, Value> values = new LinkedHashMap<>();
        values.put("info.code", Value.of(s.code()));
        values.put("info.name", Value.of(s.name()));
        values.put("info.type", Value.of(s.type()));
        values.put("info.township", Value.of(s.township()));
        values.put("info.ownership", Value.of(s.ownership()));
        return values;
    }

    /** A return with only the given numbers (and the school's identity). */
    public static Return returnWith(School s, String file, Map<String, ? extends Number> numbers) {
        Map<String, Value> values = identity(s);
        numbers.forEach((k, v) -> values.put(k, new Value.Num(new BigDecimal(v.toString()))));
        recompute(values);
        return new Return(file, meta(s.code()), values, Map.of(), Map.of(), Map.of(), List.of());
    }

    /** Sets aid.total.persons and aid.total.amount from the programs, as a reader would. */
    static void recompute(Map<String, Value> values) {
        for (String kind : List.of("persons", "amount")) {
            BigDecimal sum = BigDecimal.ZERO;
            boolean any = false;
            for (Field f : edu().fields()) {
                if (f.id().startsWith("aid.") && f.id().endsWith("." + kind) && !f.isComputed()) {
                    Value v = values.get(f.id());
                    if (v instanceof Value.Num n) {
                        sum = sum.add(n.value());
                        any = true;
                    }
                }
            }
            if (any) {
                values.put("aid.total." + kind, new Value.Num(sum));
            }
        }
    }

    static BigDecimal random(FieldType type, Random random) {
        return switch (type) {
            case COUNT -> BigDecimal.valueOf(random.nextInt(4) == 0 ? 0 : random.nextInt(2000));
            case MONEY -> BigDecimal.valueOf(random.nextInt(5_000_000), 4);
            default -> BigDecimal.valueOf(random.nextInt(1_000_000), 2);
        };
    }

    public static Finding error(String fieldId) {
        return new Finding("required", Severity.ERROR, "必填项未填写", List.of(fieldId),
                List.of(new CellRef("学校基本情况", "C7")), Optional.empty());
    }

    public static Finding warning(String ruleId) {
        return new Finding(ruleId, Severity.WARNING, "请核对或说明", List.of("info.students"),
                List.of(new CellRef("学校基本情况", "C10")), Optional.empty());
    }
}
