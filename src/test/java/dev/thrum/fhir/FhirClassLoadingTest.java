package dev.thrum.fhir;

import dev.thrum.testkit.ThrumLaunch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FHIR model costs start-up time and memory: a fresh JVM running Thrum's other commands (even
 * {@code --help}, which builds every subcommand, {@code sync} included) must not load one FHIR class,
 * and {@code sync fhir} must (or this test would prove nothing).
 */
class FhirClassLoadingTest {

    private static String loadedClasses(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ThrumLaunch.onClassPath(List.of("-Xlog:class+load=info"), args)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "thrum " + String.join(" ", args) + " did not end");
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void otherCommandsLoadNoFhirClass() throws Exception {
        for (String[] args : List.of(new String[]{"--help"}, new String[]{"run", "--help"}, new String[]{"stop", "--help"})) {
            String log = loadedClasses(args);
            assertTrue(log.contains("dev.thrum.cli.ThrumCommand"), "the class-load log is there");
            assertFalse(log.contains("ca.uhn.fhir") || log.contains("org.hl7.fhir"),
                    "thrum " + String.join(" ", args) + " loaded a FHIR class");
        }
    }

    @Test
    void syncLoadsThem() throws Exception {
        Path tmp = java.nio.file.Files.createTempDirectory("thrum-fhir-load");
        java.nio.file.Files.createDirectories(tmp.resolve("clients"));
        java.nio.file.Files.writeString(tmp.resolve("clients/ana.json"), "{\"name\": \"Ana\"}");
        String log = loadedClasses("sync", "fhir", "--bundle", tmp.resolve("b.json").toString(),
                "--data-dir", tmp.toString(), "--config-dir", tmp.toString());
        assertTrue(log.contains("org.hl7.fhir.r4.model.Bundle"), "the FHIR model loads for sync");
        assertTrue(log.contains("FHIR Bundle written to"), log.lines().filter(l -> !l.startsWith("[")).toList().toString());
        assertEquals(-1, log.indexOf("Exception in thread"), log.lines().filter(l -> l.contains("Exception")).toList().toString());
    }
}
