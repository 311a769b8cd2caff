/**
 * The session engine: runs a {@link dev.thrum.program.SessionPlan} on a device's
 * {@link dev.thrum.profile.OutputRange}, deciding from the time and the events what the device must
 * do. Pure: no threads, no I/O, time only from an injected {@link java.time.Clock}.
 *
 * <h2>Entry point</h2>
 * {@link dev.thrum.engine.SessionEngine}: {@code start()}, {@code tick()}, {@code control(Control)},
 * {@code onStatus(DeviceStatus)}, {@code onLinkLost()}, {@code onLinkRestored()}, {@code close()} each
 * return the commands to send now; {@code drainEvents()}, {@code view()}, {@code report()} and
 * {@code finished()} tell the caller what happened. Behind it, {@code SessionRun} holds where the
 * session is and makes the moves; each limit is a small class of its own, and {@code WarningTexts}
 * holds the words of every warning (docs/architecture.md, "Inside the engine").
 *
 * <h2>Decisions (and why)</h2>
 * <ul>
 *   <li><b>Intensity scale.</b> Fractions 0..1 as in {@code OutputRange}: 0 is the lowest running
 *       value ("just on"), 1 the highest. So a step "starts at the lowest running value" by starting
 *       its ramp at fraction 0, and the report's peak/mean of a step run at the lowest value is 0.</li>
 *   <li><b>Step shape</b> ({@code RampProfile}). Ramp-up along the step's curve over its ramp-up
 *       time; hold; then a straight ramp-down over the last 3 s (at most a quarter of the step), part
 *       of the step's own time, ending at the lowest running value. Where a long ramp-up meets the
 *       ramp-down the lower of the two wins. Rests send Stop once and keep the motor stopped.</li>
 *   <li><b>Rounding</b> ({@code Quantiser}). Always {@code OutputRange.valueFor}, which rounds down,
 *       then clipped to {@code valueFor(cap)}. The first running command after the motor was stopped
 *       or its state unknown is the lowest running value. A running value changes at most once per
 *       pacing gap within a step (the first value of a new step goes at once: it is never higher than
 *       the lowest running value). Nothing is sent when the value does not change; Stop is sent
 *       unconditionally on pause, stop and the end.</li>
 *   <li><b>Resume</b> ({@code ResumeRamp}) climbs from the lowest running value to the current ramp level over 5 s
 *       (linear), so it never jumps back to the earlier intensity. The step's clock stops while paused.</li>
 *   <li><b>Softer/harder</b> ({@code IntensityStepper}): one level on discrete ranges, 0.05 on
 *       continuous ones; never below 0 (lowest running value, the motor keeps running) nor above the
 *       step's cap. Every press is counted in the step's report, also one that hit a limit
 *       ({@code Adjusted.limited}).</li>
 *   <li><b>Link lost</b>: pause (an interruption), nothing sent while down; a RESUME is refused. On
 *       return, a session paused only by the link resumes by itself from the lowest value; one the
 *       user paused (also during the outage) stays paused and gets a Stop.</li>
 *   <li><b>Battery</b> ({@code BatteryWatch}): warn once at or below 20 %; below 10 % ramp down over 3 s and pause, and
 *       refuse RESUME until a status shows at least 10 %.</li>
 *   <li><b>Device stopped on its own</b>: a status with running=false more than 3 s (spin-up grace)
 *       after we started the motor pauses the session. A status with running=true more than 3 s
 *       after we stopped it sends Stop again.</li>
 *   <li><b>Region time limit</b> ({@code RegionTimeLimit}): continuous running time on one region and side (consecutive steps
 *       on the same region and side add up, PREVIOUS included; a rest or another region resets it)
 *       reaching {@code maxContinuous} gives a warning; the session goes on.</li>
 *   <li><b>Session ceiling</b> ({@code SessionCeiling}) counts active (unpaused) time, rests included. Only when the rest of
 *       the program would run past it (after PREVIOUS, say) does the engine warn, ramp down over the
 *       last 3 s before it and finish with {@code STOPPED_BY_LIMIT}; a program that fits completes.</li>
 *   <li><b>Skip</b> ends the step (reported as skipped) and starts the next from low; skipping the last
 *       step completes the session. <b>Previous</b> goes back one step (or restarts the first) and runs
 *       it again; the report adds up both visits.</li>
 *   <li><b>Late ticks.</b> Every call first catches up to the clock, handling step ends, limits and
 *       wind-downs at the exact moment they fell due, so the report and the total time never depend
 *       on how often the caller ticks; only the moment commands go out does.</li>
 * </ul>
 */
package dev.thrum.engine;
