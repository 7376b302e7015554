package org.huizong.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's packages by concern (see {@code package-info.java}), checked on the compiled
 * classes: the pages over the returns over the web plumbing over storage, each package
 * depending only on those below it, and each small enough to read.
 */
class ServerArchitectureTest {
    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.huizong.server");

    @Test
    void packagesDependOnlyOnThoseBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy("org.huizong.server")
                .layer("staff").definedBy("org.huizong.server.staff..")
                .layer("school").definedBy("org.huizong.server.school..")
                .layer("demo").definedBy("org.huizong.server.demo..")
                .layer("returns").definedBy("org.huizong.server.returns..")
                .layer("web").definedBy("org.huizong.server.web..")
                .layer("store").definedBy("org.huizong.server.store..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("staff").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("school").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("demo").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("returns").mayOnlyBeAccessedByLayers("wiring", "staff", "school",
                        "demo")
                .whereLayer("web").mayOnlyBeAccessedByLayers("wiring", "staff", "school",
                        "returns")
                .whereLayer("store").mayOnlyBeAccessedByLayers("wiring", "staff", "school",
                        "demo", "returns", "web")
                .check(SERVER);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.huizong.server.(*)..").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void onlyStorageTalksToTheDatabase() {
        noClasses().that().resideOutsideOfPackages("org.huizong.server.store..")
                .and().resideOutsideOfPackage("org.huizong.server")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..",
                        "org.flywaydb..", "com.zaxxer..")
                .check(SERVER);
    }

    @Test
    void storageAndReturnsKnowNoHttp() {
        noClasses().that().resideInAnyPackage("org.huizong.server.store..",
                        "org.huizong.server.returns..", "org.huizong.server.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..",
                        "org.eclipse.jetty..")
                .check(SERVER);
    }

    @Test
    void onlyTheWiringUsesGuice() {
        noClasses().that().resideOutsideOfPackage("org.huizong.server")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .check(SERVER);
    }

    @Test
    void noPackageOver25FilesAndNoFileOver450Lines() throws IOException {
        Path root = Path.of("src/main/java/org/huizong/server");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Map<Path, Long> perPackage = files.stream().collect(Collectors.groupingBy(Path::getParent,
                Collectors.counting()));
        assertThat(perPackage).as("files per package").allSatisfy((dir, n) ->
                assertThat(n).as(dir.toString()).isLessThanOrEqualTo(25));
        for (Path f : files) {
            assertThat(Files.readAllLines(f)).as(f.toString()).hasSizeLessThanOrEqualTo(450);
        }
    }
}
