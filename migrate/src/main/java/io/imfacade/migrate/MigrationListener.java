package io.imfacade.migrate;

/**
 * Follows a run: its phases, its progress and every failure as it is reported. Every method has a
 * default that does nothing. The methods are called on the thread that runs the migration, in
 * order, one at a time; they should return quickly (a progress bar, a log line), since the run
 * waits for them. An exception thrown by one is not caught: it stops the run like a crash would,
 * and the run can be resumed.
 */
public interface MigrationListener {

  /** A listener that does nothing. */
  MigrationListener NONE = new MigrationListener() {};

  /**
   * A phase starts (or resumes: {@code done} records were finished by earlier runs).
   *
   * @param phase the phase
   * @param done the records finished already
   * @param total the records it has in all
   */
  default void phaseStarted(Phase phase, long done, long total) {}

  /** Records were finished: called after each unit of work (one user, a few users or one group). */
  default void progress(Progress progress) {}

  /** A failure or difference was reported (and written to the failures file). */
  default void failure(Failure failure) {}

  /** A group was created at the target; the mapping is in the checkpoint already. */
  default void groupCreated(String sourceGroupId, String targetGroupId) {}

  /** A phase finished. */
  default void phaseFinished(Phase phase, Progress progress) {}
}
