package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.profile.ProfileUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each {@code inmemory.limits} value enforces its own table: a test fails where that vendor would. */
class LimitsTest {

  private static InMemoryImClient client(String limits) {
    return InMemoryImClient.create(Map.of("inmemory.limits", limits, "inmemory.users", "auto"));
  }

  @Test
  void birthOf20CharactersFitsEasemobButNotPortable() {
    ProfileUpdate update = ProfileUpdate.builder().birth("2000-01-01T00:00:00Z").build();
    try (InMemoryImClient easemob = client("easemob"); InMemoryImClient portable = client("portable");
        InMemoryImClient netease = client("netease")) {
      easemob.profiles().update("alice", update);
      assertThat(easemob.profiles().get("alice").orElseThrow().birth()).hasSize(20);

      for (InMemoryImClient strict : List.of(portable, netease)) {
        assertThatThrownBy(() -> strict.profiles().update("alice", update))
            .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("birth"))
            .hasMessageContaining("16");
        assertThat(strict.profiles().get("alice")).isEmpty();
      }
    }
  }

  @Test
  void atSignInUserIdsIsNeteaseOnly() {
    try (InMemoryImClient netease = client("netease"); InMemoryImClient portable = client("portable");
        InMemoryImClient easemob = client("easemob")) {
      netease.profiles().update("a@b", ProfileUpdate.builder().nickname("A").build());
      assertThat(netease.profiles().get("A@B")).isPresent();

      for (InMemoryImClient other : List.of(portable, easemob)) {
        assertThatThrownBy(() -> other.profiles().get("a@b"))
            .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("userId"))
            .hasMessageContaining("may only contain");
      }
    }
  }

  @Test
  void userIdLengthFollowsTheVendor() {
    String id40 = "u".repeat(40);
    try (InMemoryImClient easemob = client("easemob"); InMemoryImClient portable = client("portable");
        InMemoryImClient none = client("none")) {
      assertThatCode(() -> easemob.profiles().get(id40)).doesNotThrowAnyException();
      assertThatThrownBy(() -> portable.profiles().get(id40)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("32");
      assertThatCode(() -> none.profiles().get("ü".repeat(500))).doesNotThrowAnyException();
      assertThatThrownBy(() -> none.profiles().get("a b")).isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void neteaseGroupIdsAreNumeric() {
    try (InMemoryImClient netease = client("netease"); InMemoryImClient easemob = client("easemob")) {
      assertThatThrownBy(() -> netease.admin().createGroup("team-a", "alice", List.of()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("groupId"));
      netease.admin().createGroup("123456", "alice", List.of());
      easemob.admin().createGroup("team-a", "alice", List.of());
    }
  }

  @Test
  void memberAttributeTotalIs1024BytesOnNeteaseAnd4096OnEasemob() {
    Map<String, String> big = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      big.put("k" + i, "v".repeat(500));
    }
    try (InMemoryImClient netease = client("netease"); InMemoryImClient easemob = client("easemob")) {
      netease.admin().createGroup("1", "alice", List.of());
      easemob.admin().createGroup("1", "alice", List.of());

      assertThat(easemob.groupMemberAttributes().set("1", "alice", big)).hasSize(4);
      assertThatThrownBy(() -> netease.groupMemberAttributes().set("1", "alice", big))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("1024");
      assertThat(netease.groupMemberAttributes().get("1", "alice")).isEmpty();
    }
  }

  @Test
  void memberAttributeKeyOver16BytesIsInvalid() {
    try (InMemoryImClient portable = client("portable"); InMemoryImClient none = client("none")) {
      portable.admin().createGroup("g", "alice", List.of());
      none.admin().createGroup("g", "alice", List.of());
      Map<String, String> longKey = Map.of("k".repeat(17), "v");
      assertThatThrownBy(() -> portable.groupMemberAttributes().set("g", "alice", longKey))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("attributes"));
      assertThat(none.groupMemberAttributes().set("g", "alice", longKey)).isEqualTo(longKey);
    }
  }

  @Test
  void remarkOf120CharactersFitsNeteaseButNotPortable() {
    String remark = "r".repeat(120);
    try (InMemoryImClient netease = client("netease"); InMemoryImClient portable = client("portable")) {
      for (InMemoryImClient c : List.of(netease, portable)) {
        c.contacts().addContact("alice", "bob");
      }
      netease.contacts().setRemark("alice", "bob", remark);
      assertThatThrownBy(() -> portable.contacts().setRemark("alice", "bob", remark))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("remark"));
    }
  }

  @Test
  void pageSizeLimitFollowsTheVendor() {
    try (InMemoryImClient netease = client("netease"); InMemoryImClient portable = client("portable")) {
      assertThat(netease.contacts().contacts("alice", PageRequest.first(100)).items()).isEmpty();
      assertThatThrownBy(() -> portable.contacts().contacts("alice", PageRequest.first(51)))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("page"));
    }
  }

  @Test
  void fullContactListRefusesOneMoreOnEitherSide() {
    try (InMemoryImClient portable = client("portable")) {
      for (int i = 0; i < 1000; i++) {
        portable.contacts().addContact("alice", "f" + i);
      }
      assertThatThrownBy(() -> portable.contacts().addContact("alice", "one-more"))
          .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.operation()).contains("contacts.addContact"))
          .hasMessageContaining("1000");
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
      for (int i = 0; i < 500; i++) {
        users.add("u" + i);
      }
      portable.contacts().block("alice", users);
      assertThatCode(() -> portable.contacts().block("alice", List.of("u1", "u2"))).doesNotThrowAnyException();
      assertThatThrownBy(() -> portable.contacts().block("alice", List.of("u3", "new1")))
          .isInstanceOf(QuotaExceededException.class)
          .hasMessageContaining("500");
      assertThat(portable.contacts().allBlocked("alice")).hasSize(500).doesNotContain("new1");
    }
  }
}
