package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.Validation;
import io.imfacade.spi.VendorLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfilesTest {

  private final InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "easemob"));
  private final UserProfileService profiles = client.profiles();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void userIdsAreCaseInsensitiveAndReturnedInLowerCase() {
    client.admin().createUsers("Alice");
    profiles.update("ALICE", ProfileUpdate.builder().nickname("A").build());

    UserProfile profile = profiles.get("aLiCe").orElseThrow();
    assertThat(profile.userId()).isEqualTo("alice");
    assertThat(profile.nickname()).isEqualTo("A");
    assertThat(profiles.getAll(List.of("ALICE"))).containsOnlyKeys("alice");
    assertThat(client.admin().userExists("alice")).isTrue();
  }

  @Test
  void updateIsAPatch() {
    client.admin().createUsers("alice");
    profiles.update("alice", ProfileUpdate.builder().nickname("A").sign("hi").gender(Gender.FEMALE).build());
    profiles.update("alice", ProfileUpdate.builder().sign("").email("a@example.com").build());

    UserProfile profile = profiles.get("alice").orElseThrow();
    assertThat(profile.nickname()).isEqualTo("A");
    assertThat(profile.sign()).isNull();
    assertThat(profile.email()).isEqualTo("a@example.com");
    assertThat(profile.gender()).isEqualTo(Gender.FEMALE);
  }

  @Test
  void clearingEveryFieldLeavesNoProfile() {
    client.admin().createUsers("alice");
    profiles.update("alice", ProfileUpdate.builder().nickname("A").gender(Gender.MALE).build());
    profiles.update("alice", ProfileUpdate.builder().clear(ProfileField.NICKNAME).clear(ProfileField.GENDER).build());

    assertThat(profiles.get("alice")).isEmpty();
    assertThat(profiles.totalSizeBytes()).isZero();
  }

  @Test
  void getOfAnUnknownUserIsEmpty() {
    assertThat(profiles.get("nobody")).isEmpty();
  }

  @Test
  void updateOfAnUnknownUserIsNotFound() {
    assertThatThrownBy(() -> profiles.update("nobody", ProfileUpdate.builder().nickname("N").build()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.provider()).contains("inmemory");
          assertThat(e.operation()).contains("profiles.update");
        })
        .hasMessageContaining("user nobody does not exist");
  }

  @Test
  void autoUsersMakesEveryValidIdExist() {
    try (InMemoryImClient auto = InMemoryImClient.create(Map.of("inmemory.users", "auto"))) {
      auto.profiles().update("nobody", ProfileUpdate.builder().nickname("N").build());
      assertThat(auto.profiles().get("nobody").orElseThrow().nickname()).isEqualTo("N");
      assertThat(auto.admin().userExists("anyone")).isTrue();
    }
  }

  @Test
  void getAllKeepsInputOrderCollapsesDuplicatesAndLeavesOutUnknownUsers() {
    client.admin().createUsers("a", "b", "c");
    for (String id : List.of("a", "b", "c")) {
      profiles.update(id, ProfileUpdate.builder().nickname(id.toUpperCase()).build());
    }
    Map<String, UserProfile> all = profiles.getAll(List.of("c", "nobody", "A", "b", "C"));
    assertThat(all.keySet()).containsExactly("c", "a", "b");
    assertThat(profiles.getAll(List.of())).isEmpty();
  }

  @Test
  void getAllRefusesNullAndBadIds() {
    assertThatThrownBy(() -> profiles.getAll(null))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("userIds"));
    assertThatThrownBy(() -> profiles.getAll(Arrays.asList("a", null)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.operation()).contains("profiles.getAll"));
  }

  @Test
  void badIdsAreInvalidRequestsNamingTheFieldAndOperation() {
    for (String bad : Arrays.asList(null, "", " ", "a b", "a/b", ".", "..", "x".repeat(65), "é")) {
      assertThatThrownBy(() -> profiles.get(bad))
          .as("id %s", bad)
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).contains("userId");
            assertThat(e.provider()).contains("inmemory");
            assertThat(e.operation()).contains("profiles.get");
          });
    }
  }

  @Test
  void fastIdCheckAgreesWithTheSharedValidation() {
    // The in-memory provider checks ids without the regex when it can; both must agree on every id.
    List<String> ids = List.of("a", "A", "a.b", "a-b_c", "a@b", "a b", "a\tb", "é", ".", "..", "...", "a.", "-", "x".repeat(64),
        "x".repeat(65), "a#b", "a%b", "a?b", "a\\b", "日本");
    for (VendorLimits limits : List.of(VendorLimits.EASEMOB, VendorLimits.NETEASE, VendorLimits.PORTABLE, VendorLimits.NONE)) {
      Checks checks = new Checks(limits);
      for (String id : ids) {
        boolean shared;
        try {
          Validation.userId("userId", id, limits);
          shared = true;
        } catch (InvalidRequestException e) {
          shared = false;
        }
        boolean ours;
        try {
          assertThat(checks.user(Op.PROFILES_GET, "userId", id)).isEqualTo(id.toLowerCase(Locale.ROOT));
          ours = true;
        } catch (InvalidRequestException e) {
          ours = false;
        }
        assertThat(ours).as("%s under %s", id, limits.name()).isEqualTo(shared);
      }
    }
  }

  @Test
  void overTheTotalSizeNothingIsWritten() {
    client.admin().createUsers("alice");
    profiles.update("alice", ProfileUpdate.builder().nickname("A").ext("x".repeat(1500)).build());

    assertThatThrownBy(() -> profiles.update("alice", ProfileUpdate.builder().sign("s".repeat(256)).customAttribute("more", "y".repeat(400)).build()))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.operation()).contains("profiles.update"))
        .hasMessageContaining("2048");
    UserProfile profile = profiles.get("alice").orElseThrow();
    assertThat(profile.sign()).isNull();
    assertThat(profile.customAttributes()).isEmpty();
  }

  @Test
  void emptyUpdateIsRefused() {
    client.admin().createUsers("alice");
    assertThatThrownBy(() -> profiles.update("alice", ProfileUpdate.builder().build()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> profiles.update("alice", null)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void deleteRemovesEverythingAndIsIdempotent() {
    client.admin().createUsers("alice");
    profiles.update("alice", ProfileUpdate.builder().nickname("A").customAttribute("k", "v").build());
    profiles.delete("ALICE");
    assertThat(profiles.get("alice")).isEmpty();
    profiles.delete("alice");
    profiles.delete("never-created");
    assertThatThrownBy(() -> profiles.delete("a b")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void totalSizeIsTheSumOfTheStoredProfiles() {
    client.admin().createUsers("a", "b");
    profiles.update("a", ProfileUpdate.builder().nickname("A").build());
    profiles.update("b", ProfileUpdate.builder().gender(Gender.MALE).customAttribute("k", "v").build());
    assertThat(profiles.totalSizeBytes())
        .isEqualTo("{\"nickname\":\"A\"}".length() + "{\"gender\":\"1\",\"k\":\"v\"}".length());
  }
}
