package org.huizong.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.spec.CollectionSpecs;
import org.huizong.engine.xlsx.ReaderSwitch;

/**
 * The reader decision of issue 10: read + validate the same returns in one JVM, in the same
 * run, two ways, and nothing else differs: (a) today's path, the worksheets, shared strings,
 * workbook part and relationships read from their bytes ({@code PlainXml}, {@code
 * SharedStrings}' byte index), and (b) every part read with Aalto StAX, skipping the elements
 * nobody reads ({@code XMLStreamReader2.skipElement}), switched by {@link ReaderSwitch}.
 *
 * <p>Every file is read from memory ({@code ReturnReader.read(name, bytes)}, the server's upload
 * path), so the disk takes no part. First both ways must give equal {@code Return}s and {@code
 * Validation}s for every file (records compared whole, and a SHA-256 over them printed); then
 * warm-up rounds, then N rounds, each measuring both ways one after the other, the order
 * swapped every round (A B, B A, ...): on one thread (wall, the thread's CPU time, and of it
 * the CPU time of {@code ReturnReader.read} alone) and on the parallel path (a parallel stream
 * as {@code consolidate} runs: wall, the workers' CPU time and the process's, GC and JIT
 * included). Each round's results are checksummed, and both ways must agree every round.
 * Prints medians over the rounds, per return. Not a unit test; see {@code docs/benchmarks.md}.
 *
 * <p>Arguments: folders of returns ({@code *.xlsx}, all of one collection); {@code --rounds N}
 * (default 11), {@code --warmup N} (rounds of both ways before measuring, default 5), {@code
 * --spec FILE} (default: the edu-halfyear collection of the templates module).
 */
public final class ReaderBench {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** The two ways of reading the parts. */
    enum Way {
        BYTES("byte cursor (PlainXml)", false),
        STAX("Aalto StAX, skipping", true);

        final String label;
        final boolean staxOnly;

        Way(String label, boolean staxOnly) {
            this.label = label;
            this.staxOnly = staxOnly;
        }
    }

    private record Input(String name, byte[] bytes) {
    }

    /**
     * One measurement of all files one way, in nanoseconds: wall, the reading threads' CPU
     * time in read + validate (summed per file, so the checksum is left out), of it {@code
     * ReturnReader.read}'s, the process's CPU (all threads, GC and JIT included), the bytes
     * the reading threads allocated, and the checksum of what was read.
     */
    private record Sample(long wall, long cpu, long readCpu, long processCpu, long allocated,
            long check) {
    }

    /** What the reading threads add up while reading. */
    private record Tally(LongAdder readCpu, LongAdder cpu, LongAdder allocated) {
        Tally() {
            this(new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private record Engine(ReturnReader reader, Validator validator) {
        long readAndValidate(Input f, Tally t) {
            long bytes = THREADS.getCurrentThreadAllocatedBytes();
            long a = THREADS.getCurrentThreadCpuTime();
            Return r = reader.read(f.name(), f.bytes());
            long b = THREADS.getCurrentThreadCpuTime();
            Validation v = validator.validate(r);
            long c = THREADS.getCurrentThreadCpuTime();
            t.allocated().add(THREADS.getCurrentThreadAllocatedBytes() - bytes);
            t.readCpu().add(b - a);
            t.cpu().add(c - a);
            return (long) r.hashCode() * 31 + v.hashCode();
        }
    }

    private ReaderBench() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        int rounds = 11;
        int warmup = 5;
        Path spec = null;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--spec" -> spec = Path.of(args[++i]);
                default -> dirs.add(Path.of(args[i]));
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("usage: ReaderBench [--rounds N] [--warmup N]"
                    + " [--spec FILE] DIR...");
        }
        Collection c = CollectionSpecs.load(spec == null ? defaultSpec() : spec);
        Engine engine = new Engine(ReturnReader.of(c), Validator.of(c));
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, max heap %d MB, load average %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        for (Path dir : dirs) {
            bench(dir, engine, rounds, warmup);
        }
        System.out.printf(Locale.ROOT, "%nload average at the end %s%n", loadAverage());
    }

    private static void bench(Path dir, Engine engine, int rounds, int warmup)
            throws IOException, NoSuchAlgorithmException {
        List<Input> files = load(dir);
        long bytes = files.stream().mapToLong(f -> f.bytes().length).sum();
        System.out.printf(Locale.ROOT, "%n%s: %d returns, %d KB each on average; load average"
                + " %s%n", dir, files.size(), bytes / files.size() / 1024, loadAverage());
        verify(files, engine);
        for (int w = 0; w < warmup; w++) {
            for (Way way : Way.values()) {
                single(files, engine, way);
                parallel(files, engine, way);
            }
        }
        Map<Way, List<Sample>> one = new EnumMap<>(Way.class);
        Map<Way, List<Sample>> many = new EnumMap<>(Way.class);
        for (Way way : Way.values()) {
            one.put(way, new ArrayList<>());
            many.put(way, new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            List<Way> order = r % 2 == 0 ? List.of(Way.BYTES, Way.STAX)
                    : List.of(Way.STAX, Way.BYTES);
            for (Way way : order) {
                one.get(way).add(single(files, engine, way));
            }
            for (Way way : order) {
                many.get(way).add(parallel(files, engine, way));
            }
            agree(one, many);
        }
        ReaderSwitch.staxOnly(false);
        report(files.size(), rounds, one, many);
        System.out.printf(Locale.ROOT, "load average after %s: %s%n", dir.getFileName(),
                loadAverage());
    }

    /** Both ways give equal records for every file, or the comparison is void. */
    private static void verify(List<Input> files, Engine engine)
            throws NoSuchAlgorithmException {
        Map<Way, MessageDigest> digests = new EnumMap<>(Way.class);
        long values = 0;
        long findings = 0;
        for (Input f : files) {
            Return[] read = new Return[2];
            Validation[] valid = new Validation[2];
            for (Way way : Way.values()) {
                ReaderSwitch.staxOnly(way.staxOnly);
                read[way.ordinal()] = engine.reader().read(f.name(), f.bytes());
                valid[way.ordinal()] = engine.validator().validate(read[way.ordinal()]);
                MessageDigest d = digests.get(way);
                if (d == null) {
                    d = MessageDigest.getInstance("SHA-256");
                    digests.put(way, d);
                }
                d.update((read[way.ordinal()] + "\n" + valid[way.ordinal()] + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            if (!read[0].equals(read[1]) || !valid[0].equals(valid[1])) {
                throw new IllegalStateException("the two ways read " + f.name()
                        + " differently:\n" + read[0] + "\n" + read[1]);
            }
            values += read[0].values().size();
            findings += valid[0].findings().size();
        }
        ReaderSwitch.staxOnly(false);
        String a = HexFormat.of().formatHex(digests.get(Way.BYTES).digest());
        String b = HexFormat.of().formatHex(digests.get(Way.STAX).digest());
        if (!a.equals(b)) {
            throw new IllegalStateException("digests differ: " + a + " " + b);
        }
        System.out.printf(Locale.ROOT, "both ways equal for every file: %d values, %d findings,"
                + " SHA-256 %s...%n", values, findings, a.substring(0, 16));
    }

    private static Sample single(List<Input> files, Engine engine, Way way) {
        ReaderSwitch.staxOnly(way.staxOnly);
        Tally t = new Tally();
        long p0 = processCpu();
        long t0 = System.nanoTime();
        long check = 0;
        for (Input f : files) {
            check += engine.readAndValidate(f, t);
        }
        long wall = System.nanoTime() - t0;
        return sample(wall, t, processCpu() - p0, check);
    }

    private static Sample parallel(List<Input> files, Engine engine, Way way) {
        ReaderSwitch.staxOnly(way.staxOnly);
        Tally t = new Tally();
        long p0 = processCpu();
        long t0 = System.nanoTime();
        long check = IntStream.range(0, files.size()).parallel()
                .mapToLong(i -> engine.readAndValidate(files.get(i), t)).sum();
        long wall = System.nanoTime() - t0;
        return sample(wall, t, processCpu() - p0, check);
    }

    private static Sample sample(long wall, Tally t, long processCpu, long check) {
        return new Sample(wall, t.cpu().sum(), t.readCpu().sum(), processCpu,
                t.allocated().sum(), check);
    }

    private static void agree(Map<Way, List<Sample>> one, Map<Way, List<Sample>> many) {
        long check = one.get(Way.BYTES).get(0).check();
        for (Map<Way, List<Sample>> m : List.of(one, many)) {
            for (List<Sample> samples : m.values()) {
                for (Sample s : samples) {
                    if (s.check() != check) {
                        throw new IllegalStateException("checksums differ between rounds");
                    }
                }
            }
        }
    }

    private static void report(int n, int rounds, Map<Way, List<Sample>> one,
            Map<Way, List<Sample>> many) {
        System.out.printf(Locale.ROOT, "median of %d rounds, per return (checksum %d equal in"
                + " every round both ways)%n", rounds, one.get(Way.BYTES).get(0).check());
        System.out.printf(Locale.ROOT, "%-24s | %-44s | %-40s%n", "", "one thread: wall  CPU"
                + "  (read alone)  allocated", "parallel: wall  returns/s  worker CPU  process"
                + " CPU");
        Map<Way, double[]> figures = new EnumMap<>(Way.class);
        for (Way way : Way.values()) {
            double[] f = {
                median(one.get(way), Sample::wall) / n / 1e6,
                median(one.get(way), Sample::cpu) / n / 1e6,
                median(one.get(way), Sample::readCpu) / n / 1e6,
                median(many.get(way), Sample::wall) / n / 1e6,
                median(many.get(way), Sample::cpu) / n / 1e6,
                median(many.get(way), Sample::processCpu) / n / 1e6,
                median(one.get(way), Sample::allocated) / n / 1024,
            };
            figures.put(way, f);
            System.out.printf(Locale.ROOT, "%-24s | %7.3f ms %7.3f ms (%6.3f ms) %6.0f KB | %7.3f"
                    + " ms %7.0f %9.3f ms %9.3f ms%n", way.label, f[0], f[1], f[2], f[6], f[3],
                    1e3 / f[3], f[4], f[5]);
        }
        double[] a = figures.get(Way.BYTES);
        double[] b = figures.get(Way.STAX);
        System.out.printf(Locale.ROOT, "%-24s | %7.2fx    %7.2fx    (%6.2fx)   %6.2fx | %7.2fx"
                + "          %9.2fx    %9.2fx%n", "StAX / byte cursor", b[0] / a[0],
                b[1] / a[1], b[2] / a[2], b[6] / a[6], b[3] / a[3], b[4] / a[4], b[5] / a[5]);
        double gain = Math.min(b[1] / a[1], b[4] / a[4]);
        System.out.printf(Locale.ROOT, "the byte reader %s by %.2fx on read + validate CPU (the"
                + " smaller of one thread and parallel; keep it at >= 1.5x)%n",
                gain >= 1 ? "wins" : "loses", gain);
    }

    private static double median(List<Sample> samples,
            java.util.function.ToLongFunction<Sample> what) {
        long[] v = samples.stream().mapToLong(what).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<Input> load(Path dir) throws IOException {
        List<Input> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList()) {
                out.add(new Input(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no .xlsx in " + dir);
        }
        return out;
    }

    private static Path defaultSpec() {
        String rel = "templates/src/main/resources/org/huizong/templates/edu-halfyear.yaml";
        Path here = Path.of(rel);
        return Files.exists(here) ? here : Path.of("..", rel);
    }
}
