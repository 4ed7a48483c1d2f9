package io.imfacade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.event.CallEvent;
import io.imfacade.spi.CallContext;
import io.imfacade.spi.ProviderContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What listeners, logs and exceptions learn of each call: provider, operation, tenant, outcome. */
class EventsTest {

  private final ProviderContext context = ProviderContext.create();
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();
  private final ImClient im;
  private final RecordingProvider.Services provider;

  EventsTest() {
    context.addListener(events::add);
    im = ImFacade.open(ImConfig.of(Map.of("provider", "recording", "recording.endpoint", "x", "tenant", "acme")), context);
    provider = RecordingProvider.LAST_CLIENT.get();
  }

  @AfterEach
  void close() {
    im.close();
    context.close();
  }

  @Test
  void everyCallIsReportedWithItsOutcomeAndTenant() {
    im.profiles().get("alice");
    assertThatThrownBy(() -> im.profiles().get("a/b")).isInstanceOf(InvalidRequestException.class);

    assertThat(events).hasSize(2);
    CallEvent ok = events.get(0);
    assertThat(ok.provider()).isEqualTo("recording");
    assertThat(ok.operation()).isEqualTo("profiles.get");
    assertThat(ok.tenant()).isEqualTo("acme");
    assertThat(ok.outcome()).isEqualTo(CallEvent.OK);
    assertThat(ok.succeeded()).isTrue();
    assertThat(ok.duration()).isPositive();
    assertThat(events.get(1).outcome()).isEqualTo("InvalidRequestException");
    assertThat(events.get(1).failure()).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void exceptionsOfACallNameItsTenantEvenWhenTheProviderDidNot() {
    provider.failure = new NotFoundException("no such user");
    assertThatThrownBy(() -> im.profiles().get("alice"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.details().tenant()).isEmpty());
    provider.failure = null;
    // Built inside the call: the details pick the tenant up from the call in progress.
    assertThatThrownBy(() -> im.profiles().get("a/b"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.details().tenant()).contains("acme");
          assertThat(e.getMessage()).startsWith("[recording tenant=acme] profiles.get:");
        });
  }

  @Test
  void theMdcNamesTheCallWhileItRunsAndIsRestoredAfter() {
    MDC.put(CallContext.MDC_TENANT, "outer");
    provider.onCall = () -> {
      assertThat(MDC.get(CallContext.MDC_TENANT)).isEqualTo("acme");
      assertThat(MDC.get(CallContext.MDC_PROVIDER)).isEqualTo("recording");
      assertThat(MDC.get(CallContext.MDC_OPERATION)).isEqualTo("contacts.addContact");
      assertThat(CallContext.current()).isNotNull();
    };
    im.contacts().addContact("alice", "bob");
    assertThat(MDC.get(CallContext.MDC_TENANT)).isEqualTo("outer");
    assertThat(MDC.get(CallContext.MDC_OPERATION)).isNull();
    assertThat(CallContext.current()).isNull();
    MDC.clear();
  }

  @Test
  void aFailingListenerNeverFailsACall() {
    context.addListener(e -> {
      throw new IllegalStateException("broken listener");
    });
    im.profiles().get("alice");
    im.profiles().get("bob");
    assertThat(events).hasSize(2);
  }

  @Test
  void aClosedClientReportsNothing() {
    im.close();
    assertThatThrownBy(() -> im.profiles().get("alice")).isInstanceOf(IllegalStateException.class);
    assertThat(events).isEmpty();
  }
}
