package io.imfacade.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where {@link FacadeOverheadBenchmark}'s difference comes from, in the two quantities that explain
 * it: the calling thread's CPU time and its allocated bytes per call, for the facade and for the
 * hand-written call of each {@link Scenario}, measured in alternating rounds in one JVM against
 * stubs in another process. A call of up to one vendor batch runs entirely on the calling thread
 * (OkHttp's synchronous call included), so these are the client's whole CPU and allocation.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.FacadeOverheadProbe [seconds per round] [rounds]
 * </pre>
 *
 * <p>Not a JMH benchmark: the figures are means over a round, and the first rounds are a warm-up.
 * Use it next to the JMH medians, not instead of them.
 */
public final class FacadeOverheadProbe {

  private static final int WARM_UP_ROUNDS = 4;

  private FacadeOverheadProbe() {}

  /**
   * Runs the probe.
   *
   * @param args optionally the seconds per round and side (default 1.5) and the rounds (default
   *     10, the first four of which are a warm-up)
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    if (rounds <= WARM_UP_ROUNDS) {
      throw new IllegalArgumentException("rounds must be more than " + WARM_UP_ROUNDS);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    com.sun.management.OperatingSystemMXBean process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Scenario[] scenarios = Scenario.values();
    String[] names = {"facade", "hand"};
    try (LoopbackStub stub = LoopbackStub.start(scenarios)) {
      List<ScenarioCalls> calls = new ArrayList<>();
      for (Scenario s : scenarios) {
        ScenarioCalls c = new ScenarioCalls(s, stub.baseUrl(s));
        c.check();
        calls.add(c);
      }
      int measured = rounds - WARM_UP_ROUNDS;
      double[][][] wall = new double[scenarios.length][2][measured];
      double[][][] cpu = new double[scenarios.length][2][measured];
      double[][][] alloc = new double[scenarios.length][2][measured];
      double[][][] all = new double[scenarios.length][2][measured];
      System.out.println("load before: " + FacadeOverheadRun.loadAverage());
      System.out.println("round  scenario       call     calls  wall_us/call  caller_cpu_us/call  client_cpu_us/call  caller_alloc_B/call");
      for (int round = 0; round < rounds; round++) {
        for (int s = 0; s < scenarios.length; s++) {
          for (int k = 0; k < 2; k++) {
            int which = round % 2 == 0 ? k : 1 - k;
            ScenarioCalls c = calls.get(s);
            long budget = (long) (seconds * 1e9);
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            long a0 = threads.getThreadAllocatedBytes(self);
            long p0 = process.getProcessCpuTime();
            long n = 0;
            do {
              for (int i = 0; i < 16; i++) {
                if ((which == 0 ? c.facade() : c.handWritten()) == null) {
                  throw new AssertionError("no answer");
                }
              }
              n += 16;
            } while (System.nanoTime() - w0 < budget);
            double w = (System.nanoTime() - w0) / 1e3 / n;
            double cp = (threads.getCurrentThreadCpuTime() - c0) / 1e3 / n;
            double a = (threads.getThreadAllocatedBytes(self) - a0) / (double) n;
            double pc = (process.getProcessCpuTime() - p0) / 1e3 / n;
            boolean warmUp = round < WARM_UP_ROUNDS;
            if (!warmUp) {
              wall[s][which][round - WARM_UP_ROUNDS] = w;
              cpu[s][which][round - WARM_UP_ROUNDS] = cp;
              alloc[s][which][round - WARM_UP_ROUNDS] = a;
              all[s][which][round - WARM_UP_ROUNDS] = pc;
            }
            System.out.printf(Locale.ROOT, "%5s  %-13s  %-6s  %7d  %12.1f  %18.1f  %18.1f  %19.0f%n",
                warmUp ? "w" + (round + 1) : "" + (round + 1 - WARM_UP_ROUNDS), scenarios[s].key(), names[which], n, w, cp, pc, a);
          }
        }
      }
      System.out.println("load after: " + FacadeOverheadRun.loadAverage());
      System.out.println();
      System.out.println("| scenario | facade wall / caller CPU / client CPU / allocation per call | hand-written wall / caller CPU / client CPU / allocation | wall ratio | caller CPU difference | client CPU difference | allocation ratio |");
      System.out.println("|---|---|---|---|---|---|---|");
      for (int s = 0; s < scenarios.length; s++) {
        double fw = FacadeOverheadRun.median(wall[s][0]);
        double hw = FacadeOverheadRun.median(wall[s][1]);
        double fc = FacadeOverheadRun.median(cpu[s][0]);
        double hc = FacadeOverheadRun.median(cpu[s][1]);
        double fp = FacadeOverheadRun.median(all[s][0]);
        double hp = FacadeOverheadRun.median(all[s][1]);
        double fa = FacadeOverheadRun.median(alloc[s][0]);
        double ha = FacadeOverheadRun.median(alloc[s][1]);
        System.out.printf(Locale.ROOT, "| %s | %.1f us / %.1f us / %.1f us / %.1f KB | %.1f us / %.1f us / %.1f us / %.1f KB | %.3f | %+.1f us | %+.1f us | %.2f |%n",
            scenarios[s].key(), fw, fc, fp, fa / 1024, hw, hc, hp, ha / 1024, fw / hw, fc - hc, fp - hp, fa / ha);
      }
      calls.forEach(ScenarioCalls::close);
    }
  }
}
