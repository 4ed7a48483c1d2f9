package io.imfacade.migrate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a run did, over all its runs when it was resumed: the counts of each {@link Item}, the
 * failures and differences it reported, and the ids the target issued for the groups it created.
 *
 * @param mode export, import or migrate
 * @param source the source provider's id (an import: the one the dump names)
 * @param target the target provider's id, or null for an export
 * @param dryRun whether nothing was written (the counts are what would have been written)
 * @param phase the phase reached: {@link Phase#DONE} when the run finished
 * @param counts the counts of every item
 * @param failures the failures reported (records of the failures file outside {@link Phase#VERIFY})
 * @param differences the differences {@link Phase#VERIFY} found
 * @param firstFailure the exception type of the first failure (such as {@code
 *     InvalidRequestException}), or null when there was none
 * @param groups the source id of every group created at the target, with the id the target
 *     issued, in the order of creation
 * @param elapsed the time this process spent
 * @param runs how many runs made it: 1, plus one for each resume
 * @param failuresFile the failures file
 * @param checkpoint the checkpoint file, or null for a dry run
 */
public record Summary(Migration.Mode mode, String source, @Nullable String target, boolean dryRun, Phase phase,
    Map<Item, Counts> counts, long failures, long differences, @Nullable String firstFailure,
    Map<String, String> groups, Duration elapsed, int runs, Path failuresFile, @Nullable Path checkpoint) {

  /** Copies the maps; an item without counts gets {@link Counts#ZERO}. */
  public Summary {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(phase, "phase");
    EnumMap<Item, Counts> all = new EnumMap<>(Item.class);
    for (Item item : Item.values()) {
      all.put(item, counts.getOrDefault(item, Counts.ZERO));
    }
    counts = Collections.unmodifiableMap(all);
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  /** The counts of one item. */
  public Counts of(Item item) {
    return counts.get(item);
  }

  /** Whether the run finished with nothing reported: no failure and no difference. */
  public boolean complete() {
    return phase == Phase.DONE && failures == 0 && differences == 0;
  }
}
