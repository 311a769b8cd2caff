package dev.thrum.profile.template;

import java.util.Map;

/** Whether a frame fits a template, with the values read from it or the reason it does not fit. */
public sealed interface MatchResult {

    /** @param values the raw value of each named slot or field */
    record Matched(Map<String, Long> values) implements MatchResult {}

    /** @param closeness how far matching got (higher: closer), to pick the most useful reason among templates */
    record Mismatch(String reason, int closeness) implements MatchResult {}
}
