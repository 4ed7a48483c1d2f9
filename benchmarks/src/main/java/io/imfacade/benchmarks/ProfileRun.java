package io.imfacade.benchmarks;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Records one side of one {@link Scenario} with Java Flight Recorder, for {@link JfrBreakdown}:
 * warms the call up, then records CPU samples (every 1 ms) and allocation samples (up to 50,000 a
 * second, far denser than JFR's default) of the calling thread for a while, against a stub in
 * another process.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.ProfileRun easemobBatch facade out.jfr [warm-up s] [recorded s]
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.JfrBreakdown out.jfr 1000 main --top 25
 * </pre>
 */
public final class ProfileRun {

  private ProfileRun() {}

  /**
   * Runs it.
   *
   * @param args scenario key, {@code facade} or {@code handWritten}, the output file, optionally
   *     the warm-up and recorded seconds (default 20 and 20)
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ProfileRun <scenario> facade|handWritten <out.jfr> [warm-up s] [recorded s]");
      System.exit(2);
    }
    Scenario scenario = Scenario.of(args[0]);
    boolean facade = args[1].equals("facade");
    Path out = Paths.get(args[2]);
    double warmUp = args.length > 3 ? Double.parseDouble(args[3]) : 20;
    double recorded = args.length > 4 ? Double.parseDouble(args[4]) : 20;
    try (LoopbackStub stub = LoopbackStub.start(scenario);
        ScenarioCalls calls = new ScenarioCalls(scenario, stub.baseUrl(scenario))) {
      calls.check();
      loop(calls, facade, warmUp);
      try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
        recording.setSettings(withDenseSampling(recording.getSettings()));
        recording.start();
        long n = loop(calls, facade, recorded);
        recording.stop();
        recording.dump(out);
        System.out.printf("%d calls recorded in %s%n", n, out);
      }
    }
  }

  private static Map<String, String> withDenseSampling(Map<String, String> settings) {
    settings.put("jdk.ExecutionSample#period", "1 ms");
    settings.put("jdk.ObjectAllocationSample#throttle", "50000/s");
    return settings;
  }

  private static long loop(ScenarioCalls calls, boolean facade, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    while (System.nanoTime() < end) {
      if ((facade ? calls.facade() : calls.handWritten()) == null) {
        throw new AssertionError("no answer");
      }
      n++;
    }
    return n;
  }
}
