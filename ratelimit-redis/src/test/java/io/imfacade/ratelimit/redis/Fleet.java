package io.imfacade.ratelimit.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * N instances of a service as separate JVMs ({@link LoadWorker}s on the test classpath), started
 * together: each opens its clients and says READY. Then runs, one after the other: all get {@code
 * GO <store> <ms>} at once, and each prints one RESULT line. The workers' stderr (the store's log
 * lines) and stdout are kept. Starting JVMs is the slow part on a busy machine, so one fleet serves
 * several runs.
 */
final class Fleet implements AutoCloseable {

  /** The outcome of one worker in one run. */
  record Result(Map<String, String> counts, String log) {
    long get(String name) {
      return Long.parseLong(counts.getOrDefault(name, "0"));
    }

    /** Log lines of the store at {@code level} (WARN, INFO) during the run. */
    List<String> lines(String level) {
      return storeLines().stream().filter(l -> l.contains(" " + level + " ")).toList();
    }

    /** The store's warnings and info lines of the run, in order. */
    List<String> storeLines() {
      return log.lines()
          .filter(l -> l.contains(" WARN io.imfacade.ratelimit.redis ") || l.contains(" INFO io.imfacade.ratelimit.redis "))
          .toList();
    }

    @Override
    public String toString() {
      return counts.toString();
    }
  }

  private final List<Process> processes = new ArrayList<>();
  private final List<StringBuilder> outs = new ArrayList<>();
  private final List<StringBuilder> errs = new ArrayList<>();
  private final CountDownLatch ready;
  private int runs;

  private Fleet(int n) {
    this.ready = new CountDownLatch(n);
  }

  /** Starts {@code n} workers with {@code args} ({@code key=value}) and extra JVM options; returns once all are READY. */
  static Fleet start(int n, List<String> args, List<String> jvmOptions, Duration readyTimeout) throws Exception {
    Fleet fleet = new Fleet(n);
    try {
      for (int i = 0; i < n; i++) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dorg.slf4j.simpleLogger.logFile=System.err");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.io.imfacade.ratelimit.redis=info");
        command.add("-cp");
        command.add(classpath());
        command.add(LoadWorker.class.getName());
        command.addAll(args);
        Process p = new ProcessBuilder(command).start();
        fleet.processes.add(p);
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        fleet.outs.add(out);
        fleet.errs.add(err);
        drain(p.getInputStream(), out, fleet.ready);
        drain(p.getErrorStream(), err, null);
      }
      if (!fleet.ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("workers not ready within " + readyTimeout + ": " + fleet.errs);
      }
      return fleet;
    } catch (Exception | Error e) {
      fleet.close();
      throw e;
    }
  }

  /** Sets every worker going on the client of {@code store} for {@code durationMs} (or until {@link #stop}). */
  void go(String store, long durationMs) throws IOException {
    runs++;
    send("GO " + store + " " + durationMs);
  }

  /** Ends every worker's run now (each prints its RESULT). */
  void stop() throws IOException {
    send("STOP");
  }

  private void send(String line) throws IOException {
    for (Process p : processes) {
      OutputStream in = p.getOutputStream();
      in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      in.flush();
    }
  }

  /** What each worker has logged (its stderr) since the current run began. */
  List<String> logsSoFar() {
    List<String> logs = new ArrayList<>();
    for (StringBuilder err : errs) {
      synchronized (err) {
        logs.add(sinceLastGo(err.toString()));
      }
    }
    return logs;
  }

  private static String sinceLastGo(String log) {
    int go = log.lastIndexOf(LoadWorker.GO_MARK);
    return go < 0 ? "" : log.substring(go);
  }

  /**
   * Waits for every worker's RESULT of the current run.
   *
   * @throws AssertionError if one has not printed it within {@code timeout} (a hang?)
   */
  List<Result> results(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      String line;
      while ((line = resultLine(i)) == null) {
        if (System.nanoTime() - end > 0) {
          throw new AssertionError("worker " + i + " printed no result of run " + runs + " within " + timeout + " (a hang?); alive: "
              + processes.get(i).isAlive() + "; log:\n" + errs.get(i));
        }
        Thread.sleep(20);
      }
      Map<String, String> counts = new HashMap<>();
      for (String part : line.substring("RESULT ".length()).split(" ")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          counts.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      String log;
      synchronized (errs.get(i)) {
        log = sinceLastGo(errs.get(i).toString());
      }
      results.add(new Result(counts, log));
    }
    return results;
  }

  /** The RESULT line of the current run of worker {@code i}, or null while there is none. */
  private String resultLine(int i) {
    synchronized (outs.get(i)) {
      List<String> lines = outs.get(i).toString().lines().filter(l -> l.startsWith("RESULT ")).toList();
      return lines.size() >= runs ? lines.get(runs - 1) : null;
    }
  }

  /** Ends the workers: EXIT, then killed if they have not exited a few seconds later. */
  @Override
  public void close() {
    for (Process p : processes) {
      try {
        p.getOutputStream().write("EXIT\n".getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
      } catch (IOException e) {
        // gone already
      }
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  private static String classpath() {
    // Surefire runs the tests from a manifest-only jar; it names the real test classpath here.
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  private static void drain(InputStream stream, StringBuilder into, CountDownLatch ready) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (into) {
            into.append(line).append('\n');
          }
          if (ready != null && line.equals("READY")) {
            ready.countDown();
          }
        }
      } catch (IOException e) {
        if (!String.valueOf(e.getMessage()).contains("closed")) {
          throw new UncheckedIOException(e);
        }
      }
    }, "fleet-drain");
    t.setDaemon(true);
    t.start();
  }
}
