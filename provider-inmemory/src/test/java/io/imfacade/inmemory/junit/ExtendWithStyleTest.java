package io.imfacade.inmemory.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.account.Registration;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.profile.ProfileUpdate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Style 1: {@code @ExtendWith} and parameters, with the defaults. */
@ExtendWith(InMemoryImExtension.class)
class ExtendWithStyleTest {

  private static final List<InMemoryImClient> SEEN = new ArrayList<>();

  private InMemoryImClient fromBeforeEach;

  @BeforeEach
  void setUp(InMemoryImClient im) {
    fromBeforeEach = im;
    im.accounts().register(Registration.of("alice"));
  }

  @AfterEach
  void tearDown(ImClient im) {
    assertThat(im).isSameAs(fromBeforeEach);
    assertThat(im.profiles().get("alice")).as("still open in @AfterEach").isPresent();
    SEEN.add(InMemoryImClient.of(im));
  }

  @AfterAll
  static void everyTestHadItsOwnClientClosedAfterIt() {
    assertThat(SEEN).isNotEmpty().doesNotHaveDuplicates();
    for (InMemoryImClient client : SEEN) {
      assertThatThrownBy(() -> client.profiles().get("alice")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void injectsTheSameClientAsBeforeEach(ImClient im) {
    assertThat(im).isSameAs(fromBeforeEach);
    assertThat(InMemoryImClient.of(im).limits().name()).isEqualTo("portable");
    assertThat(im.profiles().get("alice")).isEmpty();
    im.profiles().update("alice", ProfileUpdate.builder().nickname("first").build());
  }

  @Test
  void callsGoThroughTheNeutralGuard(ImClient im) {
    im.profiles().update("Alice", ProfileUpdate.builder().nickname("A").build());
    // only the guard answers under the caller's spelling, and refuses a blank id before the store
    assertThat(im.profiles().getAll(List.of("ALICE"))).containsOnlyKeys("ALICE");
    assertThatThrownBy(() -> im.profiles().get(" "))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.provider()).contains("inmemory"));
  }

  @Test
  void startsFromAnEmptyClient(InMemoryImClient im) {
    assertThat(im.profiles().get("alice")).as("nothing left by another test").isEmpty();
    assertThat(im.accounts().exists("bob")).isFalse();
    im.profiles().update("alice", ProfileUpdate.builder().nickname("second").build());
  }
}
