package io.imfacade.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where {@link FacadeOverheadBenchmark}'s difference comes from, in the two quantities that explain
 * it: the calling thread's CPU time and its allocated bytes per call, for the facade and for the
 * raw call, measured in alternating rounds against the same loopback stub. The server's work is the
 * same for both and runs on other threads, so the difference between the two columns is what the
 * facade adds on the caller's side.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.FacadeOverheadProbe [calls per round] [rounds]
 * </pre>
 *
 * <p>Not a JMH benchmark: the figures are means over a round, and the first two rounds are a
 * warm-up. Use it next to the JMH medians, not instead of them.
 */
public final class FacadeOverheadProbe {

  private static final int WARM_UP_ROUNDS = 2;

  private FacadeOverheadProbe() {}

  /**
   * Runs the probe.
   *
   * @param args optionally the calls per round (default 20000) and the rounds (default 8, the
   *     first two of which are a warm-up)
   */
  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    if (rounds <= WARM_UP_ROUNDS) {
      throw new IllegalArgumentException("rounds must be more than " + WARM_UP_ROUNDS);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    FacadeOverheadBenchmark bench = new FacadeOverheadBenchmark();
    bench.setUp();
    try {
      double[][] wall = new double[2][rounds - WARM_UP_ROUNDS];
      double[][] cpu = new double[2][rounds - WARM_UP_ROUNDS];
      double[][] alloc = new double[2][rounds - WARM_UP_ROUNDS];
      String[] names = {"facade", "raw"};
      System.out.println("round  call    wall_us/op  caller_cpu_us/op  caller_alloc_KB/op");
      for (int round = 0; round < rounds; round++) {
        for (int which = 0; which < 2; which++) {
          long w0 = System.nanoTime();
          long c0 = threads.getCurrentThreadCpuTime();
          long a0 = threads.getThreadAllocatedBytes(self);
          for (int i = 0; i < calls; i++) {
            if ((which == 0 ? bench.facade() : bench.raw()) == null) {
              throw new AssertionError("no answer");
            }
          }
          double w = (System.nanoTime() - w0) / 1e3 / calls;
          double c = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / calls;
          double a = (threads.getThreadAllocatedBytes(self) - a0) / 1024d / calls;
          boolean warmUp = round < WARM_UP_ROUNDS;
          if (!warmUp) {
            wall[which][round - WARM_UP_ROUNDS] = w;
            cpu[which][round - WARM_UP_ROUNDS] = c;
            alloc[which][round - WARM_UP_ROUNDS] = a;
          }
          System.out.printf(Locale.ROOT, "%5s  %-6s  %10.1f  %16.1f  %18.1f%n", warmUp ? "w" + (round + 1) : "" + (round + 1 - WARM_UP_ROUNDS),
              names[which], w, c, a);
        }
      }
      System.out.println("median of the measured rounds:");
      for (int which = 0; which < 2; which++) {
        System.out.printf(Locale.ROOT, "  %-6s  wall %.1f us/op, caller CPU %.1f us/op, caller allocation %.1f KB/op%n",
            names[which], median(wall[which]), median(cpu[which]), median(alloc[which]));
      }
      System.out.printf(Locale.ROOT, "  facade - raw: wall %+.1f us/op, caller CPU %+.1f us/op, allocation %+.1f KB/op; wall ratio %.3f%n",
          median(wall[0]) - median(wall[1]), median(cpu[0]) - median(cpu[1]), median(alloc[0]) - median(alloc[1]),
          median(wall[0]) / median(wall[1]));
    } finally {
      bench.tearDown();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
