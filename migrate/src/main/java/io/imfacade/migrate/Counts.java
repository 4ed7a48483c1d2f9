package io.imfacade.migrate;

/**
 * How many things of one {@link Item} a run wrote, skipped and failed to write.
 *
 * @param written written at the target (an export: written to the dump); in a dry run, what would
 *     be written
 * @param skipped already at the target (a registered account, a member already in the group), so
 *     not written again; not a failure
 * @param failed not written; every failed item is covered by a record of the failures file that
 *     says why
 */
public record Counts(long written, long skipped, long failed) {

  /** Nothing counted. */
  public static final Counts ZERO = new Counts(0, 0, 0);

  /** Refuses negative counts. */
  public Counts {
    if (written < 0 || skipped < 0 || failed < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** The sum of the three. */
  public long total() {
    return written + skipped + failed;
  }
}
