package dev.thrum.program;

import dev.thrum.text.Suggestions;
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
     * The known ids nearest to {@code id} by Thrum's one "did you mean" rule ({@link Suggestions}),
     * ties in catalogue order, never blocked ones.
     */
    public List<String> closestIds(String id, int max) {
        List<String> open = regions.values().stream().filter(r -> !r.blocked()).map(Region::id).toList();
        return Suggestions.near(id, open, max);
    }

}
