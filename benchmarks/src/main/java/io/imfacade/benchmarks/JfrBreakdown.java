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
 * Sorts the JMH worker thread's CPU and allocation samples of a flight recording (JMH {@code -prof
 * jfr}) of {@link FacadeOverheadBenchmark} into the stages of a call, so that the facade's extra
 * cost can be put on named parts. A sample goes to the first stage, in the order below, with a
 * frame on its stack that matches; only the last {@code seconds} of the recording count, which
 * leaves out the warm-up.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.imfacade.benchmarks.JfrBreakdown profile.jfr [seconds]
 * </pre>
 */
public final class JfrBreakdown {

  /** Stage name, then the frame substrings that place a sample in it. */
  private static final String[][] STAGES = {
      {"facade: profile mapping (FamilyProfiles.toProfile)", "FamilyProfiles.toProfile"},
      {"facade: JsonNode -> attribute maps (Answers.attributesByUser)", "Answers.attributesByUser"},
      {"facade: guard: id checks and normalisation (Inputs.users)", "internal.Inputs.users", "Inputs.user"},
      {"facade: guard: results under the caller's ids (CallerIds.rekey)", "CallerIds.rekey"},
      {"response JSON parse (Jackson)", "ObjectReader.readValue", "ObjectMapper.readValue"},
      {"request JSON write (Jackson)", "writeValueAsBytes", "JacksonRequestBodyConverter"},
      {"facade: rate limiter", "AppRateLimiter"},
      {"facade: token (BearerTokenAuth, TokenCache)", "BearerTokenAuth", "TokenCache"},
      {"facade: error mapper", "ErrorMapper"},
      // After the facade's own interceptors (BearerTokenAuth above): the rest of the chain is OkHttp's.
      {"HTTP exchange (OkHttp, Okio)", "okhttp3.", "okio."},
      {"facade: Retrofit call set-up", "retrofit2."},
      {"facade: chunking (Batches)", "Batches"},
      {"facade: executor (RestExecutor, RemoteCore)", "RestExecutor", "RemoteCore"},
      {"facade: getAll merge and result map", "FamilyProfiles.getAll"},
      {"facade: guard (GuardedProfiles)", "GuardedProfiles"},
  };

  private JfrBreakdown() {}

  /**
   * Prints the breakdown.
   *
   * @param args the recording, then optionally how many of its last seconds count (default 20)
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: JfrBreakdown profile.jfr [seconds]");
      System.exit(2);
    }
    Path file = Paths.get(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
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
      if (thread == null || stack == null || thread.getJavaName() == null || !thread.getJavaName().contains("jmh-worker")) {
        continue;
      }
      String stage = stage(stack);
      if (execution) {
        cpu.merge(stage, 1L, Long::sum);
        cpuTotal++;
      } else {
        long weight = event.getLong("weight");
        allocation.merge(stage, weight, Long::sum);
        allocationTotal += weight;
      }
    }
    System.out.printf(Locale.ROOT, "%s, last %.0f s, JMH worker thread%n", file, seconds);
    print("CPU samples", cpu, cpuTotal);
    print("allocation (sampled bytes)", allocation, allocationTotal);
  }

  private static String stage(RecordedStackTrace stack) {
    List<String> frames = new ArrayList<>();
    for (RecordedFrame frame : stack.getFrames()) {
      frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
    }
    for (String[] stage : STAGES) {
      for (int i = 1; i < stage.length; i++) {
        for (String frame : frames) {
          if (frame.contains(stage[i])) {
            return stage[0];
          }
        }
      }
    }
    return "other";
  }

  private static void print(String title, Map<String, Long> byStage, long total) {
    System.out.println(title + ": " + total);
    byStage.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", total == 0 ? 0 : 100d * e.getValue() / total, e.getKey()));
  }
}
