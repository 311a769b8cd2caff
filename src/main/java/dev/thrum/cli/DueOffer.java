package dev.thrum.cli;

import dev.thrum.plan.PlanProgress;
import dev.thrum.text.TerminalText;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code thrum run} without a program: offers what the plans say is due today. On a terminal the
 * person picks one by number; otherwise the list is printed with the command to run each.
 */
final class DueOffer {
    /** A due program and whose plan it is. */
    record Choice(String programId, String clientId) {}

    private DueOffer() {}

    /** @param readLine the person's answer, or null when not on a terminal */
    static Choice choose(PlanSupport plans, String clientName, Supplier<String> readLine, PrintWriter out, PrintWriter err) {
        List<Choice> due = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (PlanSupport.ClientDay d : plans.todayFor(clientName)) {
            for (PlanProgress.Item i : d.items()) {
                if (i.status() != PlanProgress.Status.DUE) continue;
                due.add(new Choice(i.programId(), d.client().id()));
                lines.add(TerminalText.safe(d.client().name()) + ": " + TodayCommand.line(i, plans).trim());
            }
        }
        if (due.isEmpty()) {
            err.println("thrum run: name a program (see 'thrum programs list'); nothing is due today by the plans"
                    + " (see 'thrum today')");
            return null;
        }
        out.println("Due today:");
        for (int n = 0; n < due.size(); n++) out.println("  " + (n + 1) + ". " + lines.get(n));
        if (readLine == null) {
            err.println("thrum run: name the program to run, for example: thrum run " + due.get(0).programId()
                    + " --client " + due.get(0).clientId());
            return null;
        }
        out.print("Run which (1-" + due.size() + ", Enter cancels)? ");
        out.flush();
        String answer = readLine.get();
        try {
            int n = Integer.parseInt(answer == null ? "" : answer.trim());
            if (n >= 1 && n <= due.size()) return due.get(n - 1);
        } catch (NumberFormatException ignored) {
            // cancelled below
        }
        err.println("thrum run: nothing started");
        return null;
    }
}
