package dev.thrum.program;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "plan" object of a client file: round trip, and every problem named with file, path, line and fix. */
class PlanJsonTest {

    @Test
    void aClientWithAPlanWritesAndReadsBack() {
        Plan plan = new Plan(List.of("neck-relief", "sciatica-relief"), Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 0,
                LocalTime.of(18, 0), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30));
        Client c = Client.named("Ana").withPlan(plan);
        String text = ClientJson.write(c);
        assertTrue(text.contains("\"at\" : \"18:00\""), text);
        assertEquals(c, ClientJson.read("ana.json", text, ShippedCatalogue.SHIPPED));
        Client flexible = Client.named("Bo").withPlan(new Plan(List.of("calves"), Set.of(), 3, null, LocalDate.of(2026, 3, 1), null));
        assertEquals(flexible, ClientJson.read("bo.json", ClientJson.write(flexible), ShippedCatalogue.SHIPPED));
        assertNull(ClientJson.read("cy.json", "{\"name\": \"Cy\"}", ShippedCatalogue.SHIPPED).plan(), "an older client file has no plan");
    }

    @Test
    void everyProblemOfABadPlanIsNamedAtOnce() {
        String text = """
                {"name": "Ana",
                 "plan": {"programs": [],
                          "days": ["mon", "someday"],
                          "timesPerWeek": 9,
                          "at": "6pm",
                          "from": "2026-13-01",
                          "every": 2}}
                """;
        ValidationException e = assertThrows(ValidationException.class, () -> ClientJson.read("ana.json", text, ShippedCatalogue.SHIPPED));
        String all = e.problems().toString();
        assertTrue(all.contains("ana.json ($.plan.programs, line 2, column 23): \"programs\" must be a non-empty list"), all);
        assertTrue(all.contains("$.plan.days[1], line 3") && all.contains("unknown weekday 'someday'"), all);
        assertTrue(all.contains("$.plan.timesPerWeek") && all.contains("from 1 to 7"), all);
        assertTrue(all.contains("$.plan.at") && all.contains("HH:MM"), all);
        assertTrue(all.contains("$.plan.from") && all.contains("YYYY-MM-DD"), all);
        assertTrue(all.contains("unknown key \"every\""), all);
    }

    @Test
    void weekdaysAreReadInTheUsualSpellings() {
        assertEquals(DayOfWeek.THURSDAY, PlanJson.day("Thursday"));
        assertEquals(DayOfWeek.THURSDAY, PlanJson.day("thu"));
        assertEquals(DayOfWeek.TUESDAY, PlanJson.day("TU"));
        assertNull(PlanJson.day("t"));
        assertNull(PlanJson.day("thursdays"));
        assertEquals(LocalTime.of(7, 5), PlanJson.time("7:05"));
        assertNull(PlanJson.time("24:00"));
    }
}
