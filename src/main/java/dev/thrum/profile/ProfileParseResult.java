package dev.thrum.profile;

import java.util.List;

/** A parsed profile, or everything that is wrong with it (never both: a bad profile is rejected whole). */
public sealed interface ProfileParseResult {

    record Parsed(DeviceProfile profile) implements ProfileParseResult {}

    record Invalid(List<ProfileProblem> problems) implements ProfileParseResult {
        public Invalid { problems = List.copyOf(problems); }
    }
}
