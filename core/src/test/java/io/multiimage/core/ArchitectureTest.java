package io.multiimage.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of core follow the pipeline and depend downwards only: the model at the bottom,
 * the ports ({@code spi}) on the model alone, the steps' parts in the middle, the pipeline and
 * the command line on top, and no cycle anywhere. Beside {@link LayeringTest} (no Maven in core).
 */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.multiimage.core");
    }

    @Test
    void thePackagesOfCoreFormNoCycle() {
        slices().matching("io.multiimage.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theModelDependsOnNoOtherPackageOfCore() {
        noClasses()
                .that()
                .resideInAPackage("io.multiimage.core.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.multiimage.core.board..",
                        "io.multiimage.core.cli..",
                        "io.multiimage.core.concurrent..",
                        "io.multiimage.core.config..",
                        "io.multiimage.core.devicetree..",
                        "io.multiimage.core.kconfig..",
                        "io.multiimage.core.pipeline..",
                        "io.multiimage.core.process..",
                        "io.multiimage.core.run..",
                        "io.multiimage.core.spi..",
                        "io.multiimage.core.state..",
                        "io.multiimage.core.toolchain..",
                        "io.multiimage.core.variables..")
                .check(core);
    }

    @Test
    void thePortsDependOnTheModelAlone() {
        noClasses()
                .that()
                .resideInAPackage("io.multiimage.core.spi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.multiimage.core.board..",
                        "io.multiimage.core.cli..",
                        "io.multiimage.core.concurrent..",
                        "io.multiimage.core.config..",
                        "io.multiimage.core.devicetree..",
                        "io.multiimage.core.kconfig..",
                        "io.multiimage.core.pipeline..",
                        "io.multiimage.core.process..",
                        "io.multiimage.core.run..",
                        "io.multiimage.core.state..",
                        "io.multiimage.core.toolchain..",
                        "io.multiimage.core.variables..")
                .check(core);
    }

    @Test
    void onlyTheTopUsesThePipeline() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.multiimage.core.pipeline..", "io.multiimage.core.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.multiimage.core.pipeline..")
                .check(core);
    }

    @Test
    void theKconfigEngineStandsAlone() {
        classes()
                .that()
                .resideInAPackage("io.multiimage.core.kconfig.engine..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.multiimage.core.kconfig.engine..", "java..")
                .check(core);
    }
}
