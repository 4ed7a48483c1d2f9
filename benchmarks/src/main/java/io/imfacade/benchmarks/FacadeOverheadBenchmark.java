package io.imfacade.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the facade costs on top of the HTTP call it makes, in the four {@link Scenario}s (Easemob
 * batch read of 100 users, NetEase batch read of 200 users, and a single read on each): the
 * facade's call against the same request written by hand with OkHttp and Jackson ({@link
 * ScenarioCalls}), both against one loopback stub in a process of its own ({@link LoopbackStub})
 * that answers with the vendor's documented answer.
 *
 * <p>The facade runs with fixed credentials (no token request) and a rate limit far above what two
 * threads reach, so that neither a token endpoint nor the limiter's pacing is measured: what remains
 * is the guard (checks, call context, events), the limiter's bookkeeping, Retrofit, the
 * interceptors, the error checks and the mapping into the neutral model.
 *
 * <p>Sample-time mode, so that JMH reports the median (p0.50) of each. Run it through {@link
 * FacadeOverheadRun}, which alternates the two sides fork by fork and adds {@code -prof gc}; see
 * BENCHMARKS.md.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The C2 compilation of OkHttp, Jackson and the facade takes some 10-20 s before the per-call time
// settles (the stub warms up in its own process at the same time), hence the long warm-up.
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class FacadeOverheadBenchmark {

  /** The {@link Scenario#key()} to measure. */
  @Param({"easemobBatch", "neteaseBatch", "easemobSingle", "neteaseSingle"})
  public String scenario;

  private LoopbackStub stub;
  private ScenarioCalls calls;

  @Setup(Level.Trial)
  public void setUp() {
    Scenario s = Scenario.of(scenario);
    stub = LoopbackStub.start(s);
    calls = new ScenarioCalls(s, stub.baseUrl(s));
    calls.check();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    calls.close();
    stub.close();
  }

  /** The facade: checks, one rate-limited, retried-if-needed request, neutral profiles. */
  @Benchmark
  public Object facade() {
    return calls.facade();
  }

  /** The same request by hand: documented body and headers, answer parsed into a Map. */
  @Benchmark
  public Map<String, Object> handWritten() {
    return calls.handWritten();
  }
}
