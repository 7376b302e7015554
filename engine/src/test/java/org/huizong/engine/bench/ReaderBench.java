package org.huizong.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.returns.ReturnReader;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.spec.CollectionSpecs;

/**
 * Read + validate per return, the figures of the reader decision of issue 10 for the one reader
 * left (Aalto StAX, skipping the elements nobody reads). The decision itself, the byte cursor
 * against StAX in one JVM, was measured by this benchmark's A/B form at commit 32d879a, the
 * last with both readers; see docs/benchmarks.md, "Reader decision".
 *
 * <p>Every file is read from memory ({@code ReturnReader.read(name, bytes)}, the server's upload
 * path), so the disk takes no part. First every file is read once and a SHA-256 over the {@code
 * Return}s and {@code Validation}s printed (the same digest as the A/B run's on the same files
 * means the same values); then warm-up rounds, then N rounds, each on one thread (wall, the
 * thread's CPU time, and of it the CPU time of {@code ReturnReader.read} alone, bytes
 * allocated) and on the parallel path (a parallel stream as {@code consolidate} runs: wall, the
 * workers' CPU time and the process's, GC and JIT included). Each round's results are
 * checksummed and must agree. Prints medians over the rounds, per return. Not a unit test.
 *
 * <p>Arguments: folders of returns ({@code *.xlsx}, all of one collection); {@code --rounds N}
 * (default 11), {@code --warmup N} (rounds before measuring, default 5), {@code
 * --spec FILE} (default: the edu-halfyear collection of the templates module).
 */
public final class ReaderBench {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A file's name and content, read into memory once. */
    private static final class Input {
        private final String name;
        private final byte[] bytes;

        Input(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }

        String name() {
            return name;
        }

        byte[] bytes() {
            return bytes;
        }
    }

    /**
     * One measurement of all files, in nanoseconds: wall, the reading threads' CPU time in read
     * + validate (summed per file, so the checksum is left out), of it {@code
     * ReturnReader.read}'s, the process's CPU (all threads, GC and JIT included), the bytes the
     * reading threads allocated, and the checksum of what was read.
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
        digest(files, engine);
        for (int w = 0; w < warmup; w++) {
            single(files, engine);
            parallel(files, engine);
        }
        List<Sample> one = new ArrayList<>();
        List<Sample> many = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            one.add(single(files, engine));
            many.add(parallel(files, engine));
            if (one.get(r).check() != one.get(0).check()
                    || many.get(r).check() != one.get(0).check()) {
                throw new IllegalStateException("checksums differ between rounds");
            }
        }
        report(files.size(), rounds, one, many);
        System.out.printf(Locale.ROOT, "load average after %s: %s%n", dir.getFileName(),
                loadAverage());
    }

    /** A SHA-256 over what every file reads as: equal digests, equal values. */
    private static void digest(List<Input> files, Engine engine)
            throws NoSuchAlgorithmException {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        long values = 0;
        long findings = 0;
        for (Input f : files) {
            Return r = engine.reader().read(f.name(), f.bytes());
            Validation v = engine.validator().validate(r);
            d.update((r + "\n" + v + "\n").getBytes(StandardCharsets.UTF_8));
            values += r.values().size();
            findings += v.findings().size();
        }
        System.out.printf(Locale.ROOT, "%d values, %d findings, SHA-256 %s...%n", values,
                findings, HexFormat.of().formatHex(d.digest()).substring(0, 16));
    }

    private static Sample single(List<Input> files, Engine engine) {
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

    private static Sample parallel(List<Input> files, Engine engine) {
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

    private static void report(int n, int rounds, List<Sample> one, List<Sample> many) {
        System.out.printf(Locale.ROOT, "median of %d rounds, per return (checksum %d equal in"
                + " every round)%n", rounds, one.get(0).check());
        System.out.printf(Locale.ROOT, "one thread: wall %.3f ms, CPU %.3f ms (read alone %.3f"
                + " ms), allocated %.0f KB%n", median(one, Sample::wall) / n / 1e6,
                median(one, Sample::cpu) / n / 1e6, median(one, Sample::readCpu) / n / 1e6,
                median(one, Sample::allocated) / n / 1024);
        double wall = median(many, Sample::wall) / n / 1e6;
        System.out.printf(Locale.ROOT, "parallel:   wall %.3f ms (%.0f returns/s), worker CPU"
                + " %.3f ms, process CPU %.3f ms%n", wall, 1e3 / wall,
                median(many, Sample::cpu) / n / 1e6, median(many, Sample::processCpu) / n / 1e6);
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
