package io.imfacade.migrate.internal;

import io.imfacade.ImClient;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.migrate.Failure;
import io.imfacade.migrate.Item;
import io.imfacade.migrate.Migration.Mode;
import io.imfacade.migrate.MigrationInterruptedException;
import io.imfacade.migrate.Phase;
import io.imfacade.migrate.Progress;
import io.imfacade.migrate.Summary;
import io.imfacade.migrate.internal.Records.GroupUnit;
import io.imfacade.migrate.internal.Records.UserData;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs one {@link io.imfacade.migrate.Migration}: the phases in order, each as units of work
 * (a few users, one group) on a bounded pool, committed in order by this thread into the
 * failures file, the counts and, for an export, the dump, with a checkpoint saved every half
 * second and whenever the run stops. Internal.
 */
public final class Engine {

  /** Users per unit of the users phase (and of an export): one batch read, one batch registration. */
  static final int USERS_CHUNK = 20;
  /** Users per unit of the relations and verify phases: each user costs a few calls on its own. */
  static final int RELATIONS_CHUNK = 10;
  private static final long SAVE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final Settings s;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final CountDownLatch ended = new CountDownLatch(1);

  // The state of the run: touched by the running thread only, except excluded (read by workers).
  private final Map<String, String> excluded = new ConcurrentHashMap<>();
  private @Nullable Inputs inputs;
  private @Nullable Checkpoint checkpoint;
  private @Nullable FailureLog failureLog;
  private @Nullable AppendFile dump;
  private Tally tally = new Tally();
  private long failures;
  private long differences;
  private @Nullable String firstFailure;
  private long beforeVerifyBytes = -1;
  private Phase phase = Phase.USERS;
  private long done;
  private long total;
  private long doneThisRun;
  private long phaseStart;
  private long lastSave;
  private final long runStart = System.nanoTime();

  /** An engine for {@code settings}, checked by the builder. */
  public Engine(Settings settings) {
    this.s = Objects.requireNonNull(settings, "settings");
  }

  /** What the run is about: the ids, the providers, and what recognises them in a checkpoint. */
  private record Inputs(String source, @Nullable String target, SortedIds users, long userRecords, List<String> groups,
      long groupRecords, String fingerprint, DumpReader.@Nullable Index index) {}

  /** See {@link io.imfacade.migrate.Migration#cancel()}. */
  public void cancel() {
    cancelled.set(true);
  }

  /** See {@link io.imfacade.migrate.Migration#awaitEnd(long)}. */
  public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
    return ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** See {@link io.imfacade.migrate.Migration#run()}. */
  public Summary run() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a migration runs once: build another one to run again");
    }
    ExecutorService pool = Executors.newFixedThreadPool(s.parallelism(), daemonThreads());
    try {
      inputs = inputs();
      open();
      return phases(new OrderedRun(pool, s.parallelism() * 4));
    } finally {
      pool.shutdownNow();
      closeFiles();
      ended.countDown();
    }
  }

  // ---- setting up ----

  private Inputs inputs() {
    if (s.mode() == Mode.IMPORT) {
      DumpReader.Index index = DumpReader.scan(Objects.requireNonNull(s.dump()));
      String target = Objects.requireNonNull(s.target()).provider();
      return new Inputs(index.header().source(), target, index.users(), index.end().users(), List.of(),
          index.end().groups(), Digests.of("import", index.fingerprint(), target), index);
    }
    SortedIds users;
    List<String> groups;
    try {
      users = SortedIds.of(s.users());
      LinkedHashSet<String> distinct = new LinkedHashSet<>();
      for (String g : s.groups()) {
        if (g != null && !g.isBlank()) {
          distinct.add(g.strip());
        }
      }
      groups = List.copyOf(distinct);
    } catch (UncheckedIOException e) {
      throw new InvalidRequestException("users", "cannot read the list of ids: " + e.getMessage());
    }
    String source = Objects.requireNonNull(s.source()).provider();
    String target = s.target() == null ? null : s.target().provider();
    String fingerprint = Digests.of(s.mode().name(), source, String.valueOf(target), users.digest(),
        Digests.of(groups.toArray(new String[0])));
    return new Inputs(source, target, users, users.size(), groups, groups.size(), fingerprint, null);
  }

  /** Loads or starts the checkpoint, opens the failures file (and the dump of an export). */
  private void open() {
    Inputs in = Objects.requireNonNull(inputs);
    Path file = s.checkpoint();
    boolean resumed = false;
    if (file != null && Files.exists(file)) {
      if (!s.resume()) {
        throw new InvalidRequestException("checkpoint", "the checkpoint " + file + " of an earlier run exists: resume"
            + " that run with --resume (the library: resume(true)), or delete the checkpoint to start over (a group"
            + " created by that run would then be created again)");
      }
      Checkpoint loaded = Checkpoint.load(file);
      if (!loaded.mode.equals(s.mode().name()) || !loaded.fingerprint.equals(in.fingerprint())) {
        throw new InvalidRequestException("checkpoint", "the checkpoint " + file + " belongs to another migration ("
            + loaded.mode.toLowerCase(java.util.Locale.ROOT) + " from " + loaded.source
            + (loaded.target == null ? "" : " to " + loaded.target)
            + ", or other users, groups or dump): give the same inputs, or another checkpoint file");
      }
      checkpoint = loaded;
      resumed = true;
    } else {
      checkpoint = Checkpoint.fresh(file, s.mode().name(), in.fingerprint(), in.source(), in.target(),
          s.mode() == Mode.EXPORT ? Phase.EXPORT : Phase.USERS);
    }
    Checkpoint.State state = checkpoint.state();
    phase = state.phase();
    done = state.done();
    tally = state.tally();
    failures = state.failures();
    differences = state.differences();
    firstFailure = state.firstFailure();
    excluded.putAll(state.excluded());
    beforeVerifyBytes = state.beforeVerifyBytes();
    long keepFailures = resumed ? state.failuresBytes() : -1;
    if (resumed && phase == Phase.DONE && s.verify()) {
      // Verify a finished run (again): its earlier differences are replaced by the new ones.
      keepFailures = beforeVerifyBytes >= 0 ? beforeVerifyBytes : state.failuresBytes();
      beforeVerifyBytes = keepFailures;
      differences = 0;
      phase = Phase.VERIFY;
      done = 0;
    }
    failureLog = FailureLog.open(s.failures(), keepFailures);
    if (s.mode() == Mode.EXPORT) {
      Path dumpFile = Objects.requireNonNull(s.dump());
      dump = AppendFile.open(dumpFile, resumed ? state.outputBytes() : -1);
      if (!resumed) {
        dump.write(Dump.header(in.source(), Instant.now(), Objects.requireNonNull(s.source()).capabilities()));
      }
    }
    save(); // from now on a checkpoint exists: a second run without --resume is refused
  }

  // ---- the phases ----

  private Summary phases(OrderedRun ordered) {
    List<Phase> order = s.mode() == Mode.EXPORT ? List.of(Phase.EXPORT, Phase.DONE)
        : s.verify() ? List.of(Phase.USERS, Phase.RELATIONS, Phase.GROUPS, Phase.VERIFY, Phase.DONE)
        : List.of(Phase.USERS, Phase.RELATIONS, Phase.GROUPS, Phase.DONE);
    // A run that verified, resumed without --verify, has nothing left: it goes to DONE.
    int at = order.contains(phase) ? order.indexOf(phase) : order.size() - 1;
    for (int i = at; i < order.size(); i++) {
      Phase next = order.get(i);
      if (next != phase) {
        if (next == Phase.DONE && dump != null) {
          // The end record, in the same save as the phase DONE: a dump without it is known unfinished.
          dump.write(Dump.end(tally.count(Item.USERS, Tally.WRITTEN), tally.count(Item.GROUPS, Tally.WRITTEN),
              tally.count(Item.MEMBERS, Tally.WRITTEN)));
        }
        phase = next;
        done = 0;
        if (phase == Phase.VERIFY) {
          beforeVerifyBytes = failureLog().sync();
        }
        save();
      }
      if (phase == Phase.DONE) {
        break;
      }
      runPhase(ordered);
    }
    if (dump != null) {
      checkpoint().delete(); // the dump is complete: nothing to resume
    }
    return summary();
  }

  private void runPhase(OrderedRun ordered) {
    Inputs in = Objects.requireNonNull(inputs);
    List<AutoCloseable> resources = new ArrayList<>();
    Iterator<Callable<UnitResult>> tasks = switch (phase) {
      case EXPORT -> {
        total = in.userRecords() + in.groupRecords();
        SourceReader reader = new SourceReader(Objects.requireNonNull(s.source()));
        yield concat(batched(ids(in.users(), done), USERS_CHUNK, ids -> () -> exportUsers(reader, ids)),
            batched(in.groups().listIterator((int) Math.max(0, done - in.userRecords())), 1,
                g -> () -> exportGroup(reader, g.get(0))));
      }
      case USERS -> {
        total = in.userRecords();
        TargetWriter writer = writer();
        if (in.index() != null) {
          yield batched(open(DumpReader.users(s.dump(), done), resources), USERS_CHUNK, chunk -> () -> {
            UnitResult r = new UnitResult(Phase.USERS, chunk.size());
            writer.users(chunk, r);
            return r;
          });
        }
        SourceReader reader = new SourceReader(Objects.requireNonNull(s.source()));
        yield batched(ids(in.users(), done), USERS_CHUNK, ids -> () -> {
          UnitResult r = new UnitResult(Phase.USERS, ids.size());
          writer.users(reader.profiles(ids, r), r);
          return r;
        });
      }
      case RELATIONS -> {
        total = in.userRecords();
        TargetWriter writer = writer();
        if (in.index() != null) {
          yield batched(open(DumpReader.users(s.dump(), done), resources), RELATIONS_CHUNK, chunk -> () -> {
            UnitResult r = new UnitResult(Phase.RELATIONS, chunk.size());
            chunk.forEach(u -> writer.relations(u, r));
            return r;
          });
        }
        SourceReader reader = new SourceReader(Objects.requireNonNull(s.source()));
        yield batched(ids(in.users(), done), RELATIONS_CHUNK, ids -> () -> {
          UnitResult r = new UnitResult(Phase.RELATIONS, ids.size());
          for (String id : ids) {
            if (!excluded.containsKey(id)) {
              UserData u = reader.relations(id, r);
              if (u != null) {
                writer.relations(u, r);
              }
            }
          }
          return r;
        });
      }
      case GROUPS -> {
        total = in.groupRecords();
        TargetWriter writer = writer();
        if (in.index() != null) {
          yield batched(open(DumpReader.groups(s.dump(), done), resources), 1, g -> () -> {
            UnitResult r = new UnitResult(Phase.GROUPS, 1);
            writer.group(g.get(0), r);
            return r;
          });
        }
        SourceReader reader = new SourceReader(Objects.requireNonNull(s.source()));
        yield batched(in.groups().listIterator((int) done), 1, g -> () -> {
          UnitResult r = new UnitResult(Phase.GROUPS, 1);
          GroupUnit unit = reader.group(g.get(0), r);
          if (unit != null) {
            writer.group(unit, r);
          }
          return r;
        });
      }
      case VERIFY -> {
        total = in.userRecords() + in.groupRecords();
        yield verifyTasks(in, resources);
      }
      default -> throw new IllegalStateException("no work in phase " + phase);
    };
    phaseStart = System.nanoTime();
    doneThisRun = 0;
    s.listener().phaseStarted(phase, done, total);
    OrderedRun.Outcome outcome;
    try {
      outcome = ordered.run(tasks, this::commit, cancelled::get);
    } finally {
      resources.forEach(Engine::closeQuietly);
    }
    if (outcome.cancelled() || outcome.failure() != null) {
      throw stopped(outcome);
    }
    save();
    s.listener().phaseFinished(phase, progress());
  }

  private Iterator<Callable<UnitResult>> verifyTasks(Inputs in, List<AutoCloseable> resources) {
    ImClient target = Objects.requireNonNull(s.target());
    Verifier verifier = new Verifier(target, in.users(), excluded, checkpoint());
    long userSkip = Math.min(done, in.userRecords());
    long groupSkip = Math.max(0, done - in.userRecords());
    if (in.index() != null) {
      return concat(batched(open(DumpReader.users(s.dump(), userSkip), resources), RELATIONS_CHUNK, chunk -> () -> {
        UnitResult r = new UnitResult(Phase.VERIFY, chunk.size());
        chunk.forEach(u -> verifier.user(u, r));
        return r;
      }), lazy(() -> batched(open(DumpReader.groups(s.dump(), groupSkip), resources), 1, g -> () -> {
        UnitResult r = new UnitResult(Phase.VERIFY, 1);
        verifier.group(g.get(0), r);
        return r;
      })));
    }
    SourceReader reader = new SourceReader(Objects.requireNonNull(s.source()));
    return concat(batched(ids(in.users(), userSkip), RELATIONS_CHUNK, ids -> () -> {
      UnitResult r = new UnitResult(Phase.VERIFY, ids.size());
      List<String> kept = ids.stream().filter(id -> !excluded.containsKey(id)).toList();
      UnitResult read = new UnitResult(Phase.VERIFY, 0);
      for (UserData profile : kept.isEmpty() ? List.<UserData>of() : reader.profiles(kept, read)) {
        UserData u = reader.user(profile, read);
        if (u != null) {
          verifier.user(u, r);
        }
      }
      // The source changed since (a user or relation that cannot be read any more): a difference too.
      read.failures.forEach(f -> r.difference(f.user(), f.group(), f.what(), f.item(), f.reason()));
      return r;
    }), batched(in.groups().listIterator((int) groupSkip), 1, g -> () -> {
      UnitResult r = new UnitResult(Phase.VERIFY, 1);
      UnitResult read = new UnitResult(Phase.VERIFY, 0);
      GroupUnit unit = reader.group(g.get(0), read);
      if (unit != null) {
        verifier.group(unit, r);
      }
      read.failures.forEach(f -> r.difference(f.user(), f.group(), f.what(), f.item(), f.reason()));
      return r;
    }));
  }

  private TargetWriter writer() {
    return new TargetWriter(Objects.requireNonNull(s.target()), s.dryRun(), Objects.requireNonNull(inputs).users(),
        excluded, checkpoint());
  }

  // ---- export units ----

  private UnitResult exportUsers(SourceReader reader, List<String> ids) {
    UnitResult r = new UnitResult(Phase.EXPORT, ids.size());
    for (UserData profile : reader.profiles(ids, r)) {
      UserData u = reader.user(profile, r);
      if (u == null) {
        r.failed(Item.USERS, 1); // its relations could not be read: a partial record would lose them silently
        continue;
      }
      r.lines.add(Dump.user(u));
      r.written(Item.USERS, 1);
      r.written(Item.PROFILE_VALUES, Rules.count(u.profile()));
      List<io.imfacade.contact.Contact> contacts = Objects.requireNonNull(u.contacts());
      r.written(Item.CONTACTS, contacts.size());
      r.written(Item.REMARKS, contacts.stream().filter(c -> c.remark() != null).count());
      r.written(Item.BLOCKS, u.blocked() == null ? 0 : u.blocked().size());
    }
    return r;
  }

  private UnitResult exportGroup(SourceReader reader, String groupId) {
    UnitResult r = new UnitResult(Phase.EXPORT, 1);
    GroupUnit unit = reader.group(groupId, r);
    if (unit != null) {
      r.lines.add(Dump.group(unit.group()));
      unit.members().forEach(m -> {
        r.lines.add(Dump.member(unit.group().groupId(), m));
        r.written(Item.MEMBER_ATTRIBUTES, m.attributes() == null ? 0 : TargetWriter.nonEmpty(m.attributes()));
      });
      r.written(Item.GROUPS, 1);
      r.written(Item.MEMBERS, unit.members().size());
    }
    return r;
  }

  // ---- committing, saving, stopping ----

  private void commit(UnitResult r) {
    for (Failure f : r.failures) {
      failureLog().write(f);
      if (f.isDifference()) {
        differences++;
      } else {
        failures++;
        if (firstFailure == null) {
          firstFailure = f.exception() == null ? "ImException" : f.exception();
        }
      }
      s.listener().failure(f);
    }
    tally.addAll(r.tally);
    if (phase == Phase.USERS || phase == Phase.EXPORT) {
      excluded.putAll(r.excluded);
    }
    if (dump != null) {
      r.lines.forEach(dump::write);
    }
    r.created.forEach((from, to) -> s.listener().groupCreated(from, to));
    done += r.records;
    doneThisRun += r.records;
    s.listener().progress(progress());
    if (System.nanoTime() - lastSave >= SAVE_EVERY_NANOS) {
      save();
    }
  }

  /** Makes the files durable, then records in the checkpoint how far they go. */
  private void save() {
    long failuresBytes = failureLog().sync();
    long outputBytes = dump == null ? 0 : dump.sync();
    checkpoint().publish(new Checkpoint.State(phase, done, failuresBytes, outputBytes, beforeVerifyBytes, tally,
        failures, differences, firstFailure, excluded));
    lastSave = System.nanoTime();
  }

  private MigrationInterruptedException stopped(OrderedRun.Outcome outcome) {
    Throwable failure = outcome.failure();
    try {
      save();
    } catch (RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        failure = e;
      }
    }
    Summary summary = summary();
    String where = "the " + phase.label() + " phase stopped after " + done + " of " + total + " records";
    String how = s.checkpoint() == null
        ? "a dry run keeps no checkpoint: run it again"
        : "what was done is recorded in " + s.checkpoint() + ": run the same command with --resume (the library:"
            + " resume(true)) to continue";
    if (failure == null) {
      return new MigrationInterruptedException("cancelled: " + where + "; " + how, summary, null);
    }
    Throwable cause = failure instanceof Errors.StopRun stop ? stop.failure() : failure;
    String reason = cause instanceof ImException im ? im.getMessage() : "unexpected error: " + cause;
    return new MigrationInterruptedException(where + ": " + reason + "; " + how, summary, cause);
  }

  private Summary summary() {
    Checkpoint cp = checkpoint();
    return new Summary(s.mode(), Objects.requireNonNull(inputs).source(), inputs.target(), s.dryRun(), phase,
        tally.snapshot(), failures, differences, firstFailure, cp.groups(),
        Duration.ofNanos(System.nanoTime() - runStart), cp.runs(), s.failures(), s.checkpoint());
  }

  private Progress progress() {
    return new Progress(phase, done, total, failures + differences, Duration.ofNanos(System.nanoTime() - phaseStart),
        doneThisRun);
  }

  private Checkpoint checkpoint() {
    return Objects.requireNonNull(checkpoint);
  }

  private FailureLog failureLog() {
    return Objects.requireNonNull(failureLog);
  }

  private void closeFiles() {
    if (failureLog != null) {
      closeQuietly(failureLog);
    }
    if (dump != null) {
      closeQuietly(dump);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Everything that matters was synced before the checkpoint recorded it.
    }
  }

  // ---- iterators of units ----

  private static <T extends AutoCloseable> T open(T resource, List<AutoCloseable> resources) {
    resources.add(resource);
    return resource;
  }

  /** The ids of {@code users} from index {@code from} on. */
  private static Iterator<String> ids(SortedIds users, long from) {
    return new Iterator<>() {
      private int next = (int) Math.min(from, users.size());

      @Override
      public boolean hasNext() {
        return next < users.size();
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return users.get(next++);
      }
    };
  }

  /** One task per {@code size} items, read from {@code items} only as tasks are asked for. */
  private static <T> Iterator<Callable<UnitResult>> batched(Iterator<T> items, int size,
      Function<List<T>, Callable<UnitResult>> task) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return items.hasNext();
      }

      @Override
      public Callable<UnitResult> next() {
        List<T> chunk = new ArrayList<>(size);
        while (chunk.size() < size && items.hasNext()) {
          chunk.add(items.next());
        }
        if (chunk.isEmpty()) {
          throw new NoSuchElementException();
        }
        return task.apply(List.copyOf(chunk));
      }
    };
  }

  private static <T> Iterator<T> concat(Iterator<T> first, Iterator<T> second) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return first.hasNext() || second.hasNext();
      }

      @Override
      public T next() {
        return first.hasNext() ? first.next() : second.next();
      }
    };
  }

  /** An iterator made only when first asked (a second pass over the dump opens the file then). */
  private static <T> Iterator<T> lazy(java.util.function.Supplier<Iterator<T>> make) {
    return new Iterator<>() {
      private @Nullable Iterator<T> it;

      private Iterator<T> it() {
        if (it == null) {
          it = make.get();
        }
        return it;
      }

      @Override
      public boolean hasNext() {
        return it().hasNext();
      }

      @Override
      public T next() {
        return it().next();
      }
    };
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "imfacade-migrate-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
