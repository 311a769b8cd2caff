package dev.thrum.conformance;

import java.util.List;
import java.util.Optional;

/**
 * What {@code thrum conformance} found: the protocol version the device speaks and one result per rule.
 *
 * @param target          what was checked, like {@code serial:/dev/ttyUSB0}
 * @param protocolVersion 2 when the device answered HELLO with INFO, else 1
 */
public record ConformanceReport(String target, int protocolVersion, List<RuleResult> results) {

    public boolean passed() { return results.stream().noneMatch(r -> r.verdict() == RuleResult.Verdict.FAIL); }

    public Optional<RuleResult> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public long count(RuleResult.Verdict v) { return results.stream().filter(r -> r.verdict() == v).count(); }
}
