package dev.thrum.fhir;

import java.time.LocalDate;
import java.util.List;

/**
 * A therapist's plan for one client: which programs, how often, over which dates. Issue 19 stores it
 * with the client record as a {@code plan} object; {@link PlanFields} reads it from there.
 *
 * @param start first day, or null when open
 * @param end   last day, or null when open-ended
 */
public record TreatmentPlan(LocalDate start, LocalDate end, String note, List<Item> items) {

    /** One program in the plan and how many times a week to run it (0: as needed). */
    public record Item(String programId, String programName, int perWeek) {
        public Item {
            if (programId == null || programId.isBlank()) throw new IllegalArgumentException("a plan item needs a program");
            if (perWeek < 0 || perWeek > 21) throw new IllegalArgumentException("times a week must be 0 to 21, was " + perWeek);
        }
    }

    public TreatmentPlan {
        items = List.copyOf(items);
        note = note == null || note.isBlank() ? null : note;
        if (start != null && end != null && end.isBefore(start))
            throw new IllegalArgumentException("the plan ends (" + end + ") before it starts (" + start + ")");
    }
}
