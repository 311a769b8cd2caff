package dev.thrum;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core (engine, program, profile, protocol) stays free of I/O and of transport libraries. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.thrum");

    private static final String[] CORE = {
            "dev.thrum.engine..", "dev.thrum.program..", "dev.thrum.profile..", "dev.thrum.protocol.."};

    @Test
    void coreDoesNotReachTheEdges() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.thrum.transport..", "dev.thrum.device..", "dev.thrum.daemon..",
                        "dev.thrum.cli..", "dev.thrum.files..", "dev.thrum.log..", "dev.thrum.app..",
                        "jssc..", "tinyb..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNoIo() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }
}
