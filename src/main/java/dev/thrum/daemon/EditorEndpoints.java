package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.program.Client;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.Planner;
import dev.thrum.program.Problem;
import dev.thrum.program.Program;
import dev.thrum.program.ProgramParser;
import dev.thrum.program.Region;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.ValidationException;

/**
 * What the routine editor needs besides the library: the region catalogue (limits beside each field,
 * the firmest pressure each region allows, blocked regions never offered) and a dry run of a program body through the same parser and
 * planner as {@code thrum programs check} and {@code thrum run}, answering every problem with its
 * step and JSON path so the page can show it at the field.
 */
final class EditorEndpoints {
    private final LibraryEndpoints library;

    EditorEndpoints(LibraryEndpoints library) { this.library = library; }

    void register(Router r) {
        r.add("GET", "/regions", q -> ApiResponse.ok(regions(library.catalogue())));
        r.add("POST", "/programs/check", q -> ApiResponse.ok(check(q.bodyText(), q.query("client"))));
    }

    static ObjectNode regions(RegionCatalogue catalogue) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("regions");
        for (Region g : catalogue.all()) {
            list.addObject().put("id", g.id()).put("name", g.name()).put("sides", g.hasSides()).put("cap", g.cap())
                    .put("maxContinuous", g.maxContinuous().toMillis() / 1000.0).put("cue", g.cue()).put("blocked", g.blocked())
                    .put("maxPressure", g.maxPressure().id());
        }
        return out;
    }

    /** 200 either way: {@code valid} with the plan as it would run, or the problems; nothing is saved. */
    private ObjectNode check(String text, String clientId) {
        RegionCatalogue catalogue = library.catalogue();
        ObjectNode out = Json.MAPPER.createObjectNode();
        Program program;
        try {
            program = new ProgramParser(catalogue).parse("program", text);
        } catch (ValidationException e) {
            out.put("valid", false);
            ArrayNode problems = out.putArray("problems");
            for (Problem p : e.problems()) {
                problems.addObject().put("step", p.step()).put("path", p.path()).put("message", p.message()).put("text", p.toString());
            }
            return out;
        }
        Client client = clientId == null || clientId.isBlank() ? null : library.findClient(clientId);
        SessionPlan plan;
        try {
            plan = new Planner(catalogue).plan(program, client);
        } catch (IllegalArgumentException e) {
            out.put("valid", false);
            out.putArray("problems").addObject().putNull("step").putNull("path").put("message", e.getMessage()).put("text", e.getMessage());
            return out;
        }
        out.put("valid", true);
        ObjectNode planJson = WebRoutes.planJson(plan);
        // the timeline needs each step's ramps as they will run: the motor's and the pressure band's
        ArrayNode steps = (ArrayNode) planJson.get("steps");
        for (int i = 0; i < plan.steps().size(); i++) {
            PlannedStep s = plan.steps().get(i);
            ObjectNode step = ((ObjectNode) steps.get(i)).put("rampUp", s.rampUp().toMillis() / 1000.0).put("curve", s.curve().name());
            if (!s.rest()) step.put("pressure", s.pressure().id()).put("maxPressure", s.maxPressure().id())
                    .put("pressureRamp", s.pressureRamp().toMillis() / 1000.0);
        }
        out.set("plan", planJson);
        return out;
    }
}
