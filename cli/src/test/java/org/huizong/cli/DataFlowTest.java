package org.huizong.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The data flow across modules (docs/architecture.md): the command line, the demo and the server
 * all consolidate through the engine's one pipeline, and only the server and the command line
 * wire with Guice.
 */
class DataFlowTest {
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the engine's test fixtures come as a test-jar, which the option above lets in
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.huizong");

    @Test
    void onlyThePipelineDrivesTheConsolidatorInEveryModule() {
        noClasses().that().resideOutsideOfPackages("org.huizong.engine.pipeline..",
                "org.huizong.engine.consolidate..")
                .should().dependOnClassesThat()
                .haveFullyQualifiedName("org.huizong.engine.consolidate.Consolidator")
                .check(ALL);
    }

    @Test
    void onlyThePipelineWritesTheBook() {
        noClasses().that().resideOutsideOfPackages("org.huizong.engine.pipeline..",
                "org.huizong.engine.report..")
                .should().dependOnClassesThat()
                .haveFullyQualifiedName("org.huizong.engine.report.ReportWriter")
                .check(ALL);
    }

    @Test
    void nothingOutsideTheEngineTouchesTheContainerLayer() {
        noClasses().that().resideOutsideOfPackage("org.huizong.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.huizong.engine.xlsx..")
                .because("the xlsx container layer is internal to the engine")
                .check(ALL);
    }

    @Test
    void onlyTheServerAndTheCommandLineUseGuice() {
        noClasses().that().resideOutsideOfPackages("org.huizong.server..", "org.huizong.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .check(ALL);
    }
}
