package io.imfacade.tck.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.imfacade.ImClient;
import io.imfacade.http.HttpClients;
import io.imfacade.spi.ProviderContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * One WireMock server that fails every request the way of one {@link VendorFault}, for every
 * {@link Vendor}: each (vendor, fault) pair has its own path prefix, below which every request
 * meets the fault (the Easemob app token request excepted, which is answered normally). Clients
 * of all cases share one {@link ProviderContext} (one connection pool), as the clients of a
 * multi-tenant app do, over an OkHttpClient that reports to a {@link ClientLog}.
 */
final class FaultServer implements AutoCloseable {

  private final WireMockServer server;
  private final RequestLog log = new RequestLog();
  private final ClientLog clientLog = new ClientLog();
  private final OkHttpClient http = clientLog.baseClient();
  private final ProviderContext context = ProviderContext.create();
  private final Map<String, ImClient> clients = new ConcurrentHashMap<>();

  /** Starts the server, ready for {@code concurrentCases} cases at the same time. */
  FaultServer(int concurrentCases) {
    server = new WireMockServer(options()
        .dynamicPort()
        .bindAddress("127.0.0.1")
        // A late answer holds a container thread after its client gave up: room for all of them.
        .containerThreads(4 * concurrentCases + 16)
        // The requests are counted by the RequestLog; WireMock's journal would keep every large body.
        .disableRequestJournal()
        // Compressing megabytes for every request would only test WireMock.
        .gzipDisabled(true)
        .stubRequestLoggingDisabled(true));
    server.addMockServiceRequestListener(log);
    context.shared(HttpClients.SHARED_CLIENT_KEY, OkHttpClient.class, () -> http);
    server.start();
    for (Vendor vendor : Vendor.values()) {
      for (VendorFault fault : VendorFault.values()) {
        String base = basePath(vendor, fault);
        vendor.tokenStub(base).ifPresent(token -> server.stubFor(token.atPriority(1)));
        server.stubFor(any(urlPathMatching(Pattern.quote(base) + "/.*")).atPriority(10)
            .willReturn(fault.answer(vendor.family(), vendor.secret())));
      }
    }
  }

  /**
   * The client of {@code vendor} whose every request meets {@code fault}, shared by the cases of
   * the pair as the calls of one tenant share its client; closed with the server. Opening a
   * client per case would cost more than the case (each client warms its own JSON mapper).
   */
  ImClient client(Vendor vendor, VendorFault fault) {
    return clients.computeIfAbsent(basePath(vendor, fault), path -> open(vendor, fault));
  }

  /** A new client of {@code vendor} whose every request meets {@code fault}: the caller closes it. */
  ImClient open(Vendor vendor, VendorFault fault) {
    return vendor.open(server.baseUrl() + basePath(vendor, fault), context, FaultSettings.transport(fault));
  }

  /** The requests of case {@code ids} the server received, oldest first, without the app token requests. */
  List<SentRequest> receivedOf(Vendor vendor, CaseIds ids) {
    return log.of(ids).stream().filter(r -> !vendor.isAppTokenRequest(r)).toList();
  }

  /** The requests of case {@code ids} the client sent, oldest first, without the app token requests. */
  List<SentRequest> sentOf(Vendor vendor, CaseIds ids) {
    return clientLog.sent(ids).stream().filter(r -> !vendor.isAppTokenRequest(r)).toList();
  }

  /** The I/O failures the client met on the requests of case {@code ids}. */
  List<ClientLog.Failure> clientFailuresOf(CaseIds ids) {
    return clientLog.failures(ids);
  }

  /** The path prefix of the (vendor, fault) pair, such as {@code /easemob-http-500}: it is in every log line of its requests. */
  static String basePath(Vendor vendor, VendorFault fault) {
    return "/" + vendor.id() + "-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public void close() {
    clients.values().forEach(ImClient::close);
    context.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    server.stop();
  }
}
