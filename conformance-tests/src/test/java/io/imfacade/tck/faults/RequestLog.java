package io.imfacade.tck.faults;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The requests a fault server received, indexed by the case that sent them (the {@link CaseIds}
 * its URL or body names), as they arrive. It replaces WireMock's request journal, whose every
 * look-up copies and scans the whole journal: with a thousand cases at the same time that made the
 * matrix quadratic. WireMock calls it before it sends the answer (or the fault), so a request is
 * in the log before its sender can see any outcome of it.
 */
final class RequestLog implements RequestListener {

  private final Map<Integer, Queue<SentRequest>> byCase = new ConcurrentHashMap<>();

  @Override
  public void requestReceived(Request request, Response response) {
    SentRequest sent = of(request);
    for (int number : CaseIds.numbersIn(sent.url() + "\n" + sent.body())) {
      byCase.computeIfAbsent(number, n -> new ConcurrentLinkedQueue<>()).add(sent);
    }
  }

  /** {@code request} as the tests compare requests. */
  static SentRequest of(Request request) {
    String body = request.getBodyAsString();
    return new SentRequest(request.getMethod().getName(), request.getUrl(), body == null ? "" : body, System.nanoTime());
  }

  /** The requests that named case {@code ids}, oldest first. */
  List<SentRequest> of(CaseIds ids) {
    Queue<SentRequest> mine = byCase.get(ids.number());
    List<SentRequest> sorted = mine == null ? new ArrayList<>() : new ArrayList<>(mine);
    sorted.sort(Comparator.comparingLong(SentRequest::atNanos));
    return sorted;
  }
}
