package io.imfacade.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start-up: the time from starting a fresh JVM to its first successful call against a stub, for
 * {@code ImFacade.open} and for the hand-written call, run by {@link StartupProbe} in alternation,
 * and where it goes: the JVM's own start (to {@code main}), the facade's provider discovery, the
 * client's set-up, the first call; and, from one run of each side with {@code -Xlog:class+load},
 * the classes each stage loads, by library.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.StartupRun [--runs 15] [--scenarios easemobSingle,neteaseSingle]
 * </pre>
 *
 * <p>The stubs run in a process of their own, started and warmed up first, so that the first
 * call's time is the client's. Both sides run from the same class path (the benchmarks jar).
 */
public final class StartupRun {

  private static final String[] SIDES = {"facade", "handWritten"};
  private static final String[] STAGES = {"JVM start to main", "provider discovery", "client set-up", "first call",
      "total to first success"};

  private StartupRun() {}

  /**
   * Runs it.
   *
   * @param args {@code --runs N} (default 15) and {@code --scenarios a,b} (default the two single reads)
   */
  public static void main(String[] args) throws Exception {
    int runs = 15;
    List<Scenario> scenarios = new ArrayList<>(List.of(Scenario.EASEMOB_SINGLE, Scenario.NETEASE_SINGLE));
    Iterator<String> it = Arrays.asList(args).iterator();
    while (it.hasNext()) {
      String flag = it.next();
      String value = it.next();
      switch (flag) {
        case "--runs" -> runs = Integer.parseInt(value);
        case "--scenarios" -> {
          scenarios.clear();
          for (String key : value.split(",")) {
            scenarios.add(Scenario.of(key.trim()));
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    try (LoopbackStub stub = LoopbackStub.start(scenarios.toArray(new Scenario[0]))) {
      warmUp(stub, scenarios);
      System.out.println("load before: " + FacadeOverheadRun.loadAverage());
      for (Scenario scenario : scenarios) {
        double[][][] ms = new double[2][STAGES.length][runs];
        for (int run = 0; run < runs; run++) {
          for (int k = 0; k < 2; k++) {
            int side = run % 2 == 0 ? k : 1 - k;
            double[] stages = once(SIDES[side], scenario, stub.baseUrl(scenario), List.of());
            for (int s = 0; s < STAGES.length; s++) {
              ms[side][s][run] = stages[s];
            }
          }
        }
        System.out.printf(Locale.ROOT, "%n%s, %d fresh JVMs per side, ms: median (min-max)%n", scenario.key(), runs);
        System.out.println("| stage | ImFacade.open + call | hand-written (OkHttpClient, ObjectMapper) + call |");
        System.out.println("|---|---|---|");
        for (int s = 0; s < STAGES.length; s++) {
          System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", STAGES[s], spread(ms[0][s]), spread(ms[1][s]));
        }
        classes(scenario, stub.baseUrl(scenario));
      }
      System.out.println("load after: " + FacadeOverheadRun.loadAverage());
    }
  }

  /** Serves each stub a few hundred calls first: the stub's own JIT must not weigh on the first calls measured. */
  private static void warmUp(LoopbackStub stub, List<Scenario> scenarios) {
    for (Scenario s : scenarios) {
      try (HandWrittenCall hand = new HandWrittenCall(s, stub.baseUrl(s))) {
        long end = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < end) {
          hand.call();
        }
      }
    }
  }

  /** One fresh JVM: the stages in ms (discovery is 0 for the hand-written side). */
  private static double[] once(String side, Scenario scenario, String baseUrl, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StartupProbe.class.getName());
    command.add(side);
    command.add(scenario.key());
    command.add(baseUrl);
    command.add("split");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("STARTUP ")) {
          result = line;
        }
      }
    }
    if (process.waitFor() != 0 || result == null) {
      throw new IllegalStateException(side + " run failed (exit " + process.exitValue() + ")");
    }
    Map<String, Long> t = new LinkedHashMap<>();
    for (String part : result.substring("STARTUP ".length()).split(" ")) {
      String[] kv = part.split("=");
      t.put(kv[0], Long.parseLong(kv[1]));
    }
    return new double[] {
        (t.get("main") - start) / 1e6,
        (t.get("discovered") - t.get("main")) / 1e6,
        (t.get("opened") - t.get("discovered")) / 1e6,
        (t.get("done") - t.get("opened")) / 1e6,
        (t.get("done") - start) / 1e6};
  }

  /** One run of each side with a class-loading log, cut into stages by the probe's marker classes. */
  private static void classes(Scenario scenario, String baseUrl) throws IOException, InterruptedException {
    String[] groups = {"JDK", "Jackson", "OkHttp, Okio, Kotlin", "Retrofit", "imfacade", "SLF4J", "other"};
    String[] stageNames = {"to main", "discovery", "set-up", "first call"};
    System.out.printf(Locale.ROOT, "%nclasses loaded (%s; one run each with -Xlog:class+load), by stage: by library%n",
        scenario.key());
    for (String side : SIDES) {
      Path log = Files.createTempFile("imfacade-classload", ".log");
      try {
        once(side, scenario, baseUrl, List.of("-Xlog:class+load=info:file=" + log));
        int[][] counts = new int[stageNames.length][groups.length];
        int stage = 0;
        int fromArchive = 0;
        int total = 0;
        for (String line : Files.readAllLines(log)) {
          int at = line.indexOf("[class,load] ");
          if (at < 0) {
            continue;
          }
          String rest = line.substring(at + "[class,load] ".length());
          String name = rest.split(" ")[0];
          if (name.endsWith("StartupProbe$MarkDiscovery")) {
            stage = 1;
          } else if (name.endsWith("StartupProbe$MarkOpen")) {
            stage = 2;
          } else if (name.endsWith("StartupProbe$MarkFirstCall")) {
            stage = 3;
          } else if (name.endsWith("StartupProbe$MarkDone")) {
            break;
          }
          counts[stage][group(name)]++;
          total++;
          if (rest.contains("shared objects file")) {
            fromArchive++;
          }
        }
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < stageNames.length; s++) {
          int sum = Arrays.stream(counts[s]).sum();
          if (sum == 0) {
            continue;
          }
          sb.append(String.format(Locale.ROOT, "%n    %-10s %5d:", stageNames[s], sum));
          for (int g = 0; g < groups.length; g++) {
            if (counts[s][g] > 0) {
              sb.append(' ').append(groups[g]).append(' ').append(counts[s][g]).append(';');
            }
          }
        }
        System.out.printf(Locale.ROOT, "  %-11s %5d classes to the first success (%d from the JDK's CDS archive)%s%n",
            side, total, fromArchive, sb);
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }

  private static int group(String name) {
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
        || name.startsWith("com.sun.")) {
      return 0;
    }
    if (name.startsWith("com.fasterxml.jackson")) {
      return 1;
    }
    if (name.startsWith("okhttp3") || name.startsWith("okio") || name.startsWith("kotlin")) {
      return 2;
    }
    if (name.startsWith("retrofit2")) {
      return 3;
    }
    if (name.startsWith("io.imfacade.benchmarks")) {
      return 6;
    }
    if (name.startsWith("io.imfacade")) {
      return 4;
    }
    if (name.startsWith("org.slf4j")) {
      return 5;
    }
    return 6;
  }

  private static String spread(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", FacadeOverheadRun.median(values), sorted[0], sorted[sorted.length - 1]);
  }
}
