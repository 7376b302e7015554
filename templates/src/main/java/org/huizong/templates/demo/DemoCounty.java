package org.huizong.templates.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.template.ReturnData;
import org.huizong.templates.StandardCollections;

/**
 * Generates the demo county's returns. The figures a real bureau summary states (the county
 * totals file of the period) are split exactly over the schools they apply to; every other field
 * gets a plausible value from a profile of the school (students, classes, staff) drawn from a
 * seeded random source, so the same seed always gives the same returns. Every error rule holds;
 * two schools carry an explained warning, as real returns do.
 */
public final class DemoCounty {
    /** The period the totals file {@code totals-2024H1.csv} describes. */
    public static final Period PERIOD = Period.parse("2024H1");
    public static final long SEED = 20240701L;
    /** The demo bureau's unit code and name, as a consolidated book names them. */
    public static final String UNIT_CODE = "313400";
    public static final String UNIT_NAME = "示范县";
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final List<String> AID = List.of("preschool", "compulsory", "hs_grant",
            "hs_tuition", "voc_grant", "voc_local", "voc_tuition");

    /**
     * One school's filled return.
     *
     * @param values by field id
     * @param projects rows of the project table, by column key
     * @param explanations 说明 by rule id
     */
    public record SchoolData(School school, Map<String, Value> values,
            List<Map<String, Value>> projects, Map<String, String> explanations) {

        /** As the template writer takes it. */
        public ReturnData toReturnData() {
            return new ReturnData(values, Map.of("projects", projects), explanations);
        }
    }

    private final Roster roster;
    private final Map<String, BigDecimal> targets;
    private final Random random;
    private final Map<String, Map<String, Value>> values = new LinkedHashMap<>();
    private final List<String> compulsoryTypes =
            StandardCollections.eduHalfyear().groups().get("义务");

    private final double size;

    /**
     * @param size scales each school's students, so that two periods of one school stay within
     *     a few percent of each other (as real schools do) while their other figures vary
     */
    private DemoCounty(Roster roster, Map<String, BigDecimal> targets, long seed, double size) {
        this.roster = roster;
        this.targets = targets;
        this.random = new Random(seed);
        this.size = size;
    }

    /** The embedded 61-school roster. */
    public static Roster roster() {
        return DemoFiles.roster();
    }

    /** The county totals the returns of {@code period} sum to (2024H1, or 2023H1 in part). */
    public static Map<String, BigDecimal> totals(Period period) {
        return DemoFiles.totals(period);
    }

    /** The demo returns of 2024H1, summing exactly to {@code totals-2024H1.csv}. */
    public static List<SchoolData> returns() {
        return generate(roster(), totals(PERIOD), SEED, 1.0);
    }

    /**
     * The previous period's returns: 2024H1's distributed figures scaled by 0.96, overridden by
     * what {@code totals-2023H1.csv} states (参加中考人数 3558, 高考报名人数 3113).
     */
    public static List<SchoolData> previousReturns() {
        Map<String, BigDecimal> t = new LinkedHashMap<>();
        totals(PERIOD).forEach((k, v) -> {
            BigDecimal scaled = v.multiply(new BigDecimal("0.96"));
            t.put(k, v.scale() > 0 || k.endsWith(".amount")
                    ? scaled.setScale(2, java.math.RoundingMode.HALF_UP)
                    : scaled.setScale(0, java.math.RoundingMode.HALF_UP));
        });
        t.putAll(totals(PERIOD.yearBefore()));
        return generate(roster(), t, SEED - 1, 0.97);
    }

    static List<SchoolData> generate(Roster roster, Map<String, BigDecimal> targets, long seed,
            double size) {
        return new DemoCounty(roster, targets, seed, size).build();
    }

    private List<SchoolData> build() {
        for (School s : roster.schools()) {
            values.put(s.code(), new LinkedHashMap<>());
            identity(s);
            profile(s);
        }
        distributeCounts();
        distributeAid();
        otherFields();
        List<SchoolData> out = new ArrayList<>();
        for (School s : roster.schools()) {
            Map<String, String> explanations = new LinkedHashMap<>();
            plantExplainedWarnings(s, explanations);
            out.add(new SchoolData(s, values.get(s.code()), projects(s), explanations));
        }
        return out;
    }

    private void identity(School s) {
        Map<String, Value> v = values.get(s.code());
        v.put("info.code", Value.of(s.code()));
        v.put("info.name", Value.of(s.name()));
        v.put("info.type", Value.of(s.type()));
        v.put("info.township", Value.of(s.township()));
        v.put("info.ownership", Value.of(s.ownership()));
        String[] surnames = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
        String[] given = {"建国", "海燕", "志强", "丽华", "明", "静", "伟", "芳", "国庆", "晓红"};
        v.put("info.head", Value.of(surnames[random.nextInt(10)] + given[random.nextInt(10)]));
        v.put("info.filler", Value.of(surnames[random.nextInt(10)] + given[random.nextInt(10)]));
        v.put("info.phone", Value.of("139" + String.format("%08d", 10_000_000
                + Long.parseLong(s.code().substring(4)) * 7919 % 90_000_000)));
    }

    /** Students, classes, staff and teachers by type: the weights every split uses. */
    private void profile(School s) {
        int[] range = switch (s.type()) {
            case "幼儿园" -> s.ownership().equals("公办") ? new int[] {300, 450} : new int[] {150, 330};
            case "小学" -> new int[] {600, 1700};
            case "初中", "九年一贯制学校" -> new int[] {700, 1500};
            case "普通高中", "完全中学" -> new int[] {1800, 3000};
            case "中等职业学校" -> new int[] {1800, 2400};
            default -> new int[] {60, 100};
        };
        Random stable = new Random(Long.parseLong(s.code()) * 31 + SEED);
        int students = (int) Math.round((range[0] + stable.nextInt(range[1] - range[0])) * size);
        int perClass = switch (s.type()) {
            case "幼儿园" -> 28;
            case "特殊教育学校" -> 10;
            default -> 45;
        };
        int perStaff = switch (s.type()) {
            case "幼儿园" -> 8;
            case "特殊教育学校" -> 3;
            case "小学" -> 14;
            default -> 12;
        };
        int staff = Math.max(5, students / perStaff);
        Map<String, Value> v = values.get(s.code());
        put(v, "info.students", students);
        put(v, "info.classes", (students + perClass - 1) / perClass);
        put(v, "info.staff", staff);
        put(v, "info.teachers", staff * 88 / 100);
        put(v, "info.boarders",
                s.type().equals("幼儿园") ? 0 : students * stable.nextInt(30) / 100);
        put(v, "info.leftbehind", students * (5 + stable.nextInt(15)) / 100);
    }

    private void distributeCounts() {
        splitOver("afterschool.kindergarten", is("幼儿园"), "info.students");
        splitOver("afterschool.students", compulsory(), "info.students");
        splitOver("afterschool.teachers", compulsory(), "info.teachers");
        for (School s : schools(compulsory())) {
            values.get(s.code()).put("afterschool.provided", Value.of("是"));
        }
        splitOver("enrol.zhongkao", is("初中", "九年一贯制学校", "完全中学"), "info.students");
        splitOver("enrol.grade8", is("初中", "九年一贯制学校", "完全中学"), "info.students");
        splitOver("enrol.special", is("特殊教育学校"), "info.students");
        Predicate<School> high = is("普通高中", "完全中学");
        splitOver("enrol.gaokao.sat", high, "info.students");
        splitOver("enrol.gaokao.early", high, "info.students");
        List<School> highs = schools(high);
        long spare = target("enrol.gaokao.registered") - target("enrol.gaokao.sat")
                - target("enrol.gaokao.early");
        long[] extra = Splitter.split(spare, weights(highs, "info.students"));
        for (int i = 0; i < highs.size(); i++) {
            Map<String, Value> v = values.get(highs.get(i).code());
            long sat = count(v, "enrol.gaokao.sat");
            put(v, "enrol.gaokao.registered", sat + count(v, "enrol.gaokao.early") + extra[i]);
            put(v, "enrol.gaokao.undergrad", sat * (40 + random.nextInt(15)) / 100);
        }
        splitSmartClass();
    }

    /** 7,324 lessons over exactly 54 schools: the seven smallest private kindergartens have 0. */
    private void splitSmartClass() {
        List<School> privateKg = new ArrayList<>(schools(is("幼儿园")
                .and(s -> s.ownership().equals("民办"))));
        privateKg.sort(java.util.Comparator.comparingLong((School s) ->
                count(values.get(s.code()), "info.students")).thenComparing(School::code));
        List<School> none = privateKg.subList(0, Math.min(7, privateKg.size()));
        for (School s : none) {
            put(values.get(s.code()), "research.smartclass", 0);
        }
        splitOver("research.smartclass", s -> !none.contains(s), "info.classes");
    }

    private void distributeAid() {
        Map<String, Predicate<School>> where = Map.of(
                "preschool", is("幼儿园"), "compulsory", compulsory(),
                "hs_grant", is("普通高中", "完全中学"), "hs_tuition", is("普通高中", "完全中学"),
                "voc_grant", is("中等职业学校"), "voc_local", is("中等职业学校"),
                "voc_tuition", is("中等职业学校"));
        for (String p : AID) {
            String persons = "aid." + p + ".persons";
            String amount = "aid." + p + ".amount";
            List<School> at = schools(where.get(p));
            long[] heads = Splitter.split(target(persons), weights(at, "info.students"));
            long[] yuan = Splitter.split(targets.get(amount).multiply(TEN_THOUSAND)
                    .longValueExact(), Splitter.toWeights(heads));
            for (int i = 0; i < at.size(); i++) {
                Map<String, Value> v = values.get(at.get(i).code());
                put(v, persons, heads[i]);
                v.put(amount, Value.of(BigDecimal.valueOf(yuan[i], 4).stripTrailingZeros()));
            }
        }
        for (School s : roster.schools()) {
            Map<String, Value> v = values.get(s.code());
            put(v, "aid.other.persons", 0);
            put(v, "aid.other.amount", 0);
            long largest = AID.stream().mapToLong(p -> count(v, "aid." + p + ".persons"))
                    .max().orElse(0);
            put(v, "aid.unique", largest);
            put(v, "aid.mentors", largest == 0 ? 0 : Math.max(1, largest / 5));
        }
    }

    private void otherFields() {
        for (School s : roster.schools()) {
            Map<String, Value> v = values.get(s.code());
            long students = count(v, "info.students");
            long teachers = count(v, "info.teachers");
            put(v, "enrol.new", students / (s.type().equals("幼儿园") ? 3 : 6));
            put(v, "enrol.graduates", students * (14 + random.nextInt(5)) / 100);
            if (compulsory().test(s)) {
                long dropouts = random.nextInt(4) == 0 ? 1 : 0;
                put(v, "enrol.dropouts", dropouts);
                put(v, "enrol.returned", dropouts);
            }
            if (s.type().equals("中等职业学校")) {
                put(v, "enrol.vocexam.sat", 524);
                put(v, "enrol.vocexam.passed", 517);
            }
            put(v, "staff.recruited", random.nextInt(4));
            put(v, "staff.certified", random.nextInt(3));
            put(v, "staff.promoted", teachers / 20);
            put(v, "staff.training.national", random.nextInt(3));
            put(v, "staff.training.provincial", 1 + random.nextInt(5));
            put(v, "staff.training.municipal", 2 + random.nextInt(8));
            put(v, "staff.training.county", teachers / 2 + random.nextInt(10));
            put(v, "staff.principal_training", 1 + random.nextInt(2));
            put(v, "staff.ethics_cases", 0);
            research(v, teachers);
            safety(v, students);
            put(v, "funding.public", 0);
            v.put("funding.public", money(students * (s.type().equals("幼儿园") ? 3 : 4)
                    / 100.0));
            v.put("funding.textbooks", money(s.type().equals("幼儿园") ? 0 : students * 0.01));
            v.put("funding.nutrition", money(compulsory().test(s) ? students * 0.04 : 0));
            v.put("funding.repair", money(random.nextInt(4) == 0 ? 5 + random.nextInt(40) : 0));
        }
    }

    private void research(Map<String, Value> v, long teachers) {
        long submitted = teachers / 8 + random.nextInt(3);
        put(v, "research.activities", 2 + random.nextInt(6));
        put(v, "research.papers.submitted", submitted);
        put(v, "research.papers.awarded", submitted / 2);
        put(v, "research.papers.published", random.nextInt(3));
        put(v, "research.projects.new", random.nextInt(2));
        put(v, "research.projects.ongoing", random.nextInt(3));
        put(v, "research.awards.provincial", random.nextInt(3));
        put(v, "research.awards.municipal", random.nextInt(6));
        put(v, "research.honors.students", random.nextInt(3));
        put(v, "research.honors.classes", random.nextInt(2));
    }

    private void safety(Map<String, Value> v, long students) {
        long found = random.nextInt(5);
        long fixed = found == 0 ? 0 : found - random.nextInt((int) found);
        put(v, "safety.hazards.found", found);
        put(v, "safety.hazards.fixed", fixed);
        put(v, "safety.hazards.reported", found - fixed);
        long drills = 2 + random.nextInt(3);
        put(v, "safety.drills.count", drills);
        put(v, "safety.drills.participants", drills * students);
        put(v, "safety.training", 2 + random.nextInt(4));
        put(v, "safety.food_checks", 3 + random.nextInt(6));
        put(v, "safety.cameras", random.nextInt(5));
        put(v, "safety.incidents", 0);
    }

    /** About one school in three builds something; figures in 万元 and 平方米. */
    private List<Map<String, Value>> projects(School s) {
        List<Map<String, Value>> rows = new ArrayList<>();
        Random r = new Random(Long.parseLong(s.code()) ^ random.nextLong());
        if (r.nextInt(3) != 0) {
            return rows;
        }
        String[][] kinds = {{"改扩建", "教学楼改扩建工程"}, {"维修改造", "校舍维修改造"},
            {"运动场地", "塑胶运动场建设"}, {"设备购置", "智慧教室设备购置"}, {"新建", "综合楼新建工程"}};
        String[] sources = {"上级专项", "专项债", "县级财政", "特别国债"};
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            String[] k = kinds[r.nextInt(kinds.length)];
            long budget = 20 + r.nextInt(800);
            Map<String, Value> row = new LinkedHashMap<>();
            row.put("name", Value.of(s.name().replace("县", "") + k[1]));
            row.put("category", Value.of(k[0]));
            if (!k[0].equals("设备购置")) {
                row.put("area", Value.of(200 + r.nextInt(6000)));
            }
            row.put("budget", Value.of(budget));
            row.put("invested", Value.of(budget * (20 + r.nextInt(80)) / 100));
            row.put("source", Value.of(sources[r.nextInt(sources.length)]));
            row.put("status", Value.of(r.nextBoolean() ? "在建" : "已完工"));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Two warnings a real county would see, each explained: a primary school whose after-school
     * service uses outside staff, and a junior school with a hazard awaiting summer works.
     */
    private void plantExplainedWarnings(School s, Map<String, String> explanations) {
        Map<String, Value> v = values.get(s.code());
        if (s.code().equals("3134000025")) {
            put(v, "info.teachers", count(v, "afterschool.teachers") - 3);
            explanations.put("afterschool.teachers_le_teachers",
                    "含外聘退休教师及校外辅导员3名参与课后服务");
        } else if (s.code().equals("3134000047")) {
            put(v, "safety.hazards.found", 5);
            put(v, "safety.hazards.fixed", 3);
            put(v, "safety.hazards.reported", 1);
            explanations.put("safety.hazards_unhandled", "1项为校门口道路改造，已列入暑期施工计划");
        }
    }

    private void splitOver(String field, Predicate<School> where, String weightField) {
        List<School> at = schools(where);
        long[] parts = Splitter.split(target(field), weights(at, weightField));
        for (int i = 0; i < at.size(); i++) {
            put(values.get(at.get(i).code()), field, parts[i]);
        }
    }

    private double[] weights(List<School> at, String field) {
        return at.stream().mapToDouble(s -> count(values.get(s.code()), field)).toArray();
    }

    private long target(String field) {
        BigDecimal t = targets.get(field);
        if (t == null) {
            throw new IllegalStateException("demo totals lack " + field);
        }
        return t.longValueExact();
    }

    private List<School> schools(Predicate<School> where) {
        return roster.schools().stream().filter(where).toList();
    }

    private static Predicate<School> is(String... types) {
        List<String> t = List.of(types);
        return s -> t.contains(s.type());
    }

    private Predicate<School> compulsory() {
        return s -> compulsoryTypes.contains(s.type());
    }

    private static void put(Map<String, Value> v, String field, long n) {
        v.put(field, Value.of(n));
    }

    private static long count(Map<String, Value> v, String field) {
        Value x = v.get(field);
        return x instanceof Value.Num n ? n.value().longValueExact() : 0;
    }

    private static Value money(double wan) {
        return Value.of(BigDecimal.valueOf(wan).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros());
    }
}
