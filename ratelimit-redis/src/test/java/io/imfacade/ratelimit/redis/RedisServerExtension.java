package io.imfacade.ratelimit.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension running its own {@link RedisServer} for the tests of a class (register it on
 * a static field): started before all tests, running again and emptied before each (a test may
 * kill or freeze it), stopped after all. {@link #admin()} is a plain Redis client for assertions.
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final String[] extraArgs;
  private RedisServer server;
  private RedisClient adminClient;
  private StatefulRedisConnection<String, String> adminConnection;
  private String password;

  /** A server with {@code extraArgs}, such as {@code --requirepass secret}. */
  public RedisServerExtension(String... extraArgs) {
    this.extraArgs = extraArgs.clone();
    for (int i = 0; i + 1 < extraArgs.length; i++) {
      if (extraArgs[i].equals("--requirepass")) {
        password = extraArgs[i + 1];
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = RedisServer.start(extraArgs);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server.resume();
    server.restart();
    admin().flushall();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeAdmin();
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** The server. */
  public RedisServer server() {
    return server;
  }

  /** The URI clients connect with, the password included. */
  public String uri() {
    return password == null ? server.uri() : "redis://:" + password + "@127.0.0.1:" + server.port();
  }

  /** A synchronous client of the server for assertions, reconnected after a restart. */
  public synchronized RedisCommands<String, String> admin() {
    if (adminConnection == null || !adminConnection.isOpen()) {
      closeAdmin();
      adminClient = RedisClient.create(RedisURI.create(uri()));
      // No reconnection: a killed server must not make this client log a warning per attempt.
      adminClient.setOptions(ClientOptions.builder().autoReconnect(false).build());
      adminConnection = adminClient.connect();
    }
    return adminConnection.sync();
  }

  private synchronized void closeAdmin() {
    if (adminConnection != null) {
      adminConnection.close();
      adminConnection = null;
    }
    if (adminClient != null) {
      adminClient.shutdown();
      adminClient = null;
    }
  }
}
