package io.imfacade.migrate;

import io.imfacade.ImClient;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.migrate.internal.Engine;
import io.imfacade.migrate.internal.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Moves users' data from one vendor to another through the neutral API: an {@linkplain #export
 * export} from any {@link ImClient} into a portable dump file, an {@linkplain #importDump import} of
 * a dump into any client, or a {@linkplain #migrate migration} from one client to another in one
 * pass, without a dump.
 *
 * <pre>{@code
 * Summary s = Migration.migrate(easemob, netease)
 *     .users(IdLists.read(Path.of("users.txt")))
 *     .groups(IdLists.read(Path.of("groups.tsv")))
 *     .failures(Path.of("failures.ndjson"))
 *     .checkpoint(Path.of("migrate.checkpoint"))
 *     .resume(true)                 // continue an interrupted run, if there was one
 *     .listener(myProgressBar)
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>What moves, for the users given (the neutral API cannot list them) and the groups given (nor
 * those): each user's account (registered at the target without a password: passwords and tokens
 * cannot be read from a vendor, so the app issues new ones with {@code accounts().setPassword} or
 * {@code issueToken}), profile with every custom attribute, contacts with remarks, block list; each
 * group (created at the target, which issues a new id: the mapping is in the {@link
 * Summary#groups()} and the checkpoint) with its members and their attributes. Contacts, blocked
 * users and members outside the given users are reported, not written.
 *
 * <p>Nothing is lost silently: what the target cannot take (a capability it lacks, a value over its
 * limit, a full block list) is checked against the target's {@link ImClient#metadata()} before it is
 * sent, reported in the failures file with the reason, counted in the {@link Summary}, and the rest
 * of the record is written. {@link Builder#dryRun} reports all of that and writes nothing; {@link
 * Builder#verify} reads the target back afterwards and reports every difference.
 *
 * <p>A run is resumable: a checkpoint records the phase and the records done (written durably: a new
 * file, fsync, atomic rename). A run that was cancelled, crashed, or stopped on a vendor outage
 * continues with {@code resume(true)} and neither redoes nor duplicates what was done: every write
 * is idempotent except a group's creation, whose new id is recorded in the checkpoint as soon as the
 * target answers (see the package documentation for the one window that remains).
 *
 * <p>A migration is thread-safe to {@link #cancel()} from another thread (a shutdown hook); {@link
 * #run()} runs once.
 */
public final class Migration {

  /** What a run does. */
  public enum Mode {
    /** Source to dump file. */
    EXPORT,
    /** Dump file to target. */
    IMPORT,
    /** Source to target, in one pass. */
    MIGRATE
  }

  /** The default number of records worked on at once. */
  public static final int DEFAULT_PARALLELISM = 16;

  private final Engine engine;

  private Migration(Settings settings) {
    this.engine = new Engine(settings);
  }

  /**
   * An export of the given users and groups from {@code source} into {@code dump} (newline-delimited
   * JSON, see the package documentation). Its checkpoint defaults to {@code <dump>.checkpoint} and is
   * deleted once the dump is complete; its failures file (users and groups the source does not
   * have) to {@code <dump>.failures.ndjson}.
   */
  public static Builder export(ImClient source, Path dump) {
    Builder b = new Builder(Mode.EXPORT);
    b.source = Objects.requireNonNull(source, "source");
    b.dump = Objects.requireNonNull(dump, "dump");
    return b;
  }

  /**
   * An import of {@code dump} into {@code target}. Its checkpoint defaults to {@code
   * <dump>.import.checkpoint}, its failures file to {@code <dump>.import-failures.ndjson} ({@code
   * <dump>.dry-run.ndjson} for a dry run).
   */
  public static Builder importDump(Path dump, ImClient target) {
    Builder b = new Builder(Mode.IMPORT);
    b.dump = Objects.requireNonNull(dump, "dump");
    b.target = Objects.requireNonNull(target, "target");
    return b;
  }

  /**
   * A migration of the given users and groups from {@code source} to {@code target}, in one pass.
   * Its checkpoint defaults to {@code migrate.checkpoint} and its failures file to {@code
   * migrate.failures.ndjson} ({@code migrate.dry-run.ndjson} for a dry run), both in the working
   * directory.
   */
  public static Builder migrate(ImClient source, ImClient target) {
    Builder b = new Builder(Mode.MIGRATE);
    b.source = Objects.requireNonNull(source, "source");
    b.target = Objects.requireNonNull(target, "target");
    return b;
  }

  /**
   * Runs the migration to its end, or from where an earlier run stopped when built with {@code
   * resume(true)}.
   *
   * @return what the whole migration did, earlier runs included
   * @throws MigrationInterruptedException if it was cancelled or stopped by a failure that would
   *     fail every record after it; the checkpoint holds what was done
   * @throws io.imfacade.error.InvalidRequestException if a file is unreadable or malformed (a
   *     dump without its end record, say), or a checkpoint exists without {@code resume(true)}, or
   *     belongs to another migration
   * @throws IllegalStateException if called twice
   */
  public Summary run() {
    return engine.run();
  }

  /**
   * Asks the run to stop: no new record is started, the ones under way finish, the checkpoint is
   * written, and {@link #run()} throws {@link MigrationInterruptedException}. Returns at once.
   */
  public void cancel() {
    engine.cancel();
  }

  /**
   * Waits until {@link #run()} has returned or thrown (after a {@link #cancel()}, the checkpoint is
   * written by then), at most {@code timeoutMillis}.
   *
   * @return whether the run ended within the time
   */
  public boolean awaitEnd(long timeoutMillis) throws InterruptedException {
    return engine.awaitEnd(timeoutMillis);
  }

  /** Configures a {@link Migration}. Not thread-safe. */
  public static final class Builder {
    private final Mode mode;
    private @Nullable ImClient source;
    private @Nullable ImClient target;
    private @Nullable Path dump;
    private Iterable<String> users = List.of();
    private Iterable<String> groups = List.of();
    private @Nullable Path checkpoint;
    private @Nullable Path failures;
    private boolean resume;
    private boolean dryRun;
    private boolean verify;
    private int parallelism = DEFAULT_PARALLELISM;
    private MigrationListener listener = MigrationListener.NONE;

    private Builder(Mode mode) {
      this.mode = mode;
    }

    /**
     * The users to export or migrate, by id (case-insensitive; blank ones and repeats are ignored).
     * An import takes the users of its dump.
     */
    public Builder users(Iterable<String> userIds) {
      this.users = Objects.requireNonNull(userIds, "userIds");
      return this;
    }

    /** The groups to export or migrate, by the source's ids. An import takes the groups of its dump. */
    public Builder groups(Iterable<String> groupIds) {
      this.groups = Objects.requireNonNull(groupIds, "groupIds");
      return this;
    }

    /** Where the checkpoint is kept (see the factory methods for the default). */
    public Builder checkpoint(Path checkpoint) {
      this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
      return this;
    }

    /** Where the failures are written, one JSON line each (see the factory methods for the default). */
    public Builder failures(Path failures) {
      this.failures = Objects.requireNonNull(failures, "failures");
      return this;
    }

    /**
     * Whether to continue the run its checkpoint describes. Without it, a run refuses to start
     * over an existing checkpoint (which would redo, and for groups duplicate, what it did); with
     * it and no checkpoint, the run starts from the beginning.
     */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /**
     * Whether to only check: read everything, check every record against the target's limits and
     * capabilities, report what it could not take, and write nothing to the target (nor a
     * checkpoint). Not for an export.
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * Whether to read the target back once everything is written and report every difference with
     * what was to be written (in the failures file, phase {@code verify}). Not for an export.
     */
    public Builder verify(boolean verify) {
      this.verify = verify;
      return this;
    }

    /**
     * How many records are worked on at once (default {@value #DEFAULT_PARALLELISM}). The clients
     * pace their own requests to the vendors' rate limits; this bounds the calls in flight.
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1 || parallelism > 256) {
        throw new InvalidRequestException("parallelism", "parallelism must be between 1 and 256, was " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** Who follows the run (default: nobody). */
    public Builder listener(MigrationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The migration.
     *
     * @throws InvalidRequestException for an export asked to dry-run or verify
     */
    public Migration build() {
      if (mode == Mode.EXPORT && (dryRun || verify)) {
        throw new InvalidRequestException(dryRun ? "dryRun" : "verify",
            "an export writes only its dump: dry-run and verify are for an import or a migration");
      }
      if (dryRun && verify) {
        throw new InvalidRequestException("verify", "a dry run writes nothing, so there is nothing to verify");
      }
      Path base = dump;
      Path failuresFile = failures != null ? failures : switch (mode) {
        case EXPORT -> sibling(base, ".failures.ndjson");
        case IMPORT -> sibling(base, dryRun ? ".dry-run.ndjson" : ".import-failures.ndjson");
        case MIGRATE -> Path.of(dryRun ? "migrate.dry-run.ndjson" : "migrate.failures.ndjson");
      };
      Path checkpointFile = checkpoint != null ? checkpoint : switch (mode) {
        case EXPORT -> sibling(base, ".checkpoint");
        case IMPORT -> sibling(base, ".import.checkpoint");
        case MIGRATE -> Path.of("migrate.checkpoint");
      };
      return new Migration(new Settings(mode, source, target, dump, users, groups, dryRun ? null : checkpointFile,
          failuresFile, resume, dryRun, verify, parallelism, listener));
    }

    private static Path sibling(@Nullable Path file, String suffix) {
      Path f = Objects.requireNonNull(file, "dump");
      return f.resolveSibling(f.getFileName() + suffix);
    }
  }
}
