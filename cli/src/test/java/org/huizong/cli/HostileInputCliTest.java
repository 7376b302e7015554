package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.huizong.engine.fixtures.Cost;
import org.huizong.engine.fixtures.HostileFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the hostile-input corpus through {@code huizong validate --format json}, run in
 * process as a script runs it: exit 2 with the reader's message for a refused file, exit 0 or 1
 * with the expected findings for a read one, the same outcome the engine's test asserts; each
 * within {@value #MILLIS} ms and {@value #MEGABYTES} MB allocated beyond validating a good
 * return, measured here.
 */
class HostileInputCliTest {
    static final long MILLIS = 2_000;
    static final long MEGABYTES = 64;

    @TempDir
    static Path dir;
    private static List<HostileFiles.Case> cases;
    private static long baseline;
    private static final List<String> costs = new ArrayList<>();

    @BeforeAll
    static void writeTheCorpus() throws Exception {
        cases = HostileFiles.write(dir);
        Path good = Files.write(dir.resolve("good.xlsx"), HostileFiles.filledReturn());
        for (int i = 0; i < 3; i++) {
            Cost<CliTest.Run> c = Cost.of(() -> validate(good));
            assertThat(c.result().code()).as(c.result().err()).isEqualTo(1);
            baseline = c.bytes();
        }
    }

    @AfterAll
    static void printTheCosts() {
        costs.sort(Comparator.reverseOrder());
        System.out.println("hostile input through huizong validate, costliest first:");
        costs.subList(0, Math.min(10, costs.size())).forEach(x -> System.out.println("  " + x));
    }

    private static CliTest.Run validate(Path file) {
        return CliTest.run("validate", "--format", "json", file.toString());
    }

    @Test
    void theCorpusHasOverAHundredFiles() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
    }

    @TestFactory
    Stream<DynamicTest> everyFileGetsItsExitCodeAndMessageQuicklyAndInLittleMemory() {
        return cases.stream().map(x -> DynamicTest.dynamicTest(x.toString(), () -> check(x)));
    }

    private static void check(HostileFiles.Case x) {
        Cost<CliTest.Run> cost = Cost.of(() -> validate(x.file()));
        costs.add(String.format(Locale.ROOT, "%5d ms %4d MB %s", cost.millis(),
                cost.megabytes(), x));
        CliTest.Run run = cost.result();
        String json = run.out();
        assertThat(run.err()).as(x + ": nothing on standard error").isEmpty();
        if (x.outcome() instanceof HostileFiles.Refused r) {
            assertThat(run.code()).as(x + ": " + json).isEqualTo(ErrorHandler.BAD_INPUT);
            assertThat(json).as(x.toString()).contains("\"rule\": \"unreadable\"")
                    .contains("文件 " + x.file().getFileName() + " ").contains(r.part());
        } else {
            HostileFiles.Read read = (HostileFiles.Read) x.outcome();
            assertThat(run.code()).as(x + ": " + json).isIn(0, 1);
            for (String expected : read.present()) {
                String rule = expected.substring(0, expected.indexOf(':'));
                assertThat(json).as(x + " finds " + expected).contains("{\"rule\": \"" + rule
                        + "\"").contains(expected.substring(expected.indexOf(':') + 1));
            }
            for (String rule : read.absent()) {
                assertThat(json).as(x + " has no " + rule).doesNotContain("{\"rule\": \"" + rule
                        + "\"");
            }
        }
        assertThat(cost.millis()).as(x + ": milliseconds").isLessThan(MILLIS);
        assertThat((cost.bytes() - baseline) >> 20).as(x + ": MB allocated beyond a good return")
                .isLessThan(MEGABYTES);
    }
}
