package dev.thrum.usage;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A spreadsheet runs a formula after a leading TAB or CR too (issue 13, item 11). */
class CsvFormulaGuardTest {

    private static String rowFor(String client) {
        StringWriter w = new StringWriter();
        new CsvExport(w).accept(new SessionRecord("s1", client, "p", "P", null,
                Instant.parse("2026-03-02T10:00:00Z"), null, 60, 0, null, 0, List.of(), List.of()));
        return w.toString().split("\r\n", -1)[1];
    }

    @Test
    void every_formula_start_gets_an_apostrophe() {
        assertTrue(rowFor("\t=1+1").startsWith("s1,'\t=1+1,"), rowFor("\t=1+1"));
        assertTrue(rowFor("\r=1+1").startsWith("s1,\"'\r=1+1\","), rowFor("\r=1+1"));
        for (String start : new String[]{"=", "+", "-", "@"})
            assertTrue(rowFor(start + "1+1").startsWith("s1,'" + start + "1+1,"), start);
        assertTrue(rowFor("Ann").startsWith("s1,Ann,"));
    }
}
