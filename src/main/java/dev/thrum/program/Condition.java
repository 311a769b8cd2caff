package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conditions screened at client set-up (from docs/safety.md). Each tightens the defaults; the reason is
 * shown to the therapist and, for those needing it, before the client's first run.
 */
public enum Condition {
    PREGNANCY(rule(PressureBand.MEDIUM, 0.5, Map.of("lower-back", 0.2, "quadratus-lumborum", 0.3), Set.of("hip-flexors"), null,
            "Keep off the abdomen and the front of the hip, stay gentle on the lower back, and check with the midwife or doctor first.")),
    PACEMAKER(rule(1.0, Map.of(), Set.of("upper-back", "shoulders", "upper-trapezius"), null,
            "A pacemaker or implanted defibrillator sits under the collarbone; percussion and the motor are kept away from the chest, shoulders and upper back near it.")),
    BLOOD_THINNERS(rule(PressureBand.LIGHT, 0.4, Map.of(), Set.of(), null,
            "Blood thinners and clotting disorders bruise easily: every region is capped low.")),
    RECENT_SURGERY(rule(PressureBand.LIGHT, 0.4, Map.of(), Set.of(), null,
            "Recent surgery or injury: gentle everywhere, and add the affected region to the avoid list until it has healed.")),
    OSTEOPOROSIS(rule(PressureBand.LIGHT, 0.35, Map.of("lower-back", 0.2, "quadratus-lumborum", 0.2, "upper-back", 0.2, "feet", 0.2), Set.of(), null,
            "Fragile bone: low caps everywhere and lowest where bone lies close under the muscle (back, feet).")),
    DIABETIC_NEUROPATHY(rule(PressureBand.LIGHT, 0.4, Map.of("calves", 0.3), Set.of("feet"), null,
            "Reduced feeling in the feet and legs hides pressure that is too high; the feet are skipped and the legs kept gentle.")),
    HERNIATED_DISC(rule(PressureBand.MEDIUM, 1.0, Map.of("lower-back", 0.2, "quadratus-lumborum", 0.3), Set.of(), null,
            "Percussion beside a herniated disc can aggravate it: the lower back and quadratus lumborum are capped low.")),
    SPONDYLOLISTHESIS(rule(PressureBand.MEDIUM, 1.0, Map.of("lower-back", 0.15, "quadratus-lumborum", 0.3), Set.of(), null,
            "A slipped vertebra: the lower back is kept very gentle.")),
    SPONDYLOLYSIS(rule(PressureBand.MEDIUM, 1.0, Map.of("lower-back", 0.2, "quadratus-lumborum", 0.3), Set.of(), null,
            "A stress fracture of the vertebra: the lower back is kept gentle.")),
    EPILEPSY(rule(1.0, Map.of(), Set.of(), Duration.ofMinutes(15),
            "Shorter sessions (15 minutes at most), ideally with someone nearby.")),
    UNCONTROLLED_HYPERTENSION(rule(PressureBand.MEDIUM, 0.5, Map.of("upper-trapezius", 0.3), Set.of(), Duration.ofMinutes(15),
            "Uncontrolled high blood pressure: moderate intensity, short sessions, gentle near the neck.")),
    JOINT_REPLACEMENT(rule(PressureBand.MEDIUM, 0.6, Map.of(), Set.of(), null,
            "Joint replacements or metal implants: never directly over the implant; add that region to the avoid list.")),
    REDUCED_SENSATION(rule(PressureBand.LIGHT, 0.4, Map.of(), Set.of(), null,
            "Numbness or reduced sensation means the person cannot feel when pressure is too much: low caps everywhere."));

    private final ConditionRule rule;

    Condition(ConditionRule rule) {
        this.rule = rule;
    }

    // every condition asks for a confirmation before the first run: each is a reason to have talked to a clinician
    private static ConditionRule rule(double allCap, Map<String, Double> caps, Set<String> avoid, Duration maxSession, String reason) {
        return rule(PressureBand.FIRM, allCap, caps, avoid, maxSession, reason);
    }

    private static ConditionRule rule(PressureBand maxPressure, double allCap, Map<String, Double> caps, Set<String> avoid,
                                      Duration maxSession, String reason) {
        return new ConditionRule(allCap, caps, avoid, maxSession, true, reason, maxPressure);
    }

    public ConditionRule rule() {
        return rule;
    }

    /** The spelling in files and on the command line: herniated-disc, blood-thinners. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Condition> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equals(key.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
