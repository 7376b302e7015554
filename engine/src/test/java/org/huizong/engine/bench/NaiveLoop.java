package org.huizong.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.huizong.engine.model.Collection;
import org.huizong.engine.spec.CollectionSpecs;

/**
 * The naive POI full-model loop of {@link ConsolidationBench} as a process of its own, for the
 * whole-process benchmark to time beside {@code huizong consolidate}: every {@code .xlsx} of a
 * folder opened with {@code XSSFWorkbook}, one after another, the cells of the {@code F_} names
 * summed; nothing written. Arguments: {@code --dir DIR} and optionally {@code --sums FILE}
 * (then the totals must equal the generator's sums) and {@code --spec FILE}.
 */
public final class NaiveLoop {
    private NaiveLoop() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = ConsolidationBench.options(args);
        Collection c = CollectionSpecs.load(ConsolidationBench.spec(opts.get("spec")));
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(opts.get("dir")))) {
            files = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        Map<String, java.math.BigDecimal> totals = ConsolidationBench.naive(c, files);
        System.out.println("naive POI loop: " + files.size() + " files read");
        if (opts.containsKey("sums")) {
            GeneratedSums.check(GeneratedSums.read(Path.of(opts.get("sums"))), totals,
                    "naive POI loop totals");
        }
    }
}
