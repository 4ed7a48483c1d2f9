package io.imfacade.cli;

import io.imfacade.migrate.MigrationListener;
import io.imfacade.migrate.Phase;
import io.imfacade.migrate.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a migration's progress on stderr: a progress bar with rate and ETA on a terminal, a plain
 * line every few seconds otherwise (a log file, a CI job), or nothing. Stdout stays for the
 * summary. Called on the thread that runs the migration.
 */
abstract class ProgressReporter implements MigrationListener, AutoCloseable {

  /** How progress is shown. */
  enum Style {
    /** A bar on a terminal, lines otherwise. */
    AUTO,
    /** A progress bar with rate and ETA. */
    BAR,
    /** A plain line when a phase starts and ends, and every few seconds in between. */
    LINES,
    /** Nothing. */
    NONE
  }

  /** The reporter for {@code style}; {@code AUTO} picks a bar when the process has a terminal. */
  static ProgressReporter of(Style style, PrintStream err, Duration lineInterval) {
    Style chosen = style == Style.AUTO ? (System.console() != null ? Style.BAR : Style.LINES) : style;
    return switch (chosen) {
      case BAR -> new Bar(err);
      case LINES -> new Lines(err, lineInterval);
      default -> new Silent();
    };
  }

  @Override
  public void close() {}

  static String label(Phase phase) {
    return phase.label();
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  /** Reports nothing: {@code --quiet}. */
  private static final class Silent extends ProgressReporter {}

  /** Plain lines, for output that is not a terminal. */
  private static final class Lines extends ProgressReporter {
    private final PrintStream err;
    private final long intervalNanos;
    private long lastLine;

    Lines(PrintStream err, Duration interval) {
      this.err = err;
      this.intervalNanos = interval.toNanos();
    }

    @Override
    public void phaseStarted(Phase phase, long done, long total) {
      err.println(label(phase) + ": " + total + " records" + (done > 0 ? ", resuming after " + done : ""));
      err.flush();
      lastLine = System.nanoTime();
    }

    @Override
    public void progress(Progress p) {
      long now = System.nanoTime();
      if (now - lastLine < intervalNanos) {
        return;
      }
      lastLine = now;
      StringBuilder line = new StringBuilder(label(p.phase())).append(": ").append(p.done()).append('/')
          .append(p.total());
      if (p.total() > 0) {
        line.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * p.done() / p.total()));
      }
      p.rate().ifPresent(r -> line.append(String.format(Locale.ROOT, ", %.1f records/s", r)));
      p.eta().ifPresent(eta -> line.append(", about ").append(duration(eta)).append(" left"));
      line.append(", ").append(p.failures()).append(" reported so far");
      err.println(line);
      err.flush();
    }

    @Override
    public void phaseFinished(Phase phase, Progress p) {
      err.println(label(phase) + ": done, " + p.done() + " records in " + duration(p.elapsed()) + ", "
          + p.failures() + " reported so far");
      err.flush();
    }
  }

  /** A progress bar per phase (me.tongfei:progressbar), for a terminal. */
  private static final class Bar extends ProgressReporter {
    private final PrintStream err;
    private ProgressBar bar;

    Bar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void phaseStarted(Phase phase, long done, long total) {
      close();
      bar = new ProgressBarBuilder().setTaskName(label(phase)).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(err, 100)).showSpeed().setUnit(" records", 1)
          .setUpdateIntervalMillis(250).startsFrom(done, Duration.ZERO).build();
    }

    @Override
    public void progress(Progress p) {
      if (bar != null) {
        bar.stepTo(p.done());
        bar.setExtraMessage(p.failures() == 0 ? "" : p.failures() + " reported");
      }
    }

    @Override
    public void phaseFinished(Phase phase, Progress p) {
      close();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
