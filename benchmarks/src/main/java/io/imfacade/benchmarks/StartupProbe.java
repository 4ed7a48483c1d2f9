package io.imfacade.benchmarks;

import io.imfacade.ImFacade;

/**
 * One fresh JVM's way to its first successful call, run by {@link StartupRun}: either {@code
 * ImFacade.open} and a profile read, or the hand-written call's set-up (an OkHttpClient and an
 * ObjectMapper) and the same read, against a stub that is already up. Prints the {@link
 * System#nanoTime()} at the start of {@code main} and at the end of each stage, on Linux the same
 * clock in every process, so that the parent can add the JVM's own start.
 *
 * <p>Before each stage it loads a marker class, so that a class-loading log ({@code
 * -Xlog:class+load}) of the run can be cut into the stages.
 */
public final class StartupProbe {

  private StartupProbe() {}

  /** Marks the start of the facade's provider discovery (split runs only). */
  static final class MarkDiscovery {}

  /** Marks the start of the client set-up ({@code ImFacade.open}, or the OkHttpClient and ObjectMapper). */
  static final class MarkOpen {}

  /** Marks the start of the first call. */
  static final class MarkFirstCall {}

  /** Marks the end of the first call. */
  static final class MarkDone {}

  /**
   * Runs it.
   *
   * @param args {@code facade} or {@code handWritten}, the scenario key, the stub's base URL, and
   *     optionally {@code split}: the facade discovers its providers ({@code ImFacade.providers()})
   *     as a stage of its own before it opens the client
   */
  public static void main(String[] args) throws Exception {
    long main = System.nanoTime();
    boolean facade = args[0].equals("facade");
    Scenario scenario = Scenario.of(args[1]);
    String baseUrl = args[2];
    boolean split = args.length > 3 && args[3].equals("split");
    long discovered = main;
    if (facade && split) {
      touch(MarkDiscovery.class);
      FacadeSide.discover();
      discovered = System.nanoTime();
    }
    touch(MarkOpen.class);
    // Each side in a class of its own: the verifier of this method then loads neither side's types.
    Runnable call = facade ? FacadeSide.open(scenario, baseUrl) : HandSide.open(scenario, baseUrl);
    long opened = System.nanoTime();
    touch(MarkFirstCall.class);
    call.run();
    long done = System.nanoTime();
    touch(MarkDone.class);
    System.out.println("STARTUP main=" + main + " discovered=" + discovered + " opened=" + opened + " done=" + done);
    System.out.flush();
    System.exit(0); // OkHttp's and the facade's threads are daemons, but do not wait for any
  }

  /** {@code ImFacade.open} and the facade's call. */
  private static final class FacadeSide {
    static void discover() {
      if (ImFacade.providers().isEmpty()) {
        throw new IllegalStateException("no provider found");
      }
    }

    static Runnable open(Scenario scenario, String baseUrl) {
      io.imfacade.ImClient client = ImFacade.open(scenario.facadeConfig(baseUrl));
      return () -> check(scenario.batch() ? client.profiles().getAll(scenario.ids()).size()
          : client.profiles().get(Scenario.SINGLE_USER).map(p -> 1).orElse(0), scenario);
    }
  }

  /** The hand-written call's set-up and call. */
  private static final class HandSide {
    static Runnable open(Scenario scenario, String baseUrl) {
      HandWrittenCall hand = new HandWrittenCall(scenario, baseUrl);
      return () -> check(hand.users(hand.call()), scenario);
    }
  }

  private static void touch(Class<?> marker) throws ClassNotFoundException {
    Class.forName(marker.getName());
  }

  private static void check(int users, Scenario scenario) {
    if (users != scenario.users()) {
      throw new IllegalStateException("expected " + scenario.users() + " users, got " + users);
    }
  }

}
