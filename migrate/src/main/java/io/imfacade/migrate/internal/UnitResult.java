package io.imfacade.migrate.internal;

import io.imfacade.error.ImException;
import io.imfacade.migrate.Failure;
import io.imfacade.migrate.Item;
import io.imfacade.migrate.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one unit of work (one user, a few users, one group) did, held back by the worker until the
 * run commits it in order: its failures, its counts, the users it found cannot be migrated and,
 * for an export, its dump lines. Owned by one thread at a time.
 */
final class UnitResult {

  final Phase phase;
  final long records;
  final List<Failure> failures = new ArrayList<>();
  final Tally tally = new Tally();
  final Map<String, String> excluded = new LinkedHashMap<>();
  final List<byte[]> lines = new ArrayList<>();
  final Map<String, String> created = new LinkedHashMap<>();

  UnitResult(Phase phase, long records) {
    this.phase = phase;
    this.records = records;
  }

  void written(Item item, long n) {
    tally.add(item, Tally.WRITTEN, n);
  }

  void skipped(Item item, long n) {
    tally.add(item, Tally.SKIPPED, n);
  }

  void failed(Item item, long n) {
    tally.add(item, Tally.FAILED, n);
  }

  /** Reports one failure. */
  void failure(@Nullable String user, @Nullable String group, String what, @Nullable String item, String reason,
      @Nullable String exception) {
    failures.add(new Failure(phase, user, group, what, item, reason, exception));
  }

  /** Reports what the target refused. */
  void failure(@Nullable String user, @Nullable String group, String what, @Nullable String item, ImException e) {
    failure(user, group, what, item, e.getMessage(), Errors.type(e));
  }

  /** Reports a refusal found before writing. */
  void failure(@Nullable String user, @Nullable String group, Rules.Refusal r) {
    failure(user, group, r.what(), r.item(), r.reason(), r.exception());
  }

  /** Reports a difference found by reading the target back. */
  void difference(@Nullable String user, @Nullable String group, String what, @Nullable String item, String reason) {
    failures.add(new Failure(Phase.VERIFY, user, group, what, item, reason, null));
  }

  /** Records that {@code user} cannot be migrated, and why: relations to it are then reported. */
  void exclude(String user, String reason) {
    excluded.put(user, reason);
  }
}
