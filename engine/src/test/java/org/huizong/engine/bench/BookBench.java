package org.huizong.engine.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huizong.engine.consolidate.Consolidation;
import org.huizong.engine.consolidate.Consolidator;
import org.huizong.engine.pipeline.Intake;
import org.huizong.engine.roster.RosterReader;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Roster;
import org.huizong.engine.report.ReportWriter;
import org.huizong.engine.spec.CollectionSpecs;

/**
 * Writes the consolidated book of a folder of returns several times in one JVM, and prints each
 * round's wall and CPU time, its size and its SHA-256 (the clock is fixed, so the same code gives
 * the same digest): the book writer alone, for profiling it and checking that a change leaves its
 * bytes alone. Arguments: {@code --dir RETURNS --roster CSV [--rounds N] [--spec FILE]}. Not a
 * unit test; the whole process is {@code bench/whole-process.sh}.
 */
public final class BookBench {
    private BookBench() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        Map<String, String> opts = ConsolidationBench.options(args);
        Collection c = CollectionSpecs.load(ConsolidationBench.spec(opts.get("spec")));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "5"));
        Intake intake = Intake.of(c);
        List<Path> files = Intake.expand(List.of(Path.of(opts.get("dir"))));
        Roster roster = RosterReader.of(c).read(Path.of(opts.get("roster")));
        Consolidation result = Consolidator.of(c, roster)
                .consolidate(intake.submissions(files, roster));
        System.out.println(result.summary());
        ReportWriter writer = ReportWriter.of(c, Clock.fixed(Instant.ofEpochSecond(1_700_000_000L),
                ZoneId.of("Asia/Shanghai")));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            writer.write(result, List.of(), out);
            long wall = System.nanoTime() - start;
            cpu = os.getProcessCpuTime() - cpu;
            byte[] book = out.toByteArray();
            System.out.printf(Locale.ROOT, "round %d: %.2f s wall, %.2f s CPU, %d bytes, sha256 %s,"
                    + " load %.2f%n", round, wall / 1e9, cpu / 1e9, book.length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(book))
                            .substring(0, 16), os.getSystemLoadAverage());
        }
    }
}
