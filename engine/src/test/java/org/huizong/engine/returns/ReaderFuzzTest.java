package org.huizong.engine.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huizong.engine.fixtures.HostileFiles;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.fixtures.RawZip;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Return;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.template.ReturnData;
import org.huizong.engine.template.TemplateWriter;
import org.huizong.engine.UnreadableFileException;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation loop over real returns (a filled one, a blank template, one with rows
 * inserted in its table): bit flips, truncations, and, inside the zip, XML edits (numbers,
 * cell types, names, cut and doubled elements, stray markup), part swaps, renames, doubles and
 * drops. Whatever the file, the reader gives a return or its own refusal
 * ({@link UnreadableFileException}), the validator then gives findings, and nothing else
 * escapes. A fixed budget in CI: {@code fuzz.iterations} (2,000) or {@code fuzz.seconds} (30),
 * whichever ends first, from seed {@code fuzz.seed} (fixed, so CI is repeatable; pass another to
 * explore). A failure names the seed and iteration, and leaves the file in
 * {@code target/fuzz-failures/}.
 */
class ReaderFuzzTest {
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern TYPE = Pattern.compile(" t=\"[a-zA-Z]+\"");
    private static final Pattern NAME = Pattern.compile("'![^<]+<");
    private static final String[] NUMBERS = {"0", "-1", "2147483648", "99999999999999999999",
        "1E+308", "1E-400", "NaN", "", "007", "1.5", "9".repeat(300)};
    private static final String[] TYPES = {"s", "b", "e", "str", "inlineStr", "n", "d", "x", ""};
    private static final String[] NAMES = {"'!$A$1<", "'!$D$12:$D$999999999<", "'!#REF!<",
        "'!$XFD$1048576<", "'!$A:$A<", "'!$D$12,$D$13<", "'!<", "'!$ZZZZ$1<"};
    private static final String[] JUNK = {"<", "&", "]]>", "<!DOCTYPE x>", "<?pi?>", "\u0000",
        "&#0;", "<x:y/>", "<c r=\"D12\"><v>1</v></c>", "</row>", "<row r=\"0\">", "&lt;"};

    private final Collection collection = IoFixtures.collection();
    private final ReturnReader reader = ReturnReader.of(collection);
    private final Validator validator = Validator.of(collection);

    @Test
    void noMutationOfARealReturnMakesTheReaderThrowAnythingButItsRefusal() throws IOException {
        long seed = Long.getLong("fuzz.seed", 20_240_613L);
        int iterations = Integer.getInteger("fuzz.iterations", 2_000);
        long deadline = System.nanoTime() + Long.getLong("fuzz.seconds", 30L) * 1_000_000_000L;
        List<byte[]> bases = List.of(HostileFiles.filledReturn(),
                TemplateWriter.of(collection, IoFixtures.PERIOD)
                        .toBytes(IoFixtures.kindergarten(), ReturnData.empty()),
                HostileFiles.withInsertedTableRows());
        int done = 0;
        int refused = 0;
        for (; done < iterations && System.nanoTime() < deadline; done++) {
            // each iteration has its own generator: one can be replayed alone
            Random random = new Random(seed * 1_000_003L + done);
            List<String> steps = new ArrayList<>();
            byte[] file = mutate(bases.get(random.nextInt(bases.size())), random, steps);
            long start = System.nanoTime();
            try {
                Return r = reader.read("fuzz.xlsx", file);
                validator.validate(r);
            } catch (UnreadableFileException e) {
                refused++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw new AssertionError(failure(seed, done, steps, file) + ": " + e, e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > 5_000) {
                throw new AssertionError(failure(seed, done, steps, file) + " took " + millis
                        + " ms");
            }
        }
        System.out.printf(Locale.ROOT, "fuzz: seed %d, %d mutated files, %d refused%n", seed,
                done, refused);
        assertThat(done).as("iterations within the time budget").isGreaterThanOrEqualTo(100);
        assertThat(refused).as("some mutations are refused, some read").isBetween(1, done - 1);
    }

    /** Where a failure is told: the seed and iteration, and the file kept. */
    private static String failure(long seed, int iteration, List<String> steps, byte[] file) {
        Path dir = Path.of("target", "fuzz-failures");
        Path kept = dir.resolve(seed + "-" + iteration + ".xlsx");
        try {
            Files.createDirectories(dir);
            Files.write(kept, file);
        } catch (IOException e) {
            kept = Path.of("(not written: " + e.getMessage() + ")");
        }
        return "seed " + seed + " iteration " + iteration + " " + steps + " kept as " + kept;
    }

    /** One to three mutations of {@code base}; {@code steps} says which. */
    private static byte[] mutate(byte[] base, Random random, List<String> steps) {
        byte[] out = base;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            steps.add(Integer.toString(kind));
            out = switch (kind) {
                case 0 -> flipBits(out, random);
                case 1 -> Arrays.copyOf(out, random.nextInt(out.length + 1));
                default -> inside(out, random, kind, steps);
            };
        }
        return out;
    }

    private static byte[] flipBits(byte[] zip, Random random) {
        byte[] out = zip.clone();
        for (int k = 1 + random.nextInt(8); k > 0 && out.length > 0; k--) {
            out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return out;
    }

    /** A mutation of the zip's parts; a zip that no longer opens is flipped instead. */
    private static byte[] inside(byte[] zip, Random random, int kind, List<String> steps) {
        List<RawZip.Entry> entries;
        try {
            entries = new ArrayList<>(RawZip.entries(zip));
        } catch (RuntimeException e) {
            return flipBits(zip, random);
        }
        if (entries.isEmpty()) {
            return flipBits(zip, random);
        }
        int i = random.nextInt(entries.size());
        RawZip.Entry e = entries.get(i);
        steps.add(e.name());
        switch (kind) {
            case 2 -> entries.set(i, e.withData(text(replace(e.text(), NUMBER, NUMBERS, random))));
            case 3 -> entries.set(i, e.withData(text(replace(e.text(), TYPE, TYPES, random))));
            case 4 -> entries.set(i, e.withData(text(replace(e.text(), NAME, NAMES, random))));
            case 5 -> entries.set(i, e.withData(text(cutOrDouble(e.text(), random))));
            case 6 -> entries.set(i, e.withData(text(insert(e.text(),
                    JUNK[random.nextInt(JUNK.length)], random))));
            case 7 -> {
                RawZip.Entry other = entries.get(random.nextInt(entries.size()));
                entries.set(i, e.withData(other.data()));
            }
            case 8 -> entries.set(i, random.nextBoolean() ? e.named(e.name().toUpperCase(
                    Locale.ROOT)) : e.named(e.name() + "x"));
            default -> {
                if (random.nextBoolean()) {
                    entries.add(random.nextInt(entries.size() + 1), e);
                } else {
                    entries.remove(i);
                }
            }
        }
        return RawZip.write(entries);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One match of {@code p}, picked at random, replaced by one of {@code values}. */
    private static String replace(String s, Pattern p, String[] values, Random random) {
        List<int[]> at = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find() && at.size() < 10_000) {
            at.add(new int[] {m.start(), m.end()});
        }
        if (at.isEmpty()) {
            return insert(s, values[random.nextInt(values.length)], random);
        }
        int[] r = at.get(random.nextInt(at.size()));
        String v = values[random.nextInt(values.length)];
        String replacement = p == TYPE ? " t=\"" + v + "\"" : v;
        return s.substring(0, r[0]) + replacement + s.substring(r[1]);
    }

    /** A stretch between two tags removed, or doubled. */
    private static String cutOrDouble(String s, Random random) {
        if (s.length() < 2) {
            return s + s;
        }
        int a = s.indexOf('<', random.nextInt(s.length()));
        if (a < 0) {
            return s;
        }
        int b = s.indexOf('<', Math.min(s.length() - 1, a + 1 + random.nextInt(200)));
        if (b < 0) {
            b = s.length();
        }
        return random.nextBoolean() ? s.substring(0, a) + s.substring(b)
                : s.substring(0, b) + s.substring(a, b) + s.substring(b);
    }

    private static String insert(String s, String what, Random random) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        return s.substring(0, at) + what + s.substring(at);
    }
}
