package io.imfacade.ratelimit.redis.internal;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.RedisApi;
import io.imfacade.ImConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one Redis server, shared by the limiters of every app that uses it in a
 * {@link io.imfacade.spi.ProviderContext}, and whether the limiters may use it right now.
 *
 * <p>Redis trouble never stops the app. A failure, or a command slower than the timeout that a
 * probe right after confirms, marks the link <em>away</em>: the limiters then use their local
 * fallback without touching Redis, and one warning is logged. While away, at most one probe per {@link #PROBE_INTERVAL} (a new connection,
 * or {@code TIME} on the open one) runs in the background, never on a caller's thread; the first that succeeds marks
 * the link shared again and logs one info line. Lettuce's own reconnection is off so that an
 * outage logs one warning, not one per attempt, and a command on a broken connection fails at once
 * instead of waiting in a queue. Thread-safe.
 */
public final class RedisLink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("io.imfacade.ratelimit.redis");

  /**
   * While Redis is away, how often a probe may run. Probes fall on a grid of the wall clock, so
   * that the instances of a fleet notice a restarted Redis within milliseconds of each other: while
   * some still limit on their fallback and others use the bucket again, their rates add up.
   */
  static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
  /** TCP connect timeout of a new connection; it runs in the background. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  /**
   * How long the handshake of a new connection (AUTH, HELLO, then {@code TIME}) may take once TCP
   * is connected. Generous: Redis answers it at once, but a cold JVM on a busy machine may take a
   * second to load and run the client's code, and giving up would put the instance on its
   * fallback while the others use the bucket.
   */
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);
  /**
   * How long a probe on the open connection waits for {@code TIME} after a late answer: far above
   * Redis's usual sub-millisecond answer, so that a busy machine is not taken for an outage, and
   * short enough that callers retry Redis only briefly before the fallback takes over.
   */
  static final Duration CONFIRM_TIMEOUT = Duration.ofMillis(500);
  /** How often the bucket clock is set again to Redis's time (nanoTime drifts by ppm). */
  static final Duration CLOCK_SYNC_INTERVAL = Duration.ofMinutes(1);
  /**
   * How long an idle app's bucket stays in Redis once it is full again: every key expires, so 500
   * tenants cost at most 500 small keys, and a quiet tenant none.
   */
  static final Duration KEEP_IDLE_BUCKET = Duration.ofSeconds(10);

  private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private enum State { STARTING, SHARED, AWAY, CLOSED }

  private final RedisSettings settings;
  private final RedisURI uri;
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisClock clock = new RedisClock();
  private final AsyncProxyManager<Object> buckets;
  private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
  private final AtomicBoolean probing = new AtomicBoolean();
  private final AtomicLong returns = new AtomicLong();
  private final CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
  private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
  private volatile long nextProbeNanos = System.nanoTime();
  private volatile long nextClockSyncNanos = System.nanoTime();
  /** Until when the first permits may wait for the first connection; set by the first probe. */
  private volatile long firstWaitEndsNanos = Long.MAX_VALUE;

  /** A link to the server of {@code settings}. Does no I/O: the first permit connects. */
  public RedisLink(RedisSettings settings) {
    this.settings = settings;
    this.uri = RedisURI.create(settings.uri());
    uri.setTimeout(HANDSHAKE_TIMEOUT);
    // Two I/O and two computation threads: the traffic is a few small commands per permit.
    this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
    this.client = RedisClient.create(resources);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(false)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
        // Permits wait at most the short timeout themselves; Lettuce only clears out what no one
        // waits for any more. A probe may take this long too: one late answer on a busy machine
        // is not taken for an outage.
        .timeoutOptions(TimeoutOptions.enabled(CONNECT_TIMEOUT.plus(settings.timeout())))
        .build());
    this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(new Commands())
        .clientClock(clock)
        .requestTimeout(settings.timeout())
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_IDLE_BUCKET))
        .build()
        .asAsync();
  }

  /** The settings, for the limiters. */
  public RedisSettings settings() {
    return settings;
  }

  /** The bucket clock's time now: Redis's, in nanoseconds since the epoch. */
  public long clockNanos() {
    return clock.currentTimeNanos();
  }

  /**
   * The shared bucket under {@code key}, created in Redis with {@code configuration} when absent.
   * Its requests are batched (bucket4j's batching optimization): while one compare-and-swap is in
   * flight, the requests of the other threads wait and go as one in the next. Without it, every
   * thread of every instance races for the one key, and most compare-and-swaps fail and retry
   * (seen: 16 threads of 4 JVMs on a busy machine got 4 permits a second); one at a time per
   * instance, without merging, a busy instance cannot reserve as fast as the rate.
   */
  public AsyncBucketProxy bucket(String key, BucketConfiguration configuration) {
    CompletableFuture<BucketConfiguration> config = CompletableFuture.completedFuture(configuration);
    return buckets.builder().withOptimization(Optimizations.batching()).build(key, () -> config);
  }

  /**
   * Whether limiters may use Redis now. While away it starts a background probe if one is due and
   * answers false at once. The permits asked for while a new link makes its first connection wait
   * for it, never past {@code deadlineNanos} (on the {@link System#nanoTime()} scale) and never
   * longer than the attempt may take (a refused connection fails at once): an instance that
   * started on its fallback while the others use the bucket would add its share on top of the
   * shared rate. This happens once per link.
   */
  public boolean usable(long deadlineNanos) {
    State s = state.get();
    if (s == State.SHARED) {
      maybeSyncClock();
      return true;
    }
    if (s == State.CLOSED) {
      return false;
    }
    maybeProbe(false);
    if (s == State.STARTING) {
      long wait = Math.min(firstWaitEndsNanos, deadlineNanos) - System.nanoTime();
      if (wait > 0) {
        try {
          firstAttempt.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // not connected in time: the fallback serves this permit
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return state.get() == State.SHARED;
    }
    return false;
  }

  /** How many times Redis has come back after being away: limiters settle their fallback once per return. */
  public long returns() {
    return returns.get();
  }

  /** Whether limiters use Redis right now: false while starting, away or closed. Does no I/O. */
  public boolean isShared() {
    return state.get() == State.SHARED;
  }

  /**
   * The commands of the open connection.
   *
   * @throws RedisConnectionException if there is none
   */
  public RedisAsyncCommands<String, byte[]> commands() {
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c == null || !c.isOpen()) {
      throw new RedisConnectionException("no open connection to " + settings.shownUri());
    }
    return c.async();
  }

  /**
   * Reports a failed or too slow command. A refused or broken connection marks the link away at
   * once, with one warning (none while it is away already). A command that was only too slow
   * starts a probe instead, and the link goes away only if Redis does not answer that either: one
   * late answer, such as one held up by a pause of this JVM, is not an outage.
   */
  public void failed(Throwable cause) {
    if (state.get() == State.SHARED && isTimeout(cause)) {
      maybeProbe(true);
      return;
    }
    away(cause);
  }

  private void away(Throwable cause) {
    nextProbeNanos = nextProbeAfter(System.nanoTime());
    State previous = state.getAndUpdate(s -> s == State.CLOSED ? State.CLOSED : State.AWAY);
    if (previous == State.SHARED || previous == State.STARTING) {
      LOG.warn("Redis at {} is unreachable ({}): each instance now limits every app on its own, to {} of the app's rate,"
          + " until Redis answers again", settings.shownUri(), describe(cause), settings.fallbackShare());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("Redis at {} still unreachable ({})", settings.shownUri(), describe(cause));
    }
  }

  private static boolean isTimeout(Throwable cause) {
    Throwable c = unwrap(cause);
    return c instanceof TimeoutException || c instanceof RedisCommandTimeoutException
        || c instanceof io.github.bucket4j.TimeoutException;
  }

  private void back() {
    State previous = state.getAndUpdate(s -> s == State.CLOSED ? State.CLOSED : State.SHARED);
    if (previous == State.AWAY) {
      returns.incrementAndGet();
      LOG.info("Redis at {} answers again: rate limits are shared through it again", settings.shownUri());
    } else if (previous == State.STARTING) {
      LOG.debug("rate limits shared through Redis at {}", settings.shownUri());
    }
  }

  /** Starts a probe in the background if one is due (or {@code now}) and none runs. */
  private void maybeProbe(boolean now) {
    long nanos = System.nanoTime();
    if ((!now && nanos - nextProbeNanos < 0) || !probing.compareAndSet(false, true)) {
      return;
    }
    nextProbeNanos = nextProbeAfter(nanos);
    if (firstWaitEndsNanos == Long.MAX_VALUE) {
      // As long as the first attempt may take: starting on the fallback while the other instances
      // use the bucket would put their shares on top of the shared rate.
      firstWaitEndsNanos = nanos + firstAttemptBound().toNanos();
    }
    CompletableFuture<?> attempt;
    Duration bound;
    try {
      StatefulRedisConnection<String, byte[]> c = connection;
      boolean open = c != null && c.isOpen();
      bound = open ? CONFIRM_TIMEOUT.plus(settings.timeout()) : firstAttemptBound();
      attempt = (open ? syncClock(c) : connect()).toCompletableFuture();
    } catch (RuntimeException e) {
      bound = firstAttemptBound();
      attempt = CompletableFuture.failedFuture(e);
    }
    // Bounded, so that a server that accepts connections but never answers cannot stall probing.
    attempt.orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((ok, e) -> {
          probing.set(false);
          if (e == null) {
            back();
          } else {
            away(e);
          }
          firstAttempt.complete(null);
        });
  }

  /** The next point of the probe grid after {@code nowNanos}, on the nanoTime scale. */
  private static long nextProbeAfter(long nowNanos) {
    long interval = PROBE_INTERVAL.toMillis();
    long untilGrid = interval - Math.floorMod(System.currentTimeMillis(), interval);
    return nowNanos + TimeUnit.MILLISECONDS.toNanos(untilGrid);
  }

  /** The longest a probe takes: connecting, the handshake and one command. */
  private Duration firstAttemptBound() {
    return CONNECT_TIMEOUT.plus(HANDSHAKE_TIMEOUT);
  }

  private CompletionStage<?> connect() {
    return client.connectAsync(CODEC, uri).thenCompose(c -> {
      StatefulRedisConnection<String, byte[]> old = connection;
      connection = c;
      if (old != null) {
        old.closeAsync();
      }
      if (state.get() == State.CLOSED) {
        c.closeAsync();
      }
      return syncClock(c);
    });
  }

  private void maybeSyncClock() {
    long now = System.nanoTime();
    if (now - nextClockSyncNanos < 0) {
      return;
    }
    nextClockSyncNanos = now + CLOCK_SYNC_INTERVAL.toNanos();
    try {
      syncClock(commands()).exceptionally(e -> null); // a real outage shows on the next permit
    } catch (RuntimeException e) {
      // likewise
    }
  }

  private CompletionStage<Void> syncClock(StatefulRedisConnection<String, byte[]> c) {
    return syncClock(c.async());
  }

  private CompletionStage<Void> syncClock(RedisAsyncCommands<String, byte[]> commands) {
    long sent = System.nanoTime();
    nextClockSyncNanos = sent + CLOCK_SYNC_INTERVAL.toNanos();
    return commands.time().thenAccept(time -> clock.sync(time, sent, System.nanoTime()));
  }

  private static Throwable unwrap(Throwable cause) {
    Throwable c = cause;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** The failure in one line, the URI's password masked; never the stack. */
  private String describe(Throwable cause) {
    Throwable c = unwrap(cause);
    String text = c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    return settings.redactor().redact(ImConfig.maskUserInfo(text));
  }

  /** Closes the connection and Lettuce's threads; the limiters fall back from then on. */
  @Override
  public void close() {
    state.set(State.CLOSED);
    StatefulRedisConnection<String, byte[]> c = connection;
    connection = null;
    try {
      if (c != null) {
        c.close();
      }
    } finally {
      // A quiet period, so that the completions of commands still in flight (their timeouts run
      // on Lettuce's executors) find the executors alive instead of logging a rejection.
      client.shutdown(Duration.ofMillis(100), Duration.ofSeconds(2));
      resources.shutdown(100, 2000, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public String toString() {
    return "RedisLink{" + settings.shownUri() + ", " + state.get() + '}';
  }

  /**
   * What bucket4j sends, on whatever connection is open now (a probe may have replaced it). Keys
   * are typed {@code Object}: bucket4j hands them over in an {@code Object[]} whatever its type
   * parameter says, so a {@code String[]} parameter would fail its cast. Never throws: without a
   * connection it answers a failed future, because bucket4j's batching gets stuck for good (every
   * later request queued behind one that never ends) when the first request of a batch throws.
   */
  private final class Commands implements RedisApi<Object> {
    @Override
    public <V> RedisFuture<V> eval(String script, ScriptOutputType type, Object[] keys, byte[][] params) {
      return send(CommandType.EVAL, c -> c.eval(script, type, Arrays.copyOf(keys, keys.length, String[].class), params));
    }

    @Override
    public RedisFuture<byte[]> get(Object key) {
      return send(CommandType.GET, c -> c.get((String) key));
    }

    @Override
    public RedisFuture<?> delete(Object key) {
      return send(CommandType.DEL, c -> c.del((String) key));
    }

    private <V> RedisFuture<V> send(CommandType type, Function<RedisAsyncCommands<String, byte[]>, RedisFuture<V>> command) {
      try {
        return command.apply(commands());
      } catch (RuntimeException e) {
        AsyncCommand<String, byte[], V> failed = new AsyncCommand<>(new Command<>(type, null));
        failed.completeExceptionally(e);
        return failed;
      }
    }
  }
}
