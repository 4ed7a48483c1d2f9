package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.account.Registration;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.profile.ProfileUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each {@code inmemory.limits} value enforces its vendor's table, both in the guard (input alone)
 * and in the store (after merging with what is there): a test fails where that vendor would.
 */
class LimitsTest {

  private static InMemoryImClient client(String limits) {
    return InMemoryImClient.create(Map.of("inmemory.limits", limits, "inmemory.users", "auto"));
  }

  @Test
  void birthOf20CharactersFitsVendorAButNotPortableNorVendorB() {
    ProfileUpdate update = ProfileUpdate.builder().birth("2000-01-01T00:00:00Z").build();
    try (InMemoryImClient a = client("vendor-a"); InMemoryImClient portable = client("portable");
        InMemoryImClient b = client("vendor-b")) {
      a.profiles().update("alice", update);
      assertThat(a.profiles().get("alice").orElseThrow().birth()).hasSize(20);

      for (InMemoryImClient strict : List.of(portable, b)) {
        assertThatThrownBy(() -> strict.profiles().update("alice", update))
            .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("birth"))
            .hasMessageContaining("16 bytes");
        assertThat(strict.profiles().get("alice")).isEmpty();
      }
    }
  }

  @Test
  void idRulesFollowTheEmulatedVendorAlsoInTheFixtures() {
    try (InMemoryImClient b = client("vendor-b"); InMemoryImClient portable = client("portable");
        InMemoryImClient a = client("vendor-a"); InMemoryImClient none = client("none")) {
      b.profiles().update("a@b", ProfileUpdate.builder().nickname("A").build());
      assertThat(b.profiles().get("A@B")).isPresent();
      assertThat(b.accounts().exists("A@B")).isTrue();

      for (InMemoryImClient other : List.of(portable, a)) {
        assertThatThrownBy(() -> other.profiles().get("a@b"))
            .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("userId"))
            .hasMessageContaining("may only contain");
        assertThatThrownBy(() -> other.accounts().register(Registration.of("a@b")))
            .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
              assertThat(e.field()).contains("userId");
              assertThat(e.provider()).contains("inmemory");
              assertThat(e.operation()).contains("accounts.register");
            })
            .hasMessageContaining("may only contain");
      }
      assertThatThrownBy(() -> b.groups().get("team-a"))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("groupId"));
      // The fake issues ids of digits, which every vendor's rule accepts.
      assertThat(Seed.group(b, "alice")).matches("[1-9][0-9]{9}");
      assertThat(Seed.group(a, "alice")).matches("[1-9][0-9]{9}");
      assertThatCode(() -> none.profiles().get("ü".repeat(500))).doesNotThrowAnyException();
    }
  }

  @Test
  void memberAttributeTotalAfterMergingFollowsTheVendor() {
    Map<String, String> half = Map.of("k1", "v".repeat(250), "k2", "v".repeat(250));
    Map<String, String> otherHalf = Map.of("k3", "w".repeat(250), "k4", "w".repeat(250));
    try (InMemoryImClient b = client("vendor-b"); InMemoryImClient a = client("vendor-a")) {
      String inB = Seed.group(b, "alice");
      String inA = Seed.group(a, "alice");
      a.groupMemberAttributes().set(inA, "alice", half);
      b.groupMemberAttributes().set(inB, "alice", half);
      assertThat(a.groupMemberAttributes().set(inA, "alice", otherHalf)).hasSize(2);
      assertThatThrownBy(() -> b.groupMemberAttributes().set(inB, "alice", otherHalf))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("1024");
      assertThat(b.groupMemberAttributes().get(inB, "alice")).isEqualTo(half);
      // removing a key makes room again
      b.groupMemberAttributes().set(inB, "alice", Map.of("k1", ""));
      assertThat(b.groupMemberAttributes().set(inB, "alice", Map.of("k3", "w".repeat(250)))).hasSize(1);
    }
  }

  @Test
  void profileTotalAfterMergingIsMeasuredAsTheVendorDoes() {
    try (InMemoryImClient a = client("vendor-a")) {
      a.profiles().update("alice", ProfileUpdate.builder().nickname("A").ext("x".repeat(1500)).build());
      assertThatThrownBy(() -> a.profiles().update("alice",
          ProfileUpdate.builder().sign("s".repeat(256)).customAttribute("more", "y".repeat(400)).build()))
          .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.operation()).contains("profiles.update"))
          .hasMessageContaining("2048");
      assertThat(a.profiles().get("alice").orElseThrow().sign()).isNull();
      assertThat(a.profiles().get("alice").orElseThrow().customAttributes()).isEmpty();
    }
    try (InMemoryImClient a = client("vendor-a")) {
      // Vendor A stores email under "mail" (not "email"): {"mail":"e...","ext":"x..."} is exactly 2048 bytes
      a.profiles().update("bob", ProfileUpdate.builder().ext("x".repeat(1500)).build());
      a.profiles().update("bob", ProfileUpdate.builder().email("e".repeat(528)).build());
      assertThat(a.profiles().totalSizeBytes()).isEqualTo(2048);
      assertThatThrownBy(() -> a.profiles().update("bob", ProfileUpdate.builder().email("e".repeat(529)).build()))
          .isInstanceOf(QuotaExceededException.class);
      assertThat(a.profiles().get("bob").orElseThrow().email()).hasSize(528);
    }
  }

  @Test
  void fullContactListRefusesOneMoreOnEitherSide() {
    try (InMemoryImClient portable = client("portable")) {
      for (int i = 0; i < 10; i++) {
        portable.contacts().addContact("alice", "f" + i);
      }
      assertThatThrownBy(() -> portable.contacts().addContact("alice", "one-more"))
          .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.operation()).contains("contacts.addContact"))
          .hasMessageContaining("10 contacts");
      assertThatThrownBy(() -> portable.contacts().addContact("one-more", "alice")).isInstanceOf(QuotaExceededException.class);
      assertThat(portable.contacts().allContacts("one-more")).isEmpty();
      // adding an existing contact is not an addition
      assertThatCode(() -> portable.contacts().addContact("f0", "alice")).doesNotThrowAnyException();
    }
  }

  @Test
  void fullBlockListRefusesTheWholeCall() {
    try (InMemoryImClient portable = client("portable")) {
      List<String> users = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        users.add("u" + i);
      }
      portable.contacts().block("alice", users);
      assertThatCode(() -> portable.contacts().block("alice", List.of("u1", "u2"))).doesNotThrowAnyException();
      assertThatThrownBy(() -> portable.contacts().block("alice", List.of("u3", "new1")))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("201")
          .hasMessageContaining("200");
      assertThat(portable.contacts().allBlocked("alice")).hasSize(200).doesNotContain("new1");
    }
  }
}
