package io.imfacade.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.migrate.Counts;
import io.imfacade.migrate.IdLists;
import io.imfacade.migrate.Item;
import io.imfacade.migrate.Migration;
import io.imfacade.migrate.Phase;
import io.imfacade.migrate.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code imfacade export}, {@code import} and {@code migrate}: switching vendor with the {@link
 * Migration} library. Progress goes to stderr (a bar on a terminal, plain lines otherwise, nothing
 * with {@code --quiet}), the summary to stdout once the run ends. Ctrl-C stops the run cleanly:
 * the records under way finish and the checkpoint is written, so that {@code --resume} continues.
 *
 * <p>Exit codes: 0 when everything was carried over (and verified, with {@code --verify}); else
 * the code of the first failure reported (1 a user or group missing, 2 something the target cannot
 * take, 3 a refusal of the vendor), 3 for differences found by {@code --verify}; a run stopped by
 * an outage exits with the code of its cause (3) and can be resumed.
 */
abstract class MigrationCommand extends BaseCommand {

  /** How often a plain progress line is printed when stderr is not a terminal. */
  static final Duration LINE_INTERVAL = Duration.ofSeconds(5);

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "Where the checkpoint is kept (default: next to the dump; migrate.checkpoint for migrate).")
  Path checkpoint;

  @Option(names = "--failures", paramLabel = "FILE",
      description = "Where every failure is written, one JSON line each with the user and the reason.")
  Path failures;

  @Option(names = "--resume", description = "Continue the run the checkpoint records, without redoing what it did.")
  boolean resume;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Records worked on at once (default ${DEFAULT-VALUE}); the vendors' rate limits still apply.")
  int parallelism = Migration.DEFAULT_PARALLELISM;

  @Option(names = "--progress", paramLabel = "STYLE",
      description = "auto (a bar on a terminal, else lines), bar, lines or none; default ${DEFAULT-VALUE}.")
  ProgressReporter.Style progress = ProgressReporter.Style.AUTO;

  @Option(names = {"-q", "--quiet"}, description = "Show no progress (the summary is still printed).")
  boolean quiet;

  /** Builds the migration; clients it opens are added to {@code open}, and closed by the caller. */
  abstract Migration.Builder builder(List<ImClient> open);

  @Override
  public final Integer call() {
    ImfacadeCommand root = root();
    List<ImClient> clients = new ArrayList<>();
    Summary summary;
    try (ProgressReporter reporter = ProgressReporter.of(quiet ? ProgressReporter.Style.NONE : progress, root.err(),
        LINE_INTERVAL)) {
      Migration.Builder b = builder(clients).parallelism(parallelism).resume(resume).listener(reporter);
      if (checkpoint != null) {
        b.checkpoint(checkpoint);
      }
      if (failures != null) {
        b.failures(failures);
      }
      Migration migration = b.build();
      // Ctrl-C: finish the records under way and write the checkpoint before the JVM exits.
      Thread hook = new Thread(() -> {
        migration.cancel();
        try {
          migration.awaitEnd(30_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "imfacade-migrate-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        summary = migration.run();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // The JVM is shutting down: the hook is running and waits for this run.
        }
      }
    } finally {
      clients.forEach(ImClient::close);
    }
    Output out = root.output();
    if (out.json()) {
      out.json(json(summary));
    } else {
      print(summary, out);
    }
    return exitCode(summary);
  }

  /** Opens a client from {@code config}, remembered for closing. */
  static ImClient open(List<ImClient> open, ImClient client) {
    open.add(client);
    return client;
  }

  static int exitCode(Summary s) {
    if (s.failures() > 0) {
      return s.firstFailure() == null ? ExitCodes.FAILURE : ExitCodes.ofType(s.firstFailure());
    }
    return s.differences() > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  static Iterable<String> ids(Path file, String option) {
    if (file == null) {
      return List.of();
    }
    if (!Files.isRegularFile(file)) {
      throw new io.imfacade.error.InvalidRequestException(option.substring(2), option + " " + file + ": no such file");
    }
    return IdLists.read(file);
  }

  private static void print(Summary s, Output out) {
    String what = s.mode().name().toLowerCase(Locale.ROOT) + " " + s.source() + (s.target() == null ? "" : " -> " + s.target());
    String state = s.phase() == Phase.DONE ? "done" : "stopped in the " + s.phase().label() + " phase";
    out.line(what + ": " + (s.dryRun() ? "dry run, nothing written; " : "") + state + " in "
        + ProgressReporter.duration(s.elapsed()) + (s.runs() > 1 ? " (" + s.runs() + " runs)" : ""));
    out.line(String.format(Locale.ROOT, "  %-18s %10s %10s %10s", "", s.dryRun() ? "to write" : "written", "skipped",
        "failed"));
    for (Item item : Item.values()) {
      Counts c = s.of(item);
      out.line(String.format(Locale.ROOT, "  %-18s %10d %10d %10d", item.label(), c.written(), c.skipped(), c.failed()));
    }
    if (s.failures() > 0 || s.differences() > 0) {
      out.line("  reported: " + s.failures() + " failures" + (s.firstFailure() == null ? "" : " (first: "
          + s.firstFailure() + ")") + ", " + s.differences() + " differences; each with its reason in "
          + s.failuresFile());
    } else {
      out.line("  nothing reported" + (s.phase() == Phase.DONE ? "" : " so far"));
    }
    if (!s.groups().isEmpty()) {
      out.line("  groups created (source id -> target id):");
      s.groups().forEach((from, to) -> out.line("    " + from + " -> " + to));
    }
    if (s.checkpoint() != null && Files.exists(s.checkpoint())) {
      out.line("  checkpoint: " + s.checkpoint() + " (keeps the group ids; --resume continues or re-verifies)");
    }
  }

  private static ObjectNode json(Summary s) {
    ObjectNode n = Views.object().put("mode", s.mode().name().toLowerCase(Locale.ROOT)).put("source", s.source());
    if (s.target() != null) {
      n.put("target", s.target());
    }
    n.put("dryRun", s.dryRun()).put("phase", s.phase().label()).put("complete", s.complete());
    ObjectNode counts = n.putObject("counts");
    for (Item item : Item.values()) {
      Counts c = s.of(item);
      counts.putObject(item.name().toLowerCase(Locale.ROOT)).put("written", c.written()).put("skipped", c.skipped())
          .put("failed", c.failed());
    }
    n.put("failures", s.failures()).put("differences", s.differences());
    if (s.firstFailure() != null) {
      n.put("firstFailure", s.firstFailure());
    }
    ObjectNode groups = n.putObject("groups");
    s.groups().forEach(groups::put);
    n.put("elapsedMs", s.elapsed().toMillis()).put("runs", s.runs()).put("failuresFile", s.failuresFile().toString());
    if (s.checkpoint() != null) {
      n.put("checkpoint", s.checkpoint().toString());
    }
    return n;
  }

  /** {@code imfacade export --users FILE [--groups FILE] --out FILE}. */
  @Command(name = "export", description = {
      "Export users (profile with custom attributes, contacts with remarks, block list) and groups (members",
      "with their attributes) from the configured provider into a dump: newline-delimited JSON with a header",
      "naming the format version and the source provider. No secret is ever written to it."})
  static final class Export extends MigrationCommand {

    @Option(names = "--users", paramLabel = "FILE", required = true,
        description = "The users to export, one id per line ('#' starts a comment).")
    Path users;

    @Option(names = "--groups", paramLabel = "FILE",
        description = "The groups to export, one id per line (a TSV's first column); vendors cannot list them.")
    Path groups;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The dump to write.")
    Path out;

    @Override
    Migration.Builder builder(List<ImClient> open) {
      Iterable<String> userIds = ids(users, "--users");
      Iterable<String> groupIds = ids(groups, "--groups");
      return Migration.export(open(open, root().openClient()), out).users(userIds).groups(groupIds);
    }
  }

  /** Options of the runs that write to a target. */
  abstract static class Writing extends MigrationCommand {

    @Option(names = "--dry-run", description = {
        "Check everything against the target's capabilities and limits and report what it cannot take,",
        "without writing anything."})
    boolean dryRun;

    @Option(names = "--verify", description = "Read the target back at the end and report every difference.")
    boolean verify;

    Migration.Builder checks(Migration.Builder b) {
      return b.dryRun(dryRun).verify(verify);
    }
  }

  /** {@code imfacade import DUMP}. */
  @Command(name = "import", description = {
      "Import a dump into the configured provider: accounts first (registered where missing), profiles,",
      "then contacts, remarks and block lists, then groups (new ids, mapped in the summary and checkpoint),",
      "members and their attributes."})
  static final class Import extends Writing {

    @Parameters(paramLabel = "<dump>", description = "The dump written by 'imfacade export'.")
    Path dump;

    @Override
    Migration.Builder builder(List<ImClient> open) {
      return checks(Migration.importDump(dump, open(open, root().openClient())));
    }
  }

  /** {@code imfacade migrate --to FILE --users FILE [--groups FILE]}. */
  @Command(name = "migrate", description = {
      "Migrate users and groups from the configured provider to the one configured in --to, in one pass",
      "(export and import without a dump)."})
  static final class Migrate extends Writing {

    @Option(names = "--to", paramLabel = "FILE", required = true,
        description = "The target's configuration: a .properties file like --config's.")
    Path to;

    @Option(names = "--to-prefix", paramLabel = "PREFIX",
        description = "Read only the keys of the --to file that start with PREFIX, such as 'im.'.")
    String toPrefix;

    @Option(names = "--users", paramLabel = "FILE", required = true,
        description = "The users to migrate, one id per line ('#' starts a comment).")
    Path users;

    @Option(names = "--groups", paramLabel = "FILE",
        description = "The groups to migrate, one id per line (a TSV's first column).")
    Path groups;

    @Override
    Migration.Builder builder(List<ImClient> open) {
      Iterable<String> userIds = ids(users, "--users");
      Iterable<String> groupIds = ids(groups, "--groups");
      if (!Files.isRegularFile(to)) {
        throw new ConfigurationException("--to: configuration file not found: " + to);
      }
      ImConfig target = ImConfig.load(to, toPrefix);
      ImClient source = open(open, root().openClient());
      return checks(Migration.migrate(source, open(open, ImFacade.open(target)))).users(userIds).groups(groupIds);
    }
  }
}
