package io.imfacade.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The facade's latency against the hand-written call's, <b>paired</b>: in one JVM, the two calls of
 * a scenario run in alternating blocks of a few calls (which side goes first alternating too), and
 * every call's time is recorded. Both sides then share the same JIT state, the same machine and the
 * same moments of load, so that their ratio is not the fork-to-fork noise of separate JVMs (on this
 * VM the median of the same call differs by up to 2x between two JVMs, which swamps a 5 % question).
 * The run is repeated in several JVMs ("forks"), each with its own stubs, and the per-fork ratios
 * are reported with their median and spread. Also reports the calling thread's allocation per call.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.PairedLatencyRun [options]
 *   --forks N        JVMs, one after another (default 5)
 *   --warmup S       seconds of warm-up per scenario, both sides (default 20)
 *   --measure S      seconds of measurement per scenario, both sides (default 20)
 *   --scenarios a,b  scenario keys (default all four)
 *   --threads N      with N &gt; 1: throughput instead of latency, N threads calling at once, the
 *                    two sides taking turns in slices of 250 ms (calls per second, paired alike)
 * </pre>
 */
public final class PairedLatencyRun {

  /** Calls of one side before the other side's turn. */
  private static final int BLOCK = 8;
  /** A side's turn in the throughput mode. */
  private static final int SLICE_MILLIS = 250;

  private PairedLatencyRun() {}

  /**
   * One fork's figures of one scenario: each side's median µs per call (calls per second in the
   * throughput mode, where the other figures are NaN), p90 and bytes per call.
   */
  private record Paired(double facade, double hand, double facadeP90, double handP90, double facadeAlloc,
      double handAlloc) {
    /** The facade's cost relative to the hand-written call's: above 1 is slower, in either mode. */
    double ratio(boolean throughput) {
      return throughput ? hand / facade : facade / hand;
    }
  }

  /**
   * Runs it.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) throws Exception {
    int forks = 5;
    int warmup = 20;
    int measure = 20;
    String scenarioKeys = null;
    int threadCount = 1;
    boolean child = false;
    Iterator<String> it = Arrays.asList(args).iterator();
    while (it.hasNext()) {
      String flag = it.next();
      if (flag.equals("--child")) {
        child = true;
        continue;
      }
      String value = it.next();
      switch (flag) {
        case "--forks" -> forks = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--measure" -> measure = Integer.parseInt(value);
        case "--scenarios" -> scenarioKeys = value;
        case "--threads" -> threadCount = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    List<Scenario> scenarios = new ArrayList<>();
    if (scenarioKeys == null) {
      scenarios.addAll(List.of(Scenario.values()));
    } else {
      for (String key : scenarioKeys.split(",")) {
        scenarios.add(Scenario.of(key.trim()));
      }
    }
    if (child) {
      runFork(scenarios, warmup, measure, threadCount);
    } else {
      runForks(scenarios, forks, warmup, measure, scenarioKeys, threadCount);
    }
  }

  /** The parent: starts the forks one by one and sums them up. */
  private static void runForks(List<Scenario> scenarios, int forks, int warmup, int measure, String keys,
      int threadCount) throws IOException, InterruptedException {
    boolean throughput = threadCount > 1;
    System.out.printf(Locale.ROOT, "paired %s, %d forks, per scenario %d s warm-up + %d s measurement, %s%n",
        throughput ? "throughput with " + threadCount + " threads" : "latency", forks, warmup, measure,
        throughput ? "slices of " + SLICE_MILLIS + " ms" : "blocks of " + BLOCK + " calls");
    Map<Scenario, List<Paired>> results = new EnumMap<>(Scenario.class);
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    for (int fork = 1; fork <= forks; fork++) {
      List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
          PairedLatencyRun.class.getName(), "--child", "--warmup", Integer.toString(warmup), "--measure",
          Integer.toString(measure), "--threads", Integer.toString(threadCount)));
      if (keys != null) {
        command.addAll(List.of("--scenarios", keys));
      }
      String load = FacadeOverheadRun.loadAverage();
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (!line.startsWith("RESULT ")) {
            continue;
          }
          String[] f = line.split(" ");
          Scenario scenario = Scenario.of(f[1]);
          Paired p = new Paired(Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
              Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]));
          results.computeIfAbsent(scenario, s -> new ArrayList<>()).add(p);
          if (throughput) {
            System.out.printf(Locale.ROOT, "fork %d  %-13s  facade %8.0f calls/s  hand-written %8.0f calls/s  ratio %.3f"
                + "  (load before %s)%n", fork, scenario.key(), p.facade, p.hand, p.ratio(true), load);
          } else {
            System.out.printf(Locale.ROOT, "fork %d  %-13s  facade p50 %7.1f us  hand-written p50 %7.1f us  ratio %.3f"
                + "  alloc %7.0f / %7.0f B/call  (load before %s)%n", fork, scenario.key(), p.facade, p.hand, p.ratio(false),
                p.facadeAlloc, p.handAlloc, load);
          }
        }
      }
      if (process.waitFor() != 0) {
        throw new IllegalStateException("fork " + fork + " failed with exit code " + process.exitValue());
      }
    }
    System.out.println();
    if (throughput) {
      System.out.println("| scenario | facade calls/s (median of forks) | hand-written calls/s | ratio hand-written / facade:"
          + " median of the per-fork paired ratios | per-fork ratios (min-max) |");
      System.out.println("|---|---|---|---|---|");
      results.forEach((scenario, forkResults) -> {
        Summary sum = Summary.of(forkResults, true);
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | **%.3f** | %.3f-%.3f |%n", scenario.key(),
            sum.facade(), sum.hand(), sum.ratio(), sum.minRatio(), sum.maxRatio());
      });
      return;
    }
    System.out.println("| scenario | facade p50 (median of forks) | hand-written p50 | ratio: median of the per-fork paired ratios"
        + " | per-fork ratios (min-max) | facade B/call | hand-written B/call | allocation ratio |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    results.forEach((scenario, forkResults) -> {
      Summary sum = Summary.of(forkResults, false);
      double facadeAlloc = median(forkResults, Paired::facadeAlloc);
      double handAlloc = median(forkResults, Paired::handAlloc);
      System.out.printf(Locale.ROOT, "| %s | %.1f us | %.1f us | **%.3f** | %.3f-%.3f | %.0f | %.0f | %.2f |%n",
          scenario.key(), sum.facade(), sum.hand(), sum.ratio(), sum.minRatio(), sum.maxRatio(), facadeAlloc, handAlloc,
          facadeAlloc / handAlloc);
    });
  }

  private static double median(List<Paired> forks, ToDoubleFunction<Paired> figure) {
    return FacadeOverheadRun.median(forks.stream().mapToDouble(figure).toArray());
  }

  /** A scenario over the forks: the medians of both sides and of the per-fork ratios, and their spread. */
  private record Summary(double facade, double hand, double ratio, double minRatio, double maxRatio) {
    static Summary of(List<Paired> forks, boolean throughput) {
      double[] ratios = forks.stream().mapToDouble(p -> p.ratio(throughput)).sorted().toArray();
      return new Summary(median(forks, Paired::facade), median(forks, Paired::hand), FacadeOverheadRun.median(ratios),
          ratios[0], ratios[ratios.length - 1]);
    }
  }

  /** A fork: every scenario in turn, warm-up then paired measurement; one RESULT line each. */
  private static void runFork(List<Scenario> scenarios, int warmupSeconds, int measureSeconds, int threadCount)
      throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    try (LoopbackStub stub = LoopbackStub.start(scenarios.toArray(new Scenario[0]))) {
      for (Scenario scenario : scenarios) {
        try (ScenarioCalls calls = new ScenarioCalls(scenario, stub.baseUrl(scenario))) {
          calls.check();
          if (threadCount > 1) {
            takeTurns(calls, warmupSeconds, threadCount);
            double[] rates = takeTurns(calls, measureSeconds, threadCount);
            System.out.printf(Locale.ROOT, "RESULT %s %.1f %.1f NaN NaN NaN NaN%n", scenario.key(), rates[0], rates[1]);
            continue;
          }
          alternate(calls, warmupSeconds, null, null, threads, self);
          Samples[] samples = {new Samples(), new Samples()};
          long[] allocated = new long[2];
          alternate(calls, measureSeconds, samples, allocated, threads, self);
          System.out.printf(Locale.ROOT, "RESULT %s %.3f %.3f %.3f %.3f %.1f %.1f%n", scenario.key(),
              samples[0].percentile(50), samples[1].percentile(50), samples[0].percentile(90), samples[1].percentile(90),
              (double) allocated[0] / samples[0].size, (double) allocated[1] / samples[1].size);
        }
      }
    }
  }

  /** Alternates blocks of the two calls for {@code seconds}, recording each call's time when asked. */
  private static void alternate(ScenarioCalls calls, int seconds, Samples[] samples, long[] allocated,
      com.sun.management.ThreadMXBean threads, long self) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    int block = 0;
    while (System.nanoTime() < end) {
      for (int k = 0; k < 2; k++) {
        int side = block % 2 == 0 ? k : 1 - k;
        long a0 = allocated == null ? 0 : threads.getThreadAllocatedBytes(self);
        for (int i = 0; i < BLOCK; i++) {
          long t0 = System.nanoTime();
          Object answer = side == 0 ? calls.facade() : calls.handWritten();
          long t1 = System.nanoTime();
          if (answer == null) {
            throw new AssertionError("no answer");
          }
          if (samples != null) {
            samples[side].add(t1 - t0);
          }
        }
        if (allocated != null) {
          // Samples is sized for the whole measurement and allocates nothing per call: this is the calls' allocation.
          allocated[side] += threads.getThreadAllocatedBytes(self) - a0;
        }
      }
      block++;
    }
  }

  /**
   * Throughput, paired: {@code threadCount} threads call without pause, all on the side whose turn
   * it is; the turn changes every {@link #SLICE_MILLIS} ms (the first side alternating). A call is
   * counted for the side it started on; a call that straddles a change is at most one in
   * hundreds of a slice. Returns calls per second of each side.
   */
  private static double[] takeTurns(ScenarioCalls calls, int seconds, int threadCount) throws InterruptedException {
    AtomicInteger turn = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder[] done = {new LongAdder(), new LongAdder()};
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threadCount; i++) {
      Thread worker = new Thread(() -> {
        while (!stop.get()) {
          int side = turn.get();
          if ((side == 0 ? calls.facade() : calls.handWritten()) == null) {
            throw new AssertionError("no answer");
          }
          done[side].increment();
        }
      }, "paired-" + i);
      worker.start();
      workers.add(worker);
    }
    long[] nanos = new long[2];
    long[] counted = new long[2];
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    for (int slice = 0; System.nanoTime() < end; slice++) {
      for (int k = 0; k < 2; k++) {
        int side = slice % 2 == 0 ? k : 1 - k;
        long before = done[side].sum();
        long t0 = System.nanoTime();
        turn.set(side);
        Thread.sleep(SLICE_MILLIS);
        nanos[side] += System.nanoTime() - t0;
        counted[side] += done[side].sum() - before;
      }
    }
    stop.set(true);
    for (Thread worker : workers) {
      worker.join();
    }
    return new double[] {counted[0] * 1e9 / nanos[0], counted[1] * 1e9 / nanos[1]};
  }

  /** Call times in nanoseconds. */
  private static final class Samples {
    /** Room for a long measurement, so that growing (an allocation) stays out of the figures. */
    private long[] nanos = new long[1 << 19];
    private int size;

    void add(long value) {
      if (size == nanos.length) {
        nanos = Arrays.copyOf(nanos, size * 2);
      }
      nanos[size++] = value;
    }

    /** The percentile in microseconds. */
    double percentile(int p) {
      long[] sorted = Arrays.copyOf(nanos, size);
      Arrays.sort(sorted);
      return sorted[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)] / 1e3;
    }
  }
}
