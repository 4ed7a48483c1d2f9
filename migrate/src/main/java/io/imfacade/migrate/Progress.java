package io.imfacade.migrate;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Where a phase stands: how many records (users or groups) it has finished out of how many, and
 * how many failures it reported so far in the whole run.
 *
 * @param phase the phase
 * @param done records finished in this phase, a resumed run's earlier ones included
 * @param total records the phase has in all
 * @param failures failures and differences reported so far by the run
 * @param elapsed time spent in this phase by this process
 * @param doneThisRun records finished in this phase by this process (the rate is theirs)
 */
public record Progress(Phase phase, long done, long total, long failures, Duration elapsed, long doneThisRun) {

  /** Records per second finished by this process in this phase, when some time has passed. */
  public OptionalDouble rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 || doneThisRun == 0 ? OptionalDouble.empty() : OptionalDouble.of(doneThisRun / seconds);
  }

  /** The time the rest of the phase should take at the current rate, when it is known. */
  public java.util.Optional<Duration> eta() {
    OptionalDouble rate = rate();
    if (rate.isEmpty() || done >= total) {
      return done >= total ? java.util.Optional.of(Duration.ZERO) : java.util.Optional.empty();
    }
    return java.util.Optional.of(Duration.ofMillis((long) ((total - done) / rate.getAsDouble() * 1000)));
  }
}
