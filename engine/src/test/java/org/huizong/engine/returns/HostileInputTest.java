package org.huizong.engine.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.huizong.engine.fixtures.CorpusBudget;
import org.huizong.engine.fixtures.HostileFiles;
import org.huizong.engine.fixtures.IoFixtures;
import org.huizong.engine.model.Collection;
import org.huizong.engine.model.Finding;
import org.huizong.engine.rules.Validation;
import org.huizong.engine.rules.Validator;
import org.huizong.engine.UnreadableFileException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the hostile-input corpus ({@link HostileFiles}) through the engine as the server
 * and the command line call it, {@link ReturnReader} then {@link Validator}: refused with its
 * message, or read with its findings, and nothing else escaping; each within the
 * {@link CorpusBudget} (2 s, 64 MB), measured here.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    private static List<HostileFiles.Case> cases;
    private static ReturnReader reader;
    private static Validator validator;
    private static CorpusBudget budget;

    @BeforeAll
    static void writeTheCorpus() throws Exception {
        Collection c = IoFixtures.collection();
        reader = ReturnReader.of(c);
        validator = Validator.of(c);
        cases = HostileFiles.write(dir);
        Path good = Files.write(dir.resolve("good.xlsx"), HostileFiles.filledReturn());
        budget = CorpusBudget.over(() -> outcome(good));
    }

    @AfterAll
    static void printTheCosts() {
        budget.print("hostile input through the engine");
    }

    @Test
    void theCorpusHasOverAHundredFiles() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases.stream().filter(x -> x.outcome() instanceof HostileFiles.Read))
                .hasSizeGreaterThanOrEqualTo(20);
    }

    @TestFactory
    Stream<DynamicTest> everyFileIsRefusedOrReadWithItsFindingsQuicklyAndInLittleMemory() {
        return cases.stream().map(x -> DynamicTest.dynamicTest(x.toString(), () -> check(x)));
    }

    private static void check(HostileFiles.Case x) {
        Object result = budget.spend(x, () -> outcome(x.file()));
        String name = x.file().getFileName().toString();
        if (x.outcome() instanceof HostileFiles.Refused r) {
            assertThat(result).as(x.toString()).isInstanceOf(UnreadableFileException.class);
            UnreadableFileException e = (UnreadableFileException) result;
            assertThat(e.getMessage()).as(x.toString()).startsWith("文件 " + name + " ")
                    .contains(r.part());
            assertThat(e.file()).isEqualTo(name);
            return;
        }
        HostileFiles.Read read = (HostileFiles.Read) x.outcome();
        if (!(result instanceof Validation v)) {
            throw new AssertionError(x + " was refused", (Throwable) result);
        }
        List<String> found = v.findings().stream().map(f -> f.ruleId() + ":" + f.message())
                .toList();
        for (String expected : read.present()) {
            String rule = expected.substring(0, expected.indexOf(':'));
            String part = expected.substring(expected.indexOf(':') + 1);
            assertThat(found).as(x + " finds " + expected)
                    .anyMatch(f -> f.startsWith(rule + ":") && f.contains(part));
        }
        assertThat(v.findings()).as(x.toString()).extracting(Finding::ruleId)
                .noneMatch(read.absent()::contains);
    }

    /** The validation, or the refusal; anything else thrown fails the test. */
    private static Object outcome(Path file) {
        try {
            return validator.validate(reader.read(file));
        } catch (UnreadableFileException e) {
            return e;
        } catch (RuntimeException e) {
            return fail(file + " threw " + e, e);
        }
    }
}
