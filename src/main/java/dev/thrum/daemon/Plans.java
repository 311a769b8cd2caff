package dev.thrum.daemon;

import dev.thrum.program.PlannedStep;
import dev.thrum.program.SessionPlan;

import java.util.List;

/** Small helpers on {@link SessionPlan}, kept in one place because the record's shape may grow. */
final class Plans {
    private Plans() {}

    static SessionPlan withSteps(SessionPlan plan, List<PlannedStep> steps) {
        return new SessionPlan(plan.programId(), plan.programName(), plan.clientName(), steps,
                plan.sessionCeiling(), plan.notes(), plan.confirmations(), plan.clientId());
    }
}
