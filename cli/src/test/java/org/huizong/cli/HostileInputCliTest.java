package org.huizong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.huizong.engine.fixtures.CorpusBudget;
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
 * within the {@link CorpusBudget} (2 s, 64 MB), measured here.
 */
class HostileInputCliTest {
    @TempDir
    static Path dir;
    private static List<HostileFiles.Case> cases;
    private static CorpusBudget budget;

    @BeforeAll
    static void writeTheCorpus() throws Exception {
        cases = HostileFiles.write(dir);
        Path good = Files.write(dir.resolve("good.xlsx"), HostileFiles.filledReturn());
        assertThat(validate(good).code()).as("the filled return has rule errors").isEqualTo(1);
        budget = CorpusBudget.over(() -> validate(good));
    }

    @AfterAll
    static void printTheCosts() {
        budget.print("hostile input through huizong validate");
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
        CliTest.Run run = budget.spend(x, () -> validate(x.file()));
        String json = run.out();
        assertThat(run.err()).as(x + ": nothing on standard error").isEmpty();
        if (x.outcome() instanceof HostileFiles.Refused r) {
            assertThat(run.code()).as(x + ": " + json).isEqualTo(ErrorHandler.BAD_INPUT);
            assertThat(json).as(x.toString()).contains("\"rule\": \"unreadable\"")
                    .contains("文件 " + x.file().getFileName() + " ").contains(r.part());
            return;
        }
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
}
