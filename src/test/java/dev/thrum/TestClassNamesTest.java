package dev.thrum;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every class with tests in it has a name surefire or failsafe picks up (pom.xml). Two property
 * classes named *Properties ran in nobody's build until the includes were widened; this keeps a
 * new class from going the same way.
 */
class TestClassNamesTest {
    private static final Pattern HAS_TESTS = Pattern.compile("@(Test|Property|Example|ParameterizedTest|RepeatedTest|TestFactory)\\b");
    private static final Pattern INCLUDE = Pattern.compile("<include>\\*\\*/([^<]+)</include>");

    @Test
    void everyClassWithTestsIsRunByTheBuild() throws IOException {
        List<Path> withTests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            withTests = files.filter(p -> p.toString().endsWith(".java")).filter(TestClassNamesTest::hasTests).toList();
        }
        assertTrue(withTests.size() > 100, "found only " + withTests.size() + " test classes: wrong folder?");
        Pattern runByTheBuild = namesRunByTheBuild();
        List<Path> skipped = withTests.stream()
                .filter(p -> !runByTheBuild.matcher(p.getFileName().toString()).matches()).toList();
        assertEquals(List.of(), skipped, "named so that neither surefire nor failsafe runs them; rename, or widen pom.xml's includes");
    }

    /** Surefire's includes as pom.xml lists them, plus failsafe's default *IT. */
    private static Pattern namesRunByTheBuild() throws IOException {
        List<String> globs = INCLUDE.matcher(Files.readString(Path.of("pom.xml"))).results().map(m -> m.group(1)).toList();
        assertTrue(globs.size() >= 4, "pom.xml lists surefire's includes (the defaults and more): " + globs);
        StringBuilder regex = new StringBuilder(".*IT\\.java");
        for (String glob : globs) regex.append('|').append(glob.replace(".", "\\.").replace("*", ".*"));
        return Pattern.compile(regex.toString());
    }

    private static boolean hasTests(Path file) {
        try {
            return HAS_TESTS.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
