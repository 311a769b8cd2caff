package dev.thrum.engine;

import dev.thrum.profile.OutputRange;
import dev.thrum.program.SessionPlan;

/**
 * How fast the engine runs a 20-minute program on a fake clock, ticked every 50 ms pacing gap
 * (24,000 ticks), with events drained and a view taken each tick as the live UI would. Prints the
 * figures; not part of the test run (surefire skips *Benchmark).
 * Run: {@code mvn -o -q test-compile && java -cp target/classes:target/test-classes dev.thrum.engine.SessionEngineBenchmark}.
 */
public final class SessionEngineBenchmark {

    public static void main(String[] args) {
        SessionPlan plan = SessionEngineTest.twentyMinutes();
        OutputRange range = new OutputRange.Continuous("rpm", 0, 1750, 2400);
        for (int round = 0; round < 5; round++) {
            FakeClock clock = new FakeClock(0);
            SessionEngine engine = new SessionEngine(plan, range, 50, clock);
            long t0 = System.nanoTime();
            long ticks = 0;
            long commands = engine.start().size();
            while (!engine.finished()) {
                clock.advance(50);
                commands += engine.tick().size();
                engine.drainEvents();
                engine.view();
                ticks++;
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf("round %d: %d ticks, %d commands, %.1f ms, %.2f us per tick%n",
                    round, ticks, commands, ms, ms * 1000 / ticks);
        }
    }
}
