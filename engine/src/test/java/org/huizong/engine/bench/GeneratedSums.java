package org.huizong.engine.bench;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Field;

/**
 * The generator's sums of every numeric input field over the returns it wrote ({@code
 * sums-N.csv}: {@code field,sum}, first the line {@code returns,N}), and the check that other
 * totals equal them.
 */
final class GeneratedSums {
    static final String RETURNS = "returns";

    private GeneratedSums() {
    }

    static void write(Collection c, int returns, Map<String, BigDecimal> sums, Path file)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write(RETURNS + "," + returns + "\n");
            for (Field f : c.fields()) {
                if (f.type().isNumeric() && f.isInput()) {
                    w.write(f.id() + "," + sums.getOrDefault(f.id(), BigDecimal.ZERO)
                            .toPlainString() + "\n");
                }
            }
        }
    }

    /** The sums by field id, {@link #RETURNS} first. */
    static Map<String, BigDecimal> read(Path file) throws IOException {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int comma = line.indexOf(',');
            out.put(line.substring(0, comma), new BigDecimal(line.substring(comma + 1)));
        }
        return out;
    }

    /**
     * Checks {@code totals} (by field id; a missing field counts as 0) against the sums, to the
     * fourth decimal (the finest a field has), and says so.
     *
     * @throws IllegalStateException naming the first field that differs
     */
    static void check(Map<String, BigDecimal> sums, Map<String, BigDecimal> totals, String what) {
        int fields = 0;
        for (Map.Entry<String, BigDecimal> e : sums.entrySet()) {
            if (e.getKey().equals(RETURNS)) {
                continue;
            }
            BigDecimal total = totals.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (round(total).compareTo(round(e.getValue())) != 0) {
                throw new IllegalStateException(what + ": " + e.getKey() + " is " + total
                        + ", the generator's sum is " + e.getValue());
            }
            fields++;
        }
        System.out.println(what + ": equal to the generator's sums for all " + fields
                + " numeric input fields over " + sums.get(RETURNS) + " returns");
    }

    private static BigDecimal round(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_UP);
    }
}
