package dev.thrum.program;

import dev.thrum.text.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The body regions Thrum knows, in catalogue order. */
public final class RegionCatalogue {
    private final Map<String, Region> regions;

    public RegionCatalogue(Collection<Region> regions) {
        Map<String, Region> byId = new LinkedHashMap<>();
        for (Region r : regions) {
            if (byId.putIfAbsent(r.id(), r) != null) throw new IllegalArgumentException("region " + r.id() + " listed twice");
        }
        for (String id : HardLimits.ALWAYS_BLOCKED) {
            if (!byId.containsKey(id)) throw new IllegalArgumentException("the catalogue must list the blocked region " + id);
        }
        this.regions = java.util.Collections.unmodifiableMap(byId);
    }

    public Optional<Region> find(String id) {
        return Optional.ofNullable(regions.get(id));
    }

    public Region get(String id) {
        Region r = regions.get(id);
        if (r == null) throw new IllegalArgumentException(unknownMessage(id));
        return r;
    }

    public List<Region> all() {
        return List.copyOf(regions.values());
    }

    /** "unknown region 'x'; did you mean 'a' or 'b'?" plus where to look. */
    public String unknownMessage(String id) {
        List<String> near = closestIds(id, 3);
        return "unknown region '" + id + "'" + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ",
                near.stream().map(n -> "'" + n + "'").toList()) + "?") + " (thrum regions are listed in docs/programs.md)";
    }

    /**
     * The known ids nearest to {@code id} by edit distance (ties keep catalogue order),
     * only those close enough to be a plausible typo, and never blocked ones.
     */
    public List<String> closestIds(String id, int max) {
        String probe = id == null ? "" : id.toLowerCase();
        record Scored(String id, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (Region r : regions.values()) {
            if (r.blocked()) continue;
            int d = EditDistance.between(probe, r.id());
            // a substring hit ("glute" in "gluteus-maximus") counts as close
            if (r.id().contains(probe) && probe.length() >= 3) d = Math.min(d, 1);
            // a shared start ("glutes" and "gluteus-maximus") is how people misremember ids
            if (commonPrefix(probe, r.id()) >= 4) d = Math.min(d, 2);
            if (d <= Math.max(2, r.id().length() / 2)) scored.add(new Scored(r.id(), d));
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::distance)).limit(max).map(Scored::id).toList();
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) n++;
        return n;
    }
}
