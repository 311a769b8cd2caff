package dev.thrum.conformance;

/**
 * The outcome of one rule of docs/open-serial-protocol.md against a device.
 *
 * @param id      short, stable name of the rule (tests and makers refer to it)
 * @param section where the document states it
 * @param verdict pass, fail, warn (a "should" the device does not follow) or skip (not for this version)
 * @param detail  what was checked and what happened, in words
 * @param sent    the device's frames during the check, in hex (may be empty)
 */
public record RuleResult(String id, String section, Verdict verdict, String detail, String sent) {

    public enum Verdict { PASS, FAIL, WARN, SKIP }
}
