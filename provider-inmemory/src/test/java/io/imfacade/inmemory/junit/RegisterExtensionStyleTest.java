package io.imfacade.inmemory.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.error.NotFoundException;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.inmemory.vendors.VendorA;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Style 3: a {@code @RegisterExtension} field configured with the builder. */
class RegisterExtensionStyleTest {

  private static final List<InMemoryImClient> SEEN = new ArrayList<>();

  @RegisterExtension
  InMemoryImExtension im = InMemoryImExtension.builder().limits("vendor-a").users("alice", "bob").build();

  @AfterEach
  void record() {
    SEEN.add(im.client());
  }

  @AfterAll
  static void clientsWereFreshAndClosed() {
    assertThat(SEEN).isNotEmpty().doesNotHaveDuplicates();
    for (InMemoryImClient client : SEEN) {
      assertThatThrownBy(client::reset).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void clientHasTheBuilderSettings() {
    InMemoryImClient client = im.client();
    assertThat(client.limits()).isSameAs(VendorA.LIMITS);
    assertThat(client.accounts().exists("alice")).isTrue();
    assertThatThrownBy(() -> client.contacts().addContact("alice", "carol")).isInstanceOf(NotFoundException.class);
    client.contacts().addContact("alice", "bob");
  }

  @Test
  void parametersGetTheSameClient(ImClient injected) {
    assertThat(injected).isSameAs(im.client());
    assertThat(injected.contacts().allContacts("alice")).as("fresh client").isEmpty();
  }

  @Test
  void clientOutsideATestIsAnError() {
    InMemoryImExtension idle = InMemoryImExtension.builder().autoUsers().build();
    assertThatThrownBy(idle::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("no test is running");
  }
}
