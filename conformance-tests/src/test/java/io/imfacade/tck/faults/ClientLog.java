package io.imfacade.tck.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * What the HTTP client itself did, filed under the cases each request names ({@link CaseIds}):
 * every request it put on the wire, and every I/O failure it met. Seen through an OkHttp {@link
 * EventListener} on the base client of the fault tests' context (a user may register an
 * OkHttpClient of their own, see {@code HttpClients.SHARED_CLIENT_KEY}; the providers build on it).
 *
 * <p>The sent requests are what retries are counted on: the server's count can be lower on a
 * loaded machine, when a request the client gave up on never reached WireMock's handler. The
 * failures tell a timeout the fault caused from one the machine caused: on two loaded cores,
 * WireMock sometimes answers a plain request after the read timeout, and the case then tests
 * another fault than its own.
 */
final class ClientLog extends EventListener {

  private final Map<Integer, Queue<SentRequest>> sent = new ConcurrentHashMap<>();
  private final Map<Integer, Queue<Failure>> failures = new ConcurrentHashMap<>();

  /**
   * One failure the client met.
   *
   * @param request the request that met it
   * @param exception what OkHttp reported
   */
  record Failure(SentRequest request, IOException exception) {}

  /**
   * An OkHttpClient with the settings of the transport's own shared client (no silent retry, a
   * pool for many clients) that reports to this.
   */
  OkHttpClient baseClient() {
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(32, 55, TimeUnit.SECONDS))
        .retryOnConnectionFailure(false)
        .eventListener(this)
        .build();
  }

  /** The requests the client sent for case {@code ids}, oldest first. */
  List<SentRequest> sent(CaseIds ids) {
    Queue<SentRequest> mine = sent.get(ids.number());
    return mine == null ? List.of() : List.copyOf(mine);
  }

  /** The failures the requests of case {@code ids} met. */
  List<Failure> failures(CaseIds ids) {
    Queue<Failure> mine = failures.get(ids.number());
    return mine == null ? List.of() : List.copyOf(mine);
  }

  @Override
  public void requestHeadersStart(Call call) {
    SentRequest request = sentRequest(call.request());
    for (int number : CaseIds.numbersIn(request.url() + "\n" + request.body())) {
      sent.computeIfAbsent(number, n -> new ConcurrentLinkedQueue<>()).add(request);
    }
  }

  private void record(Call call, IOException e) {
    SentRequest request = sentRequest(call.request());
    for (int number : CaseIds.numbersIn(request.url() + "\n" + request.body())) {
      failures.computeIfAbsent(number, n -> new ConcurrentLinkedQueue<>()).add(new Failure(request, e));
    }
  }

  /** The request as the server's {@link RequestLog} records it: method, path and query, body. */
  private static SentRequest sentRequest(Request request) {
    String query = request.url().encodedQuery();
    String url = request.url().encodedPath() + (query == null ? "" : "?" + query);
    String body = "";
    RequestBody requestBody = request.body();
    if (requestBody != null && !requestBody.isOneShot() && !requestBody.isDuplex()) {
      try (Buffer buffer = new Buffer()) {
        requestBody.writeTo(buffer);
        body = buffer.readUtf8();
      } catch (IOException e) {
        // a body that cannot be written again names no case: the URL may
      }
    }
    return new SentRequest(request.method(), url, body, System.nanoTime());
  }

  @Override
  public void connectFailed(Call call, InetSocketAddress address, Proxy proxy, @Nullable Protocol protocol,
      IOException e) {
    record(call, e);
  }

  @Override
  public void requestFailed(Call call, IOException e) {
    record(call, e);
  }

  @Override
  public void responseFailed(Call call, IOException e) {
    record(call, e);
  }

  @Override
  public void callFailed(Call call, IOException e) {
    record(call, e);
  }
}
