package io.imfacade.http;

import java.io.IOException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Cache;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The OkHttpClient one {@link io.imfacade.spi.ProviderContext} shares between all its clients,
 * and what to release when the context closes (OkHttpClient itself is not closeable).
 */
final class SharedOkHttpClient implements AutoCloseable {

  private final OkHttpClient client;

  SharedOkHttpClient() {
    // Only asynchronous calls use the dispatcher's threads (the executor calls synchronously);
    // they are daemon threads so that they never hold the JVM open.
    ThreadPoolExecutor dispatcherThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), DaemonThreads.factory("imfacade-okhttp-"));
    Dispatcher dispatcher = new Dispatcher(dispatcherThreads);
    // Many tenants talk to the same vendor host: the default of 5 per host is for browsers.
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(64);
    this.client = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        // Idle connections are dropped a little before the usual 60 s server keep-alive, so that
        // a request rarely meets a connection the server already closed.
        .connectionPool(new ConnectionPool(32, 55, TimeUnit.SECONDS))
        .connectTimeout(HttpSettings.DEFAULT_CONNECT_TIMEOUT)
        .readTimeout(HttpSettings.DEFAULT_READ_TIMEOUT)
        .writeTimeout(HttpSettings.DEFAULT_READ_TIMEOUT)
        // OkHttp would otherwise silently resend a request, even a POST, after some I/O failures;
        // RestExecutor decides that, knowing whether the operation is idempotent.
        .retryOnConnectionFailure(false)
        .build();
  }

  OkHttpClient client() {
    return client;
  }

  @Override
  public void close() throws IOException {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    Cache cache = client.cache();
    if (cache != null) {
      cache.close();
    }
  }
}
