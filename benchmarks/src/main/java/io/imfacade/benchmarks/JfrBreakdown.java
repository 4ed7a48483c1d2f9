package io.imfacade.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sorts the CPU and allocation samples of one thread in a flight recording ({@link ProfileRun}, or
 * JMH's {@code -prof jfr}) by who is responsible for them: the code that owns the top-most frame
 * outside the JDK (a {@code HashMap.put} called by the guard counts for the guard, a {@code
 * String} made by Jackson for Jackson). Only the last {@code seconds} of the recording count, which
 * leaves out a warm-up; with {@code --top N} it also lists the heaviest frames and allocation sites.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.JfrBreakdown profile.jfr [seconds] [thread] [--top N]
 * </pre>
 */
public final class JfrBreakdown {

  /** Owner name, then the class-name prefixes it owns; the first match counts. */
  private static final String[][] OWNERS = {
      {"facade: guard (checks, call context, re-keying, events)", "io.imfacade.internal.", "io.imfacade.spi.",
          "io.imfacade.ImFacade", "io.imfacade.event."},
      {"facade: neutral model (UserProfile)", "io.imfacade.profile.", "io.imfacade.error."},
      {"facade: transport (executor, limiter, auth, interceptors, endpoints, batches)", "io.imfacade.http."},
      {"facade: provider (answer reading, mapping, signing)", "io.imfacade.easemob.", "io.imfacade.netease.",
          "io.imfacade.shengwang."},
      {"Retrofit", "retrofit2."},
      {"JSON (Jackson)", "com.fasterxml.jackson."},
      {"HTTP (OkHttp, Okio, Kotlin stdlib)", "okhttp3.", "okio.", "kotlin."},
      {"hand-written call and harness", "io.imfacade.benchmarks.", "org.openjdk.jmh."},
  };

  private JfrBreakdown() {}

  /**
   * Prints the breakdown.
   *
   * @param args the recording, then optionally how many of its last seconds count (default 20), the
   *     name (or part of it) of the thread to count (default {@code jmh-worker}; {@code main} for
   *     {@link ProfileRun}), and {@code --top N} to list the N heaviest CPU frames and allocation sites
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: JfrBreakdown profile.jfr [seconds] [thread] [--top N]");
      System.exit(2);
    }
    Path file = Paths.get(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
    String threadName = args.length > 2 ? args[2] : "jmh-worker";
    int top = args.length > 4 && args[3].equals("--top") ? Integer.parseInt(args[4]) : 0;
    Map<String, Long> cpuSites = new LinkedHashMap<>();
    Map<String, Long> allocationSites = new LinkedHashMap<>();
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Instant end = events.stream().map(RecordedEvent::getEndTime).max(Comparator.naturalOrder()).orElseThrow();
    Instant from = end.minusNanos((long) (seconds * 1e9));
    Map<String, Long> cpu = new LinkedHashMap<>();
    Map<String, Long> allocation = new LinkedHashMap<>();
    long cpuTotal = 0;
    long allocationTotal = 0;
    for (RecordedEvent event : events) {
      String type = event.getEventType().getName();
      boolean execution = type.equals("jdk.ExecutionSample");
      if (event.getStartTime().isBefore(from) || !(execution || type.equals("jdk.ObjectAllocationSample"))) {
        continue;
      }
      RecordedThread thread = event.getThread(execution ? "sampledThread" : "eventThread");
      RecordedStackTrace stack = event.getStackTrace();
      if (thread == null || stack == null || thread.getJavaName() == null || !thread.getJavaName().contains(threadName)) {
        continue;
      }
      String stage = stage(stack);
      if (execution) {
        cpu.merge(stage, 1L, Long::sum);
        cpuSites.merge(site(stack, null), 1L, Long::sum);
        cpuTotal++;
      } else {
        long weight = event.getLong("weight");
        allocation.merge(stage, weight, Long::sum);
        allocationSites.merge(site(stack, event.getClass("objectClass").getName()), weight, Long::sum);
        allocationTotal += weight;
      }
    }
    System.out.printf(Locale.ROOT, "%s, last %.0f s, thread '%s'%n", file, seconds, threadName);
    print("CPU samples", cpu, cpuTotal);
    print("allocation (sampled bytes)", allocation, allocationTotal);
    if (top > 0) {
      printTop("CPU: top frames (with the nearest caller outside java.*, jdk.*, sun.*)", cpuSites, cpuTotal, top);
      printTop("allocation: top sites (class allocated, frames)", allocationSites, allocationTotal, top);
    }
  }

  /** The allocated class (if any), the top frame and the nearest frame outside the JDK. */
  private static String site(RecordedStackTrace stack, String allocated) {
    List<RecordedFrame> frames = stack.getFrames();
    StringBuilder sb = new StringBuilder(allocated == null ? "" : allocated + " <- ");
    if (frames.isEmpty()) {
      return sb.append("?").toString();
    }
    sb.append(name(frames.get(0)));
    for (int i = 0; i < frames.size(); i++) {
      String n = name(frames.get(i));
      if (!(n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun."))) {
        if (i > 0) {
          sb.append(" <- ").append(n);
        }
        if (i + 1 < frames.size()) {
          sb.append(" <- ").append(name(frames.get(i + 1)));
        }
        break;
      }
    }
    return sb.toString();
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
  }

  private static void printTop(String title, Map<String, Long> sites, long total, int top) {
    System.out.println(title + ":");
    sites.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", total == 0 ? 0 : 100d * e.getValue() / total, e.getKey()));
  }

  private static String stage(RecordedStackTrace stack) {
    for (RecordedFrame frame : stack.getFrames()) {
      String type = frame.getMethod().getType().getName();
      for (String[] owner : OWNERS) {
        for (int i = 1; i < owner.length; i++) {
          if (type.startsWith(owner[i])) {
            return owner[0];
          }
        }
      }
    }
    return "JDK only";
  }

  /** The allocated class (if any), the top frame and the nearest frame outside the JDK. */
  private static void print(String title, Map<String, Long> byStage, long total) {
    System.out.println(title + ": " + total);
    byStage.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", total == 0 ? 0 : 100d * e.getValue() / total, e.getKey()));
  }
}
