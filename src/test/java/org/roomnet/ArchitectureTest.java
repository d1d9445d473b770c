package org.roomnet;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layers: app -> core, cli -> core; the core stays headless (no JavaFX) and knows neither. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roomnet");

    @Test
    void coreHasNoJavaFxImport() {
        noClasses().that().resideInAPackage("org.roomnet.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void coreDependsOnNeitherCliNorApp() {
        noClasses().that().resideInAPackage("org.roomnet.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roomnet.cli..", "org.roomnet.app..")
                .check(classes);
    }

    @Test
    void cliDoesNotUseTheDesktopApp() {
        noClasses().that().resideInAPackage("org.roomnet.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roomnet.app..", "javafx..")
                .check(classes);
    }
}
