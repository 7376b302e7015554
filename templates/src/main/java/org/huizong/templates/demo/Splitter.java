package org.huizong.templates.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Splits a whole total over weights exactly (largest-remainder method), never losing a unit. */
final class Splitter {
    private Splitter() {
    }

    /**
     * @param total the whole number to distribute, {@code >= 0}
     * @param weights non-negative; a zero weight gets nothing
     * @return parts, one per weight, summing to {@code total}
     */
    static long[] split(long total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        long[] parts = new long[weights.length];
        if (total == 0 || sum == 0) {
            if (total != 0) {
                throw new IllegalArgumentException("cannot split " + total + " over no weight");
            }
            return parts;
        }
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -remainders[i])
                        .thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; given < total; k++, given++) {
            parts[order[k % order.length]]++;
        }
        return parts;
    }

    static double[] toWeights(long[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }
}
