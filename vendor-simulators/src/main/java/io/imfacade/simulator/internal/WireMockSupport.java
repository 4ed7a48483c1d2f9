package io.imfacade.simulator.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/** The WireMock side of the simulators: stubs, rendering and a loopback server. Internal. */
public final class WireMockSupport {

  /**
   * The priority of the simulators' catch-all stubs. WireMock's default is 5 and a lower number
   * wins, so a stub a test adds itself overrides the simulator for the requests it matches.
   */
  public static final int CATCH_ALL_PRIORITY = 10;

  private WireMockSupport() {}

  /**
   * Registers the catch-all stub that hands every request below {@code pathPrefix} to {@code
   * transformer}, after checking that {@code server} was built with it as an extension.
   */
  public static void install(WireMockServer server, Extension transformer, String pathPrefix) {
    Map<String, Extension> declared = server.getOptions().getDeclaredExtensions().getInstances();
    if (declared.get(transformer.getName()) != transformer) {
      throw new IllegalStateException(
          "the WireMockServer was not built with this simulator as an extension: use "
              + "new WireMockServer(WireMockConfiguration.options().extensions(simulator)) before install(server)");
    }
    server.stubFor(
        any(urlPathMatching(Pattern.quote(pathPrefix) + "(/.*)?"))
            .atPriority(CATCH_ALL_PRIORITY)
            .willReturn(aResponse().withTransformers(transformer.getName())));
  }

  /** Starts a WireMock server on a free loopback port with {@code extension} registered. */
  public static WireMockServer startLoopback(Extension extension) {
    WireMockServer server =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                // Fixed delays sleep in a container thread: leave room for slow, parallel calls.
                .containerThreads(64)
                .maxRequestJournalEntries(100_000)
                .stubRequestLoggingDisabled(true)
                .extensions(extension));
    server.start();
    return server;
  }

  /** {@code answer} delayed by {@code delay}. */
  public static ResponseDefinition render(Answer answer, Duration delay) {
    ResponseDefinitionBuilder builder =
        ResponseDefinitionBuilder.responseDefinition()
            .withStatus(answer.status())
            .withHeader("Content-Type", answer.contentType())
            .withBody(answer.body());
    answer.headers().forEach(builder::withHeader);
    return withDelay(builder, delay).build();
  }

  /** A transport fault after {@code delay}. */
  public static ResponseDefinition renderFault(io.imfacade.simulator.Fault.Kind kind, Duration delay) {
    Fault fault = switch (kind) {
      case CONNECTION_RESET -> Fault.CONNECTION_RESET_BY_PEER;
      case EMPTY_RESPONSE -> Fault.EMPTY_RESPONSE;
      case RANDOM_BYTES -> Fault.RANDOM_DATA_THEN_CLOSE;
      default -> throw new IllegalArgumentException("not a WireMock fault: " + kind);
    };
    return withDelay(ResponseDefinitionBuilder.responseDefinition().withFault(fault), delay).build();
  }

  private static ResponseDefinitionBuilder withDelay(ResponseDefinitionBuilder builder, Duration delay) {
    long millis = delay.toMillis();
    if (millis > 0) {
      builder.withFixedDelay((int) Math.min(Integer.MAX_VALUE, millis));
    }
    return builder;
  }
}
