package io.imfacade.tck.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.requestMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Faults for some requests of some cases, in front of a vendor simulator that answers every other
 * request as the vendor would: each case says which of its requests meet which {@link
 * VendorFault}, and one stub per fault, ahead of the simulator's, answers those. A faulted request
 * never reaches the simulator, so its state shows what the vendor really did.
 */
final class Poisons {

  /** WireMock's default is 5 and the simulators' catch-all 10: lower wins. */
  private static final int PRIORITY = 1;

  private record Poison(VendorFault fault, Predicate<SentRequest> requests) {}

  private final Map<Integer, Poison> byCase = new ConcurrentHashMap<>();

  /** Installs the stubs of every fault on {@code server}, with the bodies of {@code vendor} (quoting its secret). */
  void install(WireMockServer server, Vendor vendor) {
    for (VendorFault fault : VendorFault.values()) {
      server.stubFor(requestMatching(request -> MatchResult.of(poisoned(fault, RequestLog.of(request))))
          .atPriority(PRIORITY)
          .willReturn(fault.answer(vendor.family(), vendor.secret())));
    }
  }

  /** From now on, the requests of case {@code ids} that {@code requests} picks meet {@code fault}. */
  void put(CaseIds ids, VendorFault fault, Predicate<SentRequest> requests) {
    byCase.put(ids.number(), new Poison(fault, requests));
  }

  private boolean poisoned(VendorFault fault, SentRequest request) {
    for (int number : CaseIds.numbersIn(request.url() + "\n" + request.body())) {
      Poison poison = byCase.get(number);
      if (poison != null && poison.fault() == fault && poison.requests().test(request)) {
        return true;
      }
    }
    return false;
  }
}
