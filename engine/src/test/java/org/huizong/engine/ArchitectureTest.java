package org.huizong.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The data flow's package boundaries (docs/architecture.md, STYLE.md §3), checked on the compiled
 * classes: one package per step, each depending only on the steps before it.
 */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.huizong.engine");

    @Test
    void onlyTheWorkbookStepsTouchPoi() {
        noClasses().that().resideOutsideOfPackages("..engine.xlsx..", "..engine.template..",
                "..engine.returns..", "..engine.report..", "..engine.documents..",
                "..engine.definition..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
                .check(ENGINE);
    }

    @Test
    void onlyTheRosterAndTheReportTouchTheFlatTableLibrary() {
        noClasses().that().resideOutsideOfPackages("..engine.roster..", "..engine.report..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.idev.excel..",
                        "org.dhatim..")
                .check(ENGINE);
    }

    @Test
    void onlyTheReaderAndTheWritersTouchTheContainerLayer() {
        classes().that().resideInAPackage("..engine.xlsx..")
                .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("..engine.xlsx..",
                        "..engine.template..", "..engine.returns..", "..engine.roster..",
                        "..engine.report..", "..engine.documents..", "..engine.pipeline..",
                        "..engine.definition..")
                .check(ENGINE);
    }

    @Test
    void theContainerLayerKnowsNoModel() {
        noClasses().that().resideInAPackage("..engine.xlsx..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.model..",
                        "..engine.template..", "..engine.returns..", "..engine.rules..",
                        "..engine.consolidate..", "..engine.report..", "..engine.spec..")
                .check(ENGINE);
    }

    @Test
    void theTemplateWriterNeverDependsOnTheReader() {
        noClasses().that().resideInAPackage("..engine.template..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.returns..",
                        "..engine.roster..", "..engine.consolidate..", "..engine.report..",
                        "..engine.pipeline..")
                .check(ENGINE);
    }

    @Test
    void theModelDependsOnNothingElseOfTheEngine() {
        noClasses().that().resideInAPackage("..engine.model..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.xlsx..",
                        "..engine.template..", "..engine.returns..", "..engine.roster..",
                        "..engine.rules..", "..engine.consolidate..", "..engine.narrative..",
                        "..engine.report..", "..engine.spec..", "..engine.pipeline..",
                        "..engine.findings..", "..engine.documents..")
                .check(ENGINE);
    }

    @Test
    void theEngineKnowsNoServerNorInjection() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.google.inject..",
                "io.javalin..", "org.jdbi..", "org.huizong.server..", "org.huizong.cli..")
                .check(ENGINE);
    }

    @Test
    void rulesConsolidationAndNarrativeDoNotReadFiles() {
        noClasses().that().resideInAnyPackage("..engine.rules..", "..engine.narrative..",
                "..engine.consolidate..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.xlsx..",
                        "..engine.template..", "..engine.returns..", "..engine.roster..",
                        "..engine.report..", "..engine.pipeline..")
                .check(ENGINE);
    }

    @Test
    void onlyThePipelineDrivesTheConsolidator() {
        noClasses().that().resideOutsideOfPackages("..engine.pipeline..",
                "..engine.consolidate..")
                .should().dependOnClassesThat()
                .haveFullyQualifiedName("org.huizong.engine.consolidate.Consolidator")
                .check(ENGINE);
    }

    /**
     * Small files in small packages, in every module: no main file over 450 lines, no package
     * of more than 25 files (docs/architecture.md).
     */
    @Test
    void everyMainFileAndPackageStaysSmall() throws java.io.IOException {
        java.nio.file.Path root = java.nio.file.Path.of("..").toAbsolutePath().normalize();
        java.util.Map<java.nio.file.Path, Integer> perPackage = new java.util.HashMap<>();
        java.util.List<String> tooLong = new java.util.ArrayList<>();
        for (String module : java.util.List.of("engine", "templates", "server", "cli", "addin")) {
            java.nio.file.Path main = root.resolve(module).resolve("src/main/java");
            if (!java.nio.file.Files.isDirectory(main)) {
                continue;
            }
            try (var files = java.nio.file.Files.walk(main)) {
                for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".java"))
                        .toList()) {
                    perPackage.merge(f.getParent(), 1, Integer::sum);
                    long lines = java.nio.file.Files.readAllLines(f).size();
                    if (lines > 450) {
                        tooLong.add(root.relativize(f) + " (" + lines + " lines)");
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(perPackage).as("packages read").isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(tooLong).as("main files over 450 lines")
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(perPackage.entrySet().stream()
                .filter(e -> e.getValue() > 25).map(e -> root.relativize(e.getKey()) + ": "
                        + e.getValue()).toList()).as("packages of more than 25 files").isEmpty();
    }
}
