package io.imfacade.ratelimit.redis;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.imfacade.simulator.netease.NeteaseSimulator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the vendor simulator received: the arrival time (milliseconds) of every API request, from
 * the request journal of the WireMock server the simulator runs on (the simulator resets it with
 * its state before each test).
 */
final class VendorRecord {

  private VendorRecord() {}

  /** Arrival times of the requests under {@code /nimserver}, in milliseconds since the epoch. */
  static List<Long> arrivals(WireMockServer server) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith(NeteaseSimulator.PATH_PREFIX))
        .map(ServeEvent::getRequest)
        .map(r -> r.getLoggedDate().getTime())
        .sorted()
        .collect(Collectors.toList());
  }
}
