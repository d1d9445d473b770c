package org.roomnet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roomnet.core.organize.OrganizeProgress;
import org.roomnet.core.organize.Organizer;
import org.roomnet.core.organize.TransferMode;

/**
 * Layers: app -> core, cli -> core, bench -> cli, core; the core stays headless (no JavaFX) and knows neither; no two
 * packages depend on each other, directly or round about.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roomnet");

    @Test
    void coreHasNoJavaFxImport() {
        noClasses()
                .that()
                .resideInAPackage("org.roomnet.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void coreDependsOnNeitherCliNorApp() {
        noClasses()
                .that()
                .resideInAPackage("org.roomnet.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.roomnet.cli..", "org.roomnet.app..")
                .check(classes);
    }

    @Test
    void cliDoesNotUseTheDesktopApp() {
        noClasses()
                .that()
                .resideInAPackage("org.roomnet.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.roomnet.app..", "javafx..")
                .check(classes);
    }

    @Test
    void onlyTheLauncherKnowsTheMeasuringCommands() {
        noClasses()
                .that()
                .resideInAnyPackage("org.roomnet.core..", "org.roomnet.cli..", "org.roomnet.app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.roomnet.bench..")
                .because("benchmarks are not product code: the launcher adds them, hidden, to the command line")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.roomnet.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sortingGoesThroughTheCoreWorkflow() {
        noClasses()
                .that()
                .resideInAnyPackage("org.roomnet.cli..", "org.roomnet.app..")
                .should()
                .callMethod(
                        Organizer.class,
                        "organize",
                        Path.class,
                        Path.class,
                        TransferMode.class,
                        List.class,
                        OrganizeProgress.class)
                .because("the core workflow's SortJob decides what is sorted (and saves the review first)")
                .check(classes);
    }
}
