package io.imfacade.ratelimit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, for tests and the load harness: {@code
 * redis-server --port <port> --bind 127.0.0.1 --save '' --appendonly no}, nothing written to disk.
 * It can be killed, restarted on the same port, and frozen ({@code SIGSTOP}) to play a server that
 * stops answering. A machine without {@code redis-server} fails with a message saying how to
 * install it: these tests never skip.
 */
public final class RedisServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  private final int port;
  private final List<String> extraArgs;
  private Process process;

  private RedisServer(int port, List<String> extraArgs) {
    this.port = port;
    this.extraArgs = extraArgs;
  }

  /** Starts a server on a free port; {@code extraArgs} such as {@code --requirepass secret}. */
  public static RedisServer start(String... extraArgs) {
    RedisServer server = new RedisServer(freePort(), List.of(extraArgs));
    server.restart();
    return server;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Whether the process runs (it may be frozen). */
  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /**
   * Starts the server again on the same port (after {@link #kill}); waits until it answers {@code
   * PING}.
   *
   * @throws IllegalStateException if redis-server is missing or does not come up
   */
  public synchronized void restart() {
    if (running()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no"));
    command.addAll(extraArgs);
    Path log = Path.of("target", "redis-" + port + ".log");
    try {
      Files.createDirectories(log.getParent());
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server (" + e.getMessage() + "). These tests need a real Redis:"
          + " install it with 'apt-get install -y redis-server' (.ci/run does so when it is missing)", e);
    }
    long end = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() - end < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with " + process.exitValue() + " on port " + port + "; see " + log);
      }
      if (answersPing()) {
        return;
      }
      sleep(20);
    }
    kill();
    throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + START_TIMEOUT + "; see " + log);
  }

  /** Kills the server ({@code SIGKILL}): connections break at once, its data is gone. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    resume(); // a frozen process dies only once it runs again
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("redis-server on port " + port + " did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    process = null;
  }

  /** Freezes the server ({@code SIGSTOP}): connections stay open, nothing is answered. */
  public synchronized void freeze() {
    signal("STOP");
  }

  /** Lets a frozen server run again ({@code SIGCONT}). */
  public synchronized void resume() {
    signal("CONT");
  }

  @Override
  public void close() {
    kill();
  }

  private void signal(String name) {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " failed for redis-server " + process.pid());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One inline PING with a short timeout; false on any failure (not up yet, or a password needed is fine too). */
  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[64];
      int n = in.read(buffer);
      String answer = n > 0 ? new String(buffer, 0, n, StandardCharsets.US_ASCII) : "";
      return answer.startsWith("+PONG") || answer.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  /** A port nothing listens on right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "RedisServer{" + port + '}';
  }
}
