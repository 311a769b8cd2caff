package dev.thrum;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering: the core (engine, program, profile, protocol, pressure) stays free of I/O, clocks and
 * transport libraries; packages form no cycles; the transport adapters never reach into each other; the
 * edges reach transports only through the application layer.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.thrum");

    private static final String[] CORE = {
            "dev.thrum.engine..", "dev.thrum.program..", "dev.thrum.profile..", "dev.thrum.protocol..", "dev.thrum.pressure.."};

    @Test
    void coreDoesNotReachTheEdges() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.thrum.transport..", "dev.thrum.device..", "dev.thrum.daemon..",
                        "dev.thrum.cli..", "dev.thrum.store..", "dev.thrum.usage..", "dev.thrum.app..",
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

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.thrum.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Adapters live in their own rooms: shared mechanics sit below them (transport), never in a sibling. */
    @Test
    void adaptersNeverImportEachOther() {
        String[] adapters = {"ble", "serial", "sim"};
        for (String a : adapters) {
            String[] others = Arrays.stream(adapters).filter(b -> !b.equals(a)).map(b -> "dev.thrum.transport." + b + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.thrum.transport." + a + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others).check(CLASSES);
        }
    }

    /**
     * The edges (the command line, the daemon and its web app, the quick status and stop paths) translate;
     * they reach devices only through the application layer (app.SessionService, DeviceHub, DeviceDiscovery,
     * SerialSimulator, ConformanceTarget), never a transport or its libraries directly.
     */
    @Test
    void edgesNeverImportTransports() {
        noClasses().that().resideInAnyPackage("dev.thrum.cli..", "dev.thrum.daemon..", "dev.thrum.quick..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.thrum.transport..", "jssc..", "tinyb..")
                .check(CLASSES);
    }

    /**
     * The core takes its time from an injected Clock only: no wall clock, no monotonic clock, no "now"
     * of any java.time type that is not handed a Clock, no system or ticking system clock.
     */
    @Test
    void coreReadsNoClock() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().callCodeUnitWhere(READS_THE_MACHINE_CLOCK)
                .check(CLASSES);
    }

    /**
     * A call that reads the machine's clock: {@code System.currentTimeMillis/nanoTime}, any
     * {@code java.time} {@code now(...)} without a Clock argument ({@code Instant.now()},
     * {@code LocalDate.now(zone)}...), {@code Clock.system*}/{@code tick*(zone)},
     * {@code InstantSource.system()}, {@code new Date()}, {@code Calendar.getInstance}.
     */
    static final DescribedPredicate<JavaCall<?>> READS_THE_MACHINE_CLOCK =
            new DescribedPredicate<>("reads the machine's clock (use the injected Clock)") {
                @Override
                public boolean test(JavaCall<?> call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    List<String> params = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
                    if (owner.equals(System.class.getName())) return name.equals("currentTimeMillis") || name.equals("nanoTime");
                    if (owner.equals(Clock.class.getName())) {
                        return name.startsWith("system") || name.startsWith("tick") && params.equals(List.of(ZoneId.class.getName()));
                    }
                    if (owner.equals(InstantSource.class.getName())) return name.equals("system");
                    if (owner.startsWith("java.time.") && name.equals("now")) return !params.contains(Clock.class.getName());
                    if (owner.equals(Date.class.getName())) return name.equals("<init>") && params.isEmpty();
                    if (owner.equals(Calendar.class.getName())) return name.equals("getInstance");
                    return false;
                }
            };

    /**
     * HAPI FHIR is big and slow to load: only the FHIR package touches it, so `run`, `stop` and the
     * daemon never load a FHIR class (FhirClassLoadingTest checks the running JVM too).
     */
    @Test
    void onlyTheFhirPackageUsesHapiFhir() {
        noClasses().that().resideOutsideOfPackage("dev.thrum.fhir..")
                .should().dependOnClassesThat().resideInAnyPackage("ca.uhn..", "org.hl7..")
                .check(CLASSES);
    }
}
