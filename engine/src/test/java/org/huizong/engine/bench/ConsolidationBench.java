package org.huizong.engine.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collector;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.consolidate.Partial;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Period;
import org.huizong.engine.model.Roster;
import org.huizong.engine.model.School;
import org.huizong.engine.model.Value;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.report.ReportWriter;
import org.huizong.engine.spec.CollectionSpecs;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;

/**
 * Consolidates N generated returns (default 5,000) two ways in one run and reports returns per
 * second, wall time and peak heap: huizong's path (fastexcel read + validate + fold, a parallel
 * stream) and a naive loop that opens each file with POI's full model ({@code XSSFWorkbook}) and
 * sums the cells its {@code F_} names point at. Not a unit test; see {@code docs/benchmarks.md}.
 *
 * <p>Arguments: {@code --returns N}, {@code --dir DIR} (generated returns are kept there and
 * reused), {@code --naive N} (how many files the naive loop reads, default all), {@code
 * --warmup N} (files both ways read before measuring, default 200: a one-off consolidation
 * runs cold, so the measured phase still pays for most of the JIT compilation), {@code
 * --rounds N} (huizong's phase measured N times: later rounds show a long-running server,
 * whose JIT has compiled the reading path; default 1), {@code --spec FILE}.
 */
public final class ConsolidationBench {
    private static final Period PERIOD = Period.parse("2024H1");
    private static final String[] TOWNSHIPS = {"城关镇", "河口乡", "石桥镇", "青山乡", "桃源镇", "柳湾乡",
        "东城镇", "西河镇", "南山镇", "北岭镇", "青溪镇", "石门乡"};

    private ConsolidationBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> opts = options(args);
        int n = Integer.parseInt(opts.getOrDefault("returns", "5000"));
        int naiveCount = Integer.parseInt(opts.getOrDefault("naive", String.valueOf(n)));
        int warmCount = Integer.parseInt(opts.getOrDefault("warmup", "200"));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "1"));
        Path dir = Path.of(opts.getOrDefault("dir", "/tmp/huizong-bench")).resolve("returns-" + n);
        Collection c = CollectionSpecs.load(spec(opts.get("spec")));
        Roster roster = roster(c, n);
        List<Path> files = generate(c, roster, dir);
        System.out.printf(Locale.ROOT, "%d returns in %s, %d cores, max heap %d MB%n",
                files.size(), dir, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        Intake intake = Intake.of(c);
        Consolidator consolidator = Consolidator.of(c, roster).withPeriod(PERIOD);
        List<Path> warm = files.subList(0, Math.min(warmCount, files.size()));
        Consolidation warmed = warm.parallelStream().map(f -> intake.submission(f, roster))
                .collect(consolidator.collector());
        naive(c, warm);
        System.out.println("warmed up on " + warmed.completeness().files() + " files");

        Measure fold = Measure.start("huizong: read + validate + fold (parallel)");
        Timed first = consolidate(files, intake, roster, consolidator);
        fold.stop(files.size());
        first.print();
        Consolidation result = first.result();
        System.out.println("  " + result.summary());
        // later rounds: a long-running server, whose JIT has compiled the reading path already
        Measure steady = fold;
        for (int round = 2; round <= rounds; round++) {
            Measure m = Measure.start("huizong: the same again, round " + round);
            Timed again = consolidate(files, intake, roster, consolidator);
            m.stop(files.size());
            again.print();
            steady = m.perSecond() > steady.perSecond() ? m : steady;
        }

        Measure book = Measure.start("huizong: write the consolidated workbook");
        Path out = dir.resolveSibling("county-" + n + ".xlsx");
        ReportWriter.of(c, Clock.systemDefaultZone()).write(result, List.of(), out);
        book.stop(1);

        List<Path> naiveFiles = files.subList(0, Math.min(naiveCount, files.size()));
        Measure naive = Measure.start("naive: POI XSSFWorkbook per file, F_ names (sequential)");
        Map<String, BigDecimal> naiveTotals = naive(c, naiveFiles);
        naive.stop(naiveFiles.size());
        if (naiveFiles.size() == files.size()) {
            check(result, naiveTotals);
        }

        double ratio = fold.perSecond() / naive.perSecond();
        System.out.printf(Locale.ROOT, "%nthroughput ratio %.1fx (target >= 10x); huizong wall "
                + "%.2f s for %d returns (target < 10 s)%n", ratio, fold.seconds(), files.size());
        if (rounds > 1) {
            System.out.printf(Locale.ROOT, "best later round: %.2f s, %.1fx the naive loop%n",
                    steady.seconds(), steady.perSecond() / naive.perSecond());
        }
        // wall figures depend on what else runs on the machine; CPU per return does not
        System.out.printf(Locale.ROOT, "CPU per return: huizong %.2f ms, naive %.2f ms (%.1fx);"
                + " on %d idle cores huizong would need about %.1f s%n", fold.cpuMillisEach(),
                naive.cpuMillisEach(), naive.cpuMillisEach() / fold.cpuMillisEach(),
                Runtime.getRuntime().availableProcessors(), fold.cpuMillisEach() * files.size()
                        / 1000 / Runtime.getRuntime().availableProcessors());
    }

    /** A consolidation and how long its finish took. */
    private record Timed(Consolidation result, long finishNanos) {
        void print() {
            System.out.printf(Locale.ROOT, "  of which the finish (sort, classify, sum): %.2f s%n",
                    finishNanos / 1e9);
        }
    }

    /** huizong's path, the collector's two halves apart to time the finish on its own. */
    private static Timed consolidate(List<Path> files, Intake intake, Roster roster,
            Consolidator consolidator) {
        Partial partial = files.parallelStream().map(f -> intake.submission(f, roster))
                .collect(Collector.of(
                consolidator::partial, Partial::add, Partial::combine));
        long start = System.nanoTime();
        Consolidation result = consolidator.finish(partial);
        return new Timed(result, System.nanoTime() - start);
    }

    /** Sums every numeric F_ cell with POI's full model, one workbook at a time. */
    static Map<String, BigDecimal> naive(Collection c, List<Path> files) throws IOException {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        List<Field> numeric = c.fields().stream()
                .filter(f -> f.type().isNumeric() && !f.isComputed()).toList();
        for (Path file : files) {
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                    XSSFWorkbook wb = new XSSFWorkbook(pkg)) {
                for (Field f : numeric) {
                    XSSFName name = wb.getName(f.definedName());
                    CellReference ref = new CellReference(name.getRefersToFormula());
                    Row row = wb.getSheet(ref.getSheetName()).getRow(ref.getRow());
                    Cell cell = row == null ? null : row.getCell(ref.getCol());
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        totals.merge(f.id(), BigDecimal.valueOf(cell.getNumericCellValue()),
                                BigDecimal::add);
                    }
                }
            } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return totals;
    }

    /** Both ways must agree where every file counts; otherwise the comparison is void. */
    private static void check(Consolidation result, Map<String, BigDecimal> naive) {
        if (result.completeness().counted() != result.completeness().files()) {
            System.out.println("  (totals not compared: "
                    + result.completeness().notCountedForErrors()
                    + " returns with errors are left out by huizong, summed by the naive loop)");
            return;
        }
        naive.forEach((id, v) -> {
            if (v.compareTo(result.totals().get(id)) != 0) {
                throw new IllegalStateException("totals differ for " + id + ": " + v + " vs "
                        + result.totals().get(id));
            }
        });
        System.out.println("  naive totals equal huizong's for every input field");
    }

    static Roster roster(Collection c, int n) {
        List<School> schools = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String type = c.schoolTypes().get(i % c.schoolTypes().size());
            schools.add(new School(String.valueOf(3400000001L + i), "第" + (i + 1) + "号" + type,
                    type, TOWNSHIPS[i % TOWNSHIPS.length], i % 7 == 6 ? "民办" : "公办"));
        }
        return new Roster(schools);
    }

    /**
     * Writes the returns once (in parallel); a later run with the same N reuses them, unless
     * today's template writes the first of them differently (the writer is deterministic), so
     * the benchmark always reads the returns schools would send today.
     */
    private static List<Path> generate(Collection c, Roster roster, Path dir) throws IOException {
        Path done = dir.resolve(".complete");
        TemplateWriter writer = TemplateWriter.of(c, PERIOD);
        School first = roster.schools().get(0);
        Path firstFile = dir.resolve(TemplateWriter.fileName(first));
        if (Files.exists(done) && !(Files.exists(firstFile) && Arrays.equals(
                Files.readAllBytes(firstFile),
                writer.toBytes(first, Generator.data(c, first, new Random(0)))))) {
            System.out.println("the returns in " + dir + " were written by another template;"
                    + " writing them again");
            Files.delete(done);
        }
        if (!Files.exists(done)) {
            Files.createDirectories(dir);
            long t0 = System.nanoTime();
            IntStream.range(0, roster.size()).parallel().forEach(i -> {
                School s = roster.schools().get(i);
                try {
                    Files.write(dir.resolve(TemplateWriter.fileName(s)),
                            writer.toBytes(s, Generator.data(c, s, new Random(i))));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Files.writeString(done, "");
            System.out.printf(Locale.ROOT, "generated %d returns in %.1f s%n", roster.size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
    }

    static Path spec(String given) {
        if (given != null) {
            return Path.of(given);
        }
        String rel = "templates/src/main/resources/org/huizong/templates/edu-halfyear.yaml";
        Path here = Path.of(rel);
        return Files.exists(here) ? here : Path.of("..", rel);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }

    /** Wall time, peak heap (sampled every 5 ms) and GC work of one phase. */
    private static final class Measure {
        private final String what;
        private final long start;
        private final long gcCount;
        private final long gcMillis;
        private final long cpuStart;
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;
        private long nanos;
        private long cpu;
        private int items;

        private Measure(String what) {
            this.what = what;
            System.gc();
            this.gcCount = gcCount();
            this.gcMillis = gcMillis();
            this.sampler = new Thread(() -> {
                while (running) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                            .getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            this.cpuStart = cpuNanos();
            this.start = System.nanoTime();
        }

        static Measure start(String what) {
            return new Measure(what);
        }

        void stop(int count) throws InterruptedException {
            nanos = System.nanoTime() - start;
            cpu = cpuNanos() - cpuStart;
            items = count;
            running = false;
            sampler.join();
            System.out.printf(Locale.ROOT, "%-58s %6d in %7.2f s = %8.1f /s, CPU %6.2f ms each,"
                    + " peak heap %4d MB, GC %d x %d ms%n", what, items, seconds(), perSecond(),
                    cpuMillisEach(), peak.get() >> 20, gcCount() - gcCount,
                    gcMillis() - gcMillis);
        }

        double seconds() {
            return nanos / 1e9;
        }

        double perSecond() {
            return items / seconds();
        }

        /** Process CPU time (all threads, GC and JIT included) per item: load-independent. */
        double cpuMillisEach() {
            return cpu / 1e6 / items;
        }

        private static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }

    /** Plausible values: most returns pass every error rule, so most are counted. */
    static final class Generator {
        private Generator() {
        }

        static ReturnData data(Collection c, School s, Random r) {
            Map<String, Value> v = new LinkedHashMap<>();
            int students = 80 + r.nextInt(2500);
            int staff = Math.max(8, students / 12);
            v.put("info.head", Value.of("张" + r.nextInt(100)));
            v.put("info.filler", Value.of("李" + r.nextInt(100)));
            v.put("info.phone", Value.of("1390555" + String.format(Locale.ROOT, "%04d",
                    r.nextInt(10_000))));
            put(v, "info.students", students);
            put(v, "info.classes", Math.max(1, students / 40));
            put(v, "info.staff", staff);
            put(v, "info.teachers", staff * 85 / 100);
            put(v, "info.boarders", r.nextInt(students / 3 + 1));
            put(v, "info.leftbehind", r.nextInt(students / 5 + 1));
            for (Field f : c.fields()) {
                if (f.isInput() && f.type().isNumeric() && f.appliesTo(s.type())
                        && !v.containsKey(f.id()) && !f.id().startsWith("aid.")
                        && !f.id().startsWith("enrol.gaokao") && !f.id().startsWith("safety.h")
                        && !f.id().startsWith("research.papers")
                        && !f.id().startsWith("enrol.vocexam")
                        && !f.id().startsWith("afterschool.")
                        && !f.id().startsWith("enrol.returned")) {
                    put(v, f.id(), f.type() == org.huizong.engine.model.FieldType.MONEY
                            ? BigDecimal.valueOf(r.nextInt(500_000), 4)
                            : BigDecimal.valueOf(r.nextInt(60)));
                }
            }
            relations(c, s, r, v, students, staff * 85 / 100);
            ReturnData data = new ReturnData(v, Map.of(), Map.of());
            for (int i = 0; i < r.nextInt(3); i++) {
                int budget = 10 + r.nextInt(500);
                data = data.withRow("projects", Map.of("name", Value.of(s.name() + "项目" + i),
                        "category", Value.of(List.of("新建", "改扩建", "维修改造").get(r.nextInt(3))),
                        "budget", Value.of(BigDecimal.valueOf(budget)),
                        "invested", Value.of(BigDecimal.valueOf(r.nextInt(budget))),
                        "status", Value.of("在建")));
            }
            return data;
        }

        private static void relations(Collection c, School s, Random r, Map<String, Value> v,
                int students, int teachers) {
            int largest = 0;
            int total = 0;
            for (Field f : c.fields()) {
                if (f.id().startsWith("aid.") && f.id().endsWith(".persons") && f.isInput()
                        && f.appliesTo(s.type()) && r.nextBoolean()) {
                    int persons = 1 + r.nextInt(Math.max(1, students / 10));
                    put(v, f.id(), persons);
                    String amount = f.id().replace(".persons", ".amount");
                    put(v, amount, BigDecimal.valueOf(persons * (500L + r.nextInt(400)), 4));
                    largest = Math.max(largest, persons);
                    total += persons;
                }
            }
            if (total > 0) {
                put(v, "aid.unique", Math.min(students, largest + r.nextInt(total - largest + 1)));
            }
            if (s.type().equals("普通高中") || s.type().equals("完全中学")) {
                int registered = 100 + r.nextInt(500);
                int early = r.nextInt(registered / 10);
                int sat = registered - early - r.nextInt(10);
                put(v, "enrol.gaokao.registered", registered);
                put(v, "enrol.gaokao.early", early);
                put(v, "enrol.gaokao.sat", sat);
                put(v, "enrol.gaokao.undergrad", sat * (30 + r.nextInt(60)) / 100);
            }
            if (s.type().equals("中等职业学校")) {
                int sat = 50 + r.nextInt(300);
                put(v, "enrol.vocexam.sat", sat);
                put(v, "enrol.vocexam.passed", sat * (80 + r.nextInt(20)) / 100);
            }
            if (c.getField("afterschool.provided").appliesTo(s.type())) {
                v.put("afterschool.provided", Value.of("是"));
                put(v, "afterschool.students", students * (50 + r.nextInt(50)) / 100);
                put(v, "afterschool.teachers", teachers * (50 + r.nextInt(50)) / 100);
            }
            int found = r.nextInt(20);
            int fixed = found == 0 ? 0 : r.nextInt(found + 1);
            put(v, "safety.hazards.found", found);
            put(v, "safety.hazards.fixed", fixed);
            put(v, "safety.hazards.reported", found - fixed);
            int submitted = r.nextInt(30);
            put(v, "research.papers.submitted", submitted);
            put(v, "research.papers.awarded", submitted == 0 ? 0 : r.nextInt(submitted + 1));
        }

        private static void put(Map<String, Value> v, String id, long n) {
            v.put(id, Value.of(n));
        }

        private static void put(Map<String, Value> v, String id, BigDecimal n) {
            v.put(id, Value.of(n));
        }
    }
}
