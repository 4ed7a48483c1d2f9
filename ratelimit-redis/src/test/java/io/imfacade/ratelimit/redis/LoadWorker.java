package io.imfacade.ratelimit.redis;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ImException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.http.AppRateLimiter;
import io.imfacade.http.RateLimiterStores;
import io.imfacade.netease.NeteaseProvider;
import io.imfacade.ratelimit.redis.internal.RedisRateLimiter;
import io.imfacade.spi.ProviderContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One instance of a service, as its own JVM, configured with {@code key=value} arguments: one
 * NetEase client per rate-limit store named in {@code stores} (each opened through {@link
 * ImFacade} in its own {@link ProviderContext}, as a redeployment with another {@code
 * rateLimit.store} would have it), whose threads do bulk profile reads back to back.
 *
 * <p>It prints {@code READY} once every client is open, has made one warm-up call and, for
 * {@code redis}, shares the limit through Redis. Then it obeys its stdin: {@code GO <store>
 * <durationMs>} runs the threads on that store's client (stderr gets {@link #GO_MARK} first) and
 * prints one {@code RESULT} line when the time is up or a {@code STOP} line came; {@code EXIT} or
 * the end of stdin ends the JVM.
 *
 * <pre>
 * RESULT ok=412 rateLimited=0 unavailable=0 otherIm=0 unexpected=0 maxCallMs=180 first=-
 * </pre>
 *
 * A call slower than {@code callTimeoutMs} is reported on stderr ({@code SLOW call ...}). Used by
 * {@link MultiInstanceTest} and the load harness ({@link RateLimitLoadHarness}) through {@link
 * Fleet}.
 */
public final class LoadWorker {

  /** The start of the line on stderr between one run's log and what came before. */
  static final String GO_MARK = "--- GO ";

  private LoadWorker() {}

  /**
   * {@code baseUrl= appKey= appSecret= stores= redisUri= redisTimeoutMs= rps= threads= users=
   * batch= callTimeoutMs= maxAttempts=}: {@code stores} is a comma-separated list of {@code
   * rateLimit.store} values (default {@code local}), {@code rps} is {@code
   * rateLimit.requestsPerSecond}, {@code redisTimeoutMs} is {@code rateLimit.redis.timeoutMs}.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    Map<String, String> config = new HashMap<>();
    config.put(ImConfig.PROVIDER, NeteaseProvider.ID);
    config.put(NeteaseProvider.BASE_URL, a.get("baseUrl"));
    config.put(NeteaseProvider.APP_KEY, a.get("appKey"));
    config.put(NeteaseProvider.APP_SECRET, a.get("appSecret"));
    config.put(ImConfig.HTTP_CALL_TIMEOUT_MS, a.getOrDefault("callTimeoutMs", "5000"));
    config.put(ImConfig.RETRY_MAX_ATTEMPTS, a.getOrDefault("maxAttempts", "3"));
    if (a.containsKey("rps")) {
      config.put(ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, a.get("rps"));
    }
    if (a.containsKey("redisUri")) {
      config.put(ImConfig.RATE_LIMIT_REDIS_URI, a.get("redisUri"));
    }
    if (a.containsKey("redisTimeoutMs")) {
      config.put(ImConfig.RATE_LIMIT_REDIS_TIMEOUT_MS, a.get("redisTimeoutMs"));
    }
    int threads = Integer.parseInt(a.getOrDefault("threads", "4"));
    int users = Integer.parseInt(a.getOrDefault("users", "300"));
    int batch = Integer.parseInt(a.getOrDefault("batch", "100"));
    long slowMs = Long.parseLong(config.get(ImConfig.HTTP_CALL_TIMEOUT_MS));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      ids.add("u" + i);
    }

    Map<String, StoreClient> instances = new LinkedHashMap<>();
    try {
      for (String store : a.getOrDefault("stores", "local").split(",")) {
        Map<String, String> own = new HashMap<>(config);
        own.put(ImConfig.RATE_LIMIT_STORE, store);
        StoreClient instance = StoreClient.open(ImConfig.of(own));
        instances.put(store, instance);
        // One call before READY: class loading, the first connections (vendor and Redis) and the
        // first compilations happen here, not in a measured run, where a cold JVM's first call
        // can take seconds on a busy machine.
        try {
          instance.client.profiles().getAll(ids.subList(0, batch));
        } catch (RuntimeException e) {
          System.err.println("warm-up call failed: " + e);
        }
        instance.awaitRedis();
      }
      System.out.println("READY");
      System.out.flush();

      AtomicLong end = new AtomicLong();
      BlockingQueue<String> commands = readCommands(end);
      while (true) {
        String[] command = commands.take().split(" ");
        if (!command[0].equals("GO")) {
          break; // EXIT, or stdin closed
        }
        StoreClient instance = instances.get(command[1]);
        instance.awaitRedis(); // after a test that killed Redis, it starts shared like the first
        System.err.println(GO_MARK + command[1] + " ---"); // what is logged from here on belongs to this run
        end.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(command[2])));
        Counts counts = new Counts();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          running.add(pool.submit(() -> readUntil(instance.client, ids, batch, end, counts, slowMs)));
        }
        for (Future<?> f : running) {
          f.get();
        }
        pool.shutdown();
        System.out.println("RESULT " + counts);
        System.out.flush();
      }
    } finally {
      for (StoreClient instance : instances.values()) {
        instance.close();
      }
    }
    System.exit(0);
  }

  /** Lines of stdin, but STOP (and the end of stdin) ends the current run at once. */
  private static BlockingQueue<String> readCommands(AtomicLong end) {
    BlockingQueue<String> commands = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.equals("STOP")) {
            end.set(System.nanoTime());
          } else {
            commands.add(line);
          }
        }
      } catch (IOException e) {
        // the parent went away: as the end of stdin
      }
      end.set(System.nanoTime());
      commands.add("EXIT");
    }, "command-reader");
    reader.setDaemon(true);
    reader.start();
    return commands;
  }

  private static Void readUntil(ImClient client, List<String> ids, int batch, AtomicLong end, Counts counts, long slowMs) {
    while (System.nanoTime() - end.get() < 0) {
      int from = ThreadLocalRandom.current().nextInt(ids.size() - batch + 1);
      long start = System.nanoTime();
      Instant startedAt = Instant.now();
      String outcome = "ok";
      boolean rateLimited = false;
      try {
        client.profiles().getAll(ids.subList(from, from + batch));
        counts.ok.increment();
      } catch (RateLimitedException e) {
        outcome = e.toString();
        rateLimited = true;
        counts.failed("rateLimited", e);
      } catch (ImException e) {
        outcome = e.toString();
        counts.failed(e.getClass().getSimpleName(), e);
      } catch (RuntimeException e) {
        outcome = e.toString();
        counts.unexpected(e);
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      counts.maxCallMs.accumulateAndGet(ms, Math::max);
      if (ms > slowMs) {
        System.err.println("SLOW call of " + ms + " ms, started " + startedAt + ": " + outcome);
      }
      if (rateLimited) {
        pause(); // the app is blocked: do not spin on client-side refusals
      }
    }
    return null;
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One client with its own context: one instance of the service as configured for one store. */
  private record StoreClient(ProviderContext context, ImClient client, ImConfig config) implements AutoCloseable {

    static StoreClient open(ImConfig config) {
      ProviderContext context = ProviderContext.create();
      try {
        return new StoreClient(context, ImFacade.open(config, context), config);
      } catch (RuntimeException e) {
        context.close();
        throw e;
      }
    }

    /**
     * With the Redis store, returns once the app's limiter uses Redis. A cold JVM on a busy
     * machine may miss the first connection's deadline and start on its fallback; it returns to
     * Redis at the next probe, which only a permit starts. A run is about the shared limit, so it
     * starts once every instance shares it (the fallback has tests of its own).
     */
    void awaitRedis() throws InterruptedException {
      if (!"redis".equals(config.get(ImConfig.RATE_LIMIT_STORE).orElse(""))) {
        return;
      }
      // The client's own limiter: the first client of an app in a context sets its rate.
      AppRateLimiter limiter = RateLimiterStores.limiterFor(context, config,
          NeteaseProvider.ID + ":" + config.require(NeteaseProvider.APP_KEY), NeteaseProvider.DEFAULT_REQUESTS_PER_SECOND);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!((RedisRateLimiter) limiter).isShared() && System.nanoTime() - end < 0) {
        limiter.acquire(Instant.now().plusSeconds(5));
        Thread.sleep(50);
      }
      if (!((RedisRateLimiter) limiter).isShared()) {
        System.err.println("still on the local fallback after 30 s");
      }
    }

    @Override
    public void close() {
      try {
        client.close();
      } finally {
        context.close();
      }
    }
  }

  /** What the threads saw in one run. */
  private static final class Counts {
    final LongAdder ok = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final LongAdder unexpected = new LongAdder();
    final AtomicLong maxCallMs = new AtomicLong();
    volatile String first = "-";

    void failed(String kind, ImException e) {
      LongAdder n = failures.computeIfAbsent(kind, k -> new LongAdder());
      if (n.sum() == 0) {
        System.err.println("first " + kind + ": " + e.getMessage()); // for the test's failure message
      }
      n.increment();
    }

    void unexpected(RuntimeException e) {
      unexpected.increment();
      if ("-".equals(first)) {
        first = (e.getClass().getName() + ":" + e.getMessage()).replace(' ', '_');
      }
    }

    private long count(String kind) {
      LongAdder n = failures.get(kind);
      return n == null ? 0 : n.sum();
    }

    @Override
    public String toString() {
      long rateLimited = count("rateLimited");
      long unavailable = count("ProviderUnavailableException");
      long other = failures.entrySet().stream()
          .filter(e -> !e.getKey().equals("rateLimited") && !e.getKey().equals("ProviderUnavailableException"))
          .mapToLong(e -> e.getValue().sum()).sum();
      return "ok=" + ok.sum() + " rateLimited=" + rateLimited + " unavailable=" + unavailable + " otherIm=" + other
          + " unexpected=" + unexpected.sum() + " maxCallMs=" + maxCallMs.get() + " first=" + first;
    }
  }
}
