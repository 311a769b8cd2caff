package dev.thrum.daemon;

import dev.thrum.store.PrivateFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.store.ClientStore;
import dev.thrum.store.IoReason;
import dev.thrum.store.TextFiles;
import dev.thrum.program.JsonSource;
import dev.thrum.program.Plan;
import dev.thrum.program.PlanJson;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.store.ThrumDirs;
import dev.thrum.program.Client;
import dev.thrum.program.ClientJson;
import dev.thrum.program.Problem;
import dev.thrum.program.Program;
import dev.thrum.program.ProgramLibrary;
import dev.thrum.program.ProgramParser;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Programs and clients for therapists: list, read, create ({@code POST}) and update ({@code PUT}).
 * A body is validated exactly as a file would be (same parser, same messages naming the JSON path,
 * line and step) and only a valid one is written, atomically, so nothing already saved is lost.
 */
final class LibraryEndpoints {
    private static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    private final ThrumDirs dirs;

    LibraryEndpoints(ThrumDirs dirs) { this.dirs = dirs; }

    void register(Router r) {
        r.add("GET", "/programs", q -> ApiResponse.ok(listPrograms()));
        r.add("GET", "/programs/{id}", q -> ApiResponse.ok(program(id(q, "program"))));
        r.add("POST", "/programs", q -> saveProgram(null, q.bodyText()));
        r.add("PUT", "/programs/{id}", q -> saveProgram(id(q, "program"), q.bodyText()));
        r.add("GET", "/clients", q -> ApiResponse.ok(listClients()));
        r.add("GET", "/clients/{id}", q -> ApiResponse.ok(client(id(q, "client"))));
        r.add("POST", "/clients", q -> saveClient(null, q.bodyText()));
        r.add("PUT", "/clients/{id}", q -> saveClient(id(q, "client"), q.bodyText()));
        r.add("GET", "/clients/{id}/plan", q -> ApiResponse.ok(plan(id(q, "client"))));
        r.add("PUT", "/clients/{id}/plan", q -> savePlan(id(q, "client"), q.bodyText()));
        r.add("DELETE", "/clients/{id}/plan", q -> clearPlan(id(q, "client")));
    }

    private static String id(ApiRequest q, String what) {
        String id = q.path("id");
        if (!id.matches(ID)) throw ApiException.badRequest("'" + id + "' is not a " + what + " id",
                "ids are lower-case words joined by '-', for example sciatica-relief");
        return id;
    }

    RegionCatalogue catalogue() {
        try {
            return RegionCatalogueLoader.load(dirs.config());
        } catch (ValidationException e) {
            throw invalid("the region catalogue override is invalid", e, "fix " + dirs.config().resolve(RegionCatalogueLoader.OVERRIDE_FILE));
        }
    }

    ProgramLibrary library() { return ProgramLibraryLoader.load(catalogue(), dirs.programs()); }

    private ObjectNode listPrograms() {
        ProgramLibrary lib = library();
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("programs");
        for (ProgramLibrary.Entry e : lib.entries()) {
            Program p = e.program();
            list.addObject().put("id", p.id()).put("name", p.name()).put("author", p.author())
                    .put("description", p.description()).put("minutes", p.totalDuration().toSeconds() / 60.0)
                    .put("source", e.source()).put("builtIn", e.source().startsWith("built-in"));
        }
        ArrayNode problems = out.putArray("problems");
        lib.problems().forEach(p -> problems.add(p.getMessage()));
        ArrayNode messages = out.putArray("messages");
        lib.messages().forEach(messages::add);
        return out;
    }

    private ObjectNode program(String id) throws IOException {
        ProgramLibrary.Entry e = library().entry(id).orElseThrow(() -> ApiException.notFound("no program '" + id + "'",
                "list programs with GET /programs"));
        String text;
        Path file = dirs.programs().resolve(id + ".json");
        if (e.source().equals(file.toString())) {
            text = TextFiles.readUtf8(file);
        } else {
            try (InputStream in = LibraryEndpoints.class.getResourceAsStream("/programs/" + id + ".json")) {
                if (in == null) throw ApiException.notFound("program '" + id + "' comes from " + e.source(), null);
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode().put("id", id).put("source", e.source());
        out.set("program", Json.MAPPER.readTree(text));
        return out;
    }

    private ApiResponse saveProgram(String pathId, String text) throws IOException {
        String source = pathId == null ? "POST /programs" : "PUT /programs/" + pathId;
        Program p;
        try {
            p = new ProgramParser(catalogue()).parse(source, text);
        } catch (ValidationException e) {
            throw invalid("the program is not valid", e, "fix the places named in problems; nothing was saved");
        }
        if (pathId != null && !pathId.equals(p.id()))
            throw ApiException.badRequest(source + " ($.id): the program's id '" + p.id() + "' differs from the one in the path",
                    "use the same id in the path and the body; nothing was saved");
        // a file with a built-in's id would hide the built-in for every client: a copy needs its own id
        if (ProgramLibraryLoader.BUILT_IN.contains(p.id()))
            throw ApiException.conflict(source + " ($.id): '" + p.id() + "' is a built-in program and cannot be replaced",
                    "give your copy a new id, for example " + p.id() + "-copy; nothing was saved");
        Path file = dirs.programs().resolve(p.id() + ".json");
        boolean existed = Files.exists(file);
        if (pathId == null && existed)
            throw ApiException.conflict(source + " ($.id): a program '" + p.id() + "' already exists in " + dirs.programs(),
                    "update it with PUT /programs/" + p.id());
        try {
            PrivateFiles.writeAtomically(file, text.endsWith("\n") ? text : text + "\n");
        } catch (IOException e) {
            throw new ApiException(500, "cannot save " + file + ": " + IoReason.of(e), "nothing was saved; check the disk and the directory's permissions");
        }
        ObjectNode out = Json.MAPPER.createObjectNode().put("id", p.id()).put("saved", file.toString())
                .put("created", !existed);
        return new ApiResponse.JsonBody(existed ? 200 : 201, out);
    }

    private ClientStore clients() { return new ClientStore(dirs.clients(), catalogue()); }

    private ObjectNode listClients() {
        ClientStore store = clients();
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("clients");
        for (Client c : store.list()) list.add(clientJson(c));
        ArrayNode problems = out.putArray("problems");
        store.problems().forEach(p -> problems.add(p.getMessage()));
        return out;
    }

    private JsonNode client(String id) {
        Path file = clients().fileOf(id);
        if (!Files.isRegularFile(file)) throw ApiException.notFound("no client '" + id + "'", "list clients with GET /clients");
        try {
            return clientJson(ClientJson.read(file.toString(), TextFiles.readUtf8(file), catalogue()));
        } catch (ValidationException e) {
            throw invalid("the client file is not valid", e, "fix the file or replace it with PUT /clients/" + id);
        } catch (IOException e) {
            throw new ApiException(500, "cannot read " + file + ": " + IoReason.of(e), null);
        }
    }

    private static JsonNode clientJson(Client c) {
        try {
            return Json.MAPPER.readTree(ClientJson.write(c));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiResponse saveClient(String pathId, String text) {
        String source = pathId == null ? "POST /clients" : "PUT /clients/" + pathId;
        Client c;
        try {
            c = ClientJson.read(source, text, catalogue());
        } catch (ValidationException e) {
            throw invalid("the client is not valid", e, "fix the places named in problems; nothing was saved");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(source + ": " + e.getMessage(), "nothing was saved");
        }
        if (pathId != null && !pathId.equals(c.id()))
            throw ApiException.badRequest(source + " ($.id): the client's id '" + c.id() + "' differs from the one in the path",
                    "use the same id in the path and the body; nothing was saved");
        ClientStore store = clients();
        boolean existed = Files.exists(store.fileOf(c.id()));
        if (pathId == null && existed)
            throw ApiException.conflict(source + " ($.id): a client '" + c.id() + "' already exists", "update it with PUT /clients/" + c.id());
        // A body without "plan" (an editor that does not know plans) keeps the saved plan; "plan": null removes it.
        if (existed && !mentionsPlan(text)) c = c.withPlan(store.find(c.id()).map(Client::plan).orElse(null));
        store.save(c);
        ObjectNode out = Json.MAPPER.createObjectNode().put("id", c.id()).put("created", !existed);
        out.set("client", clientJson(c));
        return new ApiResponse.JsonBody(existed ? 200 : 201, out);
    }

    private ObjectNode plan(String id) {
        Client c = findClient(id);
        ObjectNode out = Json.MAPPER.createObjectNode().put("client", c.id());
        if (c.plan() == null) out.putNull("plan");
        else PlanJson.write(c.plan(), out.putObject("plan"));
        return out;
    }

    private ApiResponse savePlan(String id, String text) {
        String source = "PUT /clients/" + id + "/plan";
        Client c = findClient(id);
        List<Problem> problems = new ArrayList<>();
        Plan plan;
        try {
            JsonSource src = JsonSource.parse(source, text);
            plan = PlanJson.read(src, "", src.root(), problems);
            if (plan != null) {
                for (int i = 0; i < plan.programs().size(); i++) {
                    String p = plan.programs().get(i);
                    if (library().find(p).isEmpty())
                        problems.add(src.problem(null, "/programs/" + i, "no program '" + p + "'; list programs with GET /programs"));
                }
            }
        } catch (ValidationException e) {
            throw invalid("the plan is not valid", e, "send one JSON object; nothing was saved");
        }
        if (!problems.isEmpty())
            throw invalid("the plan is not valid", new ValidationException(problems), "fix the places named in problems; nothing was saved");
        clients().save(c.withPlan(plan));
        return ApiResponse.ok(plan(id));
    }

    private ApiResponse clearPlan(String id) {
        Client c = findClient(id);
        if (c.plan() != null) clients().save(c.withPlan(null));
        return ApiResponse.ok(plan(id));
    }

    private static boolean mentionsPlan(String text) {
        try {
            return Json.MAPPER.readTree(text).has("plan");
        } catch (IOException e) {
            return true;
        }
    }

    /** The planner's input for a session request. */
    Program findProgram(String id) {
        return library().find(id).orElseThrow(() -> ApiException.notFound("no program '" + id + "'",
                "list programs with GET /programs"));
    }

    Client findClient(String idOrName) {
        try {
            return clients().get(idOrName);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage(), "list clients with GET /clients");
        } catch (ValidationException e) {
            throw invalid("the client file is not valid", e, "fix it with PUT /clients/ID");
        }
    }

    static ApiException invalid(String what, ValidationException e, String hint) {
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        return new ApiException(400, what + ": " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
                hint, problems);
    }
}
