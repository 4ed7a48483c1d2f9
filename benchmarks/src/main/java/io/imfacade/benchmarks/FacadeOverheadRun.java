package io.imfacade.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link FacadeOverheadBenchmark} the way BENCHMARKS.md reports it: every scenario, facade and
 * hand-written side by side in one run, one JMH fork at a time, the two sides of a scenario run back
 * to back (their order alternating from round to round, so that a drift of the machine does not
 * favour one side), with JMH's GC profiler on. Prints each fork as it ends, then per scenario the
 * median of the forks' figures, their spread (min-max) and the per-fork ratios.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.FacadeOverheadRun [options]
 *   --forks N          rounds, one fork per side and scenario each (default 5)
 *   --mode sample|thrpt  sample: median latency (default); thrpt: calls per second
 *   --threads N        benchmark threads (default 1)
 *   --warmup N --measurement N --seconds N   iterations and their length (default 8, 8, 2)
 *   --scenarios a,b    scenario keys (default all four)
 * </pre>
 *
 * <p>The allocation figure is JMH's {@code gc.alloc.rate.norm}: bytes allocated in the benchmark's
 * JVM per call. The stub runs in a process of its own, so this is the client's allocation.
 */
public final class FacadeOverheadRun {

  private static final String[] SIDES = {"facade", "handWritten"};

  private FacadeOverheadRun() {}

  /** One fork's figures. */
  private record Fork(double score, double p90, double allocBytes) {}

  /**
   * Runs the benchmark.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) throws RunnerException, IOException {
    int forks = 5;
    boolean throughput = false;
    int threads = 1;
    int warmup = 8;
    int measurement = 8;
    int seconds = 2;
    List<Scenario> scenarios = new ArrayList<>(List.of(Scenario.values()));
    Iterator<String> it = Arrays.asList(args).iterator();
    while (it.hasNext()) {
      String flag = it.next();
      if (!it.hasNext()) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      String value = it.next();
      switch (flag) {
        case "--forks" -> forks = Integer.parseInt(value);
        case "--mode" -> throughput = switch (value) {
          case "thrpt" -> true;
          case "sample" -> false;
          default -> throw new IllegalArgumentException("--mode sample|thrpt");
        };
        case "--threads" -> threads = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--measurement" -> measurement = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--scenarios" -> {
          scenarios.clear();
          for (String key : value.split(",")) {
            scenarios.add(Scenario.of(key.trim()));
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    System.out.printf(Locale.ROOT, "%s, %d thread(s), %d forks, warm-up %d x %d s, measurement %d x %d s%n",
        throughput ? "throughput (calls/s)" : "sample time (us/call)", threads, forks, warmup, seconds, measurement, seconds);
    Map<Scenario, List<List<Fork>>> results = new EnumMap<>(Scenario.class);
    for (int round = 0; round < forks; round++) {
      for (Scenario scenario : scenarios) {
        List<List<Fork>> bySide = results.computeIfAbsent(scenario, s -> List.of(new ArrayList<>(), new ArrayList<>()));
        for (int k = 0; k < 2; k++) {
          int side = round % 2 == 0 ? k : 1 - k;
          String load = loadAverage();
          Fork fork = runFork(scenario, SIDES[side], throughput, threads, warmup, measurement, seconds);
          bySide.get(side).add(fork);
          System.out.printf(Locale.ROOT, "round %d  %-13s  %-11s  %s %10.1f  p90 %8.1f  alloc %9.0f B/call  (load before %s)%n",
              round + 1, scenario.key(), SIDES[side], throughput ? "calls/s" : "p50 us", fork.score, fork.p90,
              fork.allocBytes, load);
        }
      }
    }
    summary(results, throughput);
  }

  private static Fork runFork(Scenario scenario, String side, boolean throughput, int threads, int warmup,
      int measurement, int seconds) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("^" + Pattern.quote(FacadeOverheadBenchmark.class.getName() + "." + side) + "$")
        .param("scenario", scenario.key())
        .forks(1)
        .threads(threads)
        .warmupIterations(warmup)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(measurement)
        .measurementTime(TimeValue.seconds(seconds))
        .mode(throughput ? Mode.Throughput : Mode.SampleTime)
        .timeUnit(throughput ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS)
        .addProfiler(GCProfiler.class)
        .verbosity(VerboseMode.SILENT);
    Collection<RunResult> run = new Runner(options.build()).run();
    if (run.size() != 1) {
      throw new IllegalStateException("expected one result for " + side + "/" + scenario.key() + ", got " + run.size());
    }
    RunResult result = run.iterator().next();
    Result<?> primary = result.getPrimaryResult();
    double score = throughput ? primary.getScore() : primary.getStatistics().getPercentile(50);
    double p90 = throughput ? Double.NaN : primary.getStatistics().getPercentile(90);
    double alloc = Double.NaN;
    for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        alloc = e.getValue().getScore();
      }
    }
    return new Fork(score, p90, alloc);
  }

  private static void summary(Map<Scenario, List<List<Fork>>> results, boolean throughput) {
    String unit = throughput ? "calls/s" : "us";
    System.out.println();
    System.out.println("| scenario | facade " + (throughput ? "calls/s" : "p50") + ": median of forks (min-max) | hand-written "
        + (throughput ? "calls/s" : "p50") + " | ratio of medians | per-fork ratios | facade B/call (min-max) | hand-written B/call | allocation ratio |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    results.forEach((scenario, sides) -> {
      List<Fork> facade = sides.get(0);
      List<Fork> hand = sides.get(1);
      double[] fs = facade.stream().mapToDouble(Fork::score).toArray();
      double[] hs = hand.stream().mapToDouble(Fork::score).toArray();
      double[] fa = facade.stream().mapToDouble(Fork::allocBytes).toArray();
      double[] ha = hand.stream().mapToDouble(Fork::allocBytes).toArray();
      StringBuilder perFork = new StringBuilder();
      for (int i = 0; i < Math.min(fs.length, hs.length); i++) {
        // Time: facade / hand-written; throughput: hand-written / facade, so that above 1 is always the facade's cost.
        double r = throughput ? hs[i] / fs[i] : fs[i] / hs[i];
        perFork.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", r));
      }
      double ratio = throughput ? median(hs) / median(fs) : median(fs) / median(hs);
      System.out.printf(Locale.ROOT, "| %s | %s | %s | **%.3f** | %s | %s | %s | %.2f |%n", scenario.key(),
          spread(fs, unit), spread(hs, unit), ratio, perFork, spread(fa, "B"), spread(ha, "B"), median(fa) / median(ha));
    });
    if (throughput) {
      System.out.println("(throughput ratios are hand-written / facade: above 1 means the facade does fewer calls per second)");
    }
  }

  private static String spread(double[] values, String unit) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    String format = unit.equals("us") ? "%.1f" : "%.0f";
    return String.format(Locale.ROOT, format + " %s (" + format + "-" + format + ")", median(values), unit,
        sorted[0], sorted[sorted.length - 1]);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The 1-minute load average, for the record. */
  static String loadAverage() {
    try {
      return Files.readString(Paths.get("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
