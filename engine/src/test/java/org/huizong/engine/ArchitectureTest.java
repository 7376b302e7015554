package org.huizong.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package boundaries of STYLE.md §3, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.huizong.engine");

    @Test
    void onlyIoReportAndDocumentsTouchPoi() {
        noClasses().that().resideOutsideOfPackages("..engine.io..", "..engine.report..",
                "..engine.documents..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.poi..")
                .check(ENGINE);
    }

    @Test
    void onlyIoTouchesTheStreamingReader() {
        noClasses().that().resideOutsideOfPackage("..engine.io..")
                .should().dependOnClassesThat().resideInAPackage("org.dhatim..")
                .check(ENGINE);
    }

    @Test
    void theModelDependsOnNothingElseOfTheEngine() {
        noClasses().that().resideInAPackage("..engine.model..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.io..",
                        "..engine.rules..", "..engine.consolidate..", "..engine.narrative..",
                        "..engine.report..", "..engine.spec..", "..engine.intake..")
                .check(ENGINE);
    }

    @Test
    void theEngineKnowsNoServerNorInjection() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.google.inject..",
                "io.javalin..", "org.jdbi..", "org.huizong.server..", "org.huizong.cli..")
                .check(ENGINE);
    }

    @Test
    void rulesAndNarrativeDoNotReadFiles() {
        noClasses().that().resideInAnyPackage("..engine.rules..", "..engine.narrative..",
                "..engine.consolidate..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.io..")
                .check(ENGINE);
    }
}
