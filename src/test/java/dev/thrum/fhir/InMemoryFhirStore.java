package dev.thrum.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resources the test server holds, kept across server restarts (a database would be). Processes
 * a transaction as a FHIR server on a database does: conditional creates on {@code identifier},
 * {@code urn:uuid} references resolved within the bundle, a reference to anything the server does
 * not hold refused, and all or nothing.
 */
public final class InMemoryFhirStore {
    private final FhirContext ctx;
    private final Map<String, Resource> byId = new LinkedHashMap<>();
    /** "Type|system|value" to the resources with that identifier: a database's index on identifier. */
    private final Map<String, List<Resource>> byIdentifier = new HashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicLong transactions = new AtomicLong();

    InMemoryFhirStore(FhirContext ctx) {
        this.ctx = ctx;
    }

    private volatile java.util.function.Predicate<String> refused = v -> false;

    /** Makes the server refuse (422) any transaction holding a resource whose identifier value matches. */
    void refuse(java.util.function.Predicate<String> identifierValue) {
        this.refused = identifierValue;
    }

    synchronized Bundle transaction(Bundle in) {
        if (in.getType() != Bundle.BundleType.TRANSACTION)
            throw new InvalidRequestException("expected a transaction Bundle, got " + in.getType());
        Map<String, String> resolved = new HashMap<>();
        List<Resource> created = new ArrayList<>();
        Bundle out = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent e : in.getEntry()) {
            if (e.getRequest().getMethod() != Bundle.HTTPVerb.POST)
                throw new InvalidRequestException("this test server takes POST entries only");
            Resource r = e.getResource().copy();
            String type = r.fhirType();
            for (Identifier i : identifiers(r))
                if (refused.test(i.getValue())) throw new UnprocessableEntityException("refused " + i.getValue() + " (test)");
            List<Resource> matches = e.getRequest().hasIfNoneExist() ? find(type, e.getRequest().getIfNoneExist()) : List.of();
            if (matches.size() > 1) throw new PreconditionFailedException("several " + type + " match " + e.getRequest().getIfNoneExist());
            String id;
            String status;
            if (matches.size() == 1) {
                id = matches.get(0).getIdElement().getIdPart();
                status = "200 OK";
            } else {
                id = String.valueOf(nextId.getAndIncrement());
                r.setId(type + "/" + id);
                created.add(r);
                status = "201 Created";
            }
            if (e.hasFullUrl()) resolved.put(e.getFullUrl(), type + "/" + id);
            out.addEntry().getResponse().setStatus(status).setLocation(type + "/" + id + "/_history/1");
        }
        for (Resource r : created) {
            for (Reference ref : ctx.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                String target = ref.getReference();
                if (target == null) continue;
                if (resolved.containsKey(target)) ref.setReference(resolved.get(target));
                else if (!byId.containsKey(target))
                    throw new UnprocessableEntityException("reference to " + target + " which this server does not hold");
            }
        }
        for (Resource r : created) {
            byId.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            for (Identifier i : identifiers(r))
                byIdentifier.computeIfAbsent(r.fhirType() + "|" + i.getSystem() + "|" + i.getValue(), k -> new ArrayList<>()).add(r);
        }
        transactions.incrementAndGet();
        notifyAll();
        return out;
    }

    /** Resources of a type whose identifier matches {@code identifier=system|value}. */
    synchronized List<Resource> find(String type, String search) {
        if (!search.startsWith("identifier=") || !search.contains("|"))
            throw new InvalidRequestException("this test server searches identifier=system|value only, not " + search);
        String sv = search.substring("identifier=".length());
        return List.copyOf(byIdentifier.getOrDefault(type + "|" + sv, List.of()));
    }

    /** Waits until the server holds at least {@code count} resources of a type; false when the time ran out. */
    public synchronized boolean await(String type, int count, java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (all(type).size() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) return false;
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    public synchronized List<Resource> all(String type) {
        return byId.values().stream().filter(r -> r.fhirType().equals(type)).toList();
    }

    synchronized Resource get(String typeAndId) {
        return byId.get(typeAndId);
    }

    long transactions() {
        return transactions.get();
    }

    private static List<Identifier> identifiers(Resource r) {
        if (r instanceof org.hl7.fhir.r4.model.Patient p) return p.getIdentifier();
        if (r instanceof org.hl7.fhir.r4.model.Procedure p) return p.getIdentifier();
        if (r instanceof org.hl7.fhir.r4.model.Observation o) return o.getIdentifier();
        if (r instanceof org.hl7.fhir.r4.model.CarePlan c) return c.getIdentifier();
        return List.of();
    }
}
