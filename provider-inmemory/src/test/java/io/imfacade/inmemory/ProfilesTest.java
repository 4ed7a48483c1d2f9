package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.error.NotFoundException;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfilesTest {

  private final InMemoryImClient client = InMemoryImClient.create(Map.of("inmemory.limits", "vendor-a"));
  private final UserProfileService profiles = client.profiles();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void userIdsAreCaseInsensitiveAndReturnedInLowerCase() {
    Seed.users(client, "Alice");
    profiles.update("ALICE", ProfileUpdate.builder().nickname("A").build());

    UserProfile profile = profiles.get("aLiCe").orElseThrow();
    assertThat(profile.userId()).isEqualTo("alice");
    assertThat(profile.nickname()).isEqualTo("A");
    // the backend answers under the lower-case id; the guard hands it back under the caller's spelling
    assertThat(profiles.getAll(List.of("ALICE")).get("ALICE").userId()).isEqualTo("alice");
    assertThat(client.accounts().exists("alice")).isTrue();
  }

  @Test
  void updateIsAPatch() {
    Seed.users(client, "alice");
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
    Seed.users(client, "alice");
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
      assertThat(auto.accounts().exists("anyone")).isTrue();
    }
  }

  @Test
  void getAllKeepsInputOrderAnswersEachSpellingAndLeavesOutUnknownUsers() {
    Seed.users(client, "a", "b", "c");
    for (String id : List.of("a", "b", "c")) {
      profiles.update(id, ProfileUpdate.builder().nickname(id.toUpperCase()).build());
    }
    Map<String, UserProfile> all = profiles.getAll(List.of("c", "nobody", "A", "b", "C"));
    assertThat(all.keySet()).containsExactly("c", "A", "b", "C");
    assertThat(all.get("C")).isSameAs(all.get("c"));
    assertThat(profiles.getAll(List.of())).isEmpty();
  }

  @Test
  void deleteRemovesEverythingAndIsIdempotent() {
    Seed.users(client, "alice");
    profiles.update("alice", ProfileUpdate.builder().nickname("A").customAttribute("k", "v").build());
    profiles.delete("ALICE");
    assertThat(profiles.get("alice")).isEmpty();
    profiles.delete("alice");
    profiles.delete("never-created");
  }

  @Test
  void totalSizeIsTheSumOfTheStoredProfiles() {
    Seed.users(client, "a", "b");
    profiles.update("a", ProfileUpdate.builder().nickname("A").build());
    profiles.update("b", ProfileUpdate.builder().gender(Gender.MALE).customAttribute("k", "v").build());
    assertThat(profiles.totalSizeBytes())
        .isEqualTo("{\"nickname\":\"A\"}".length() + "{\"gender\":\"1\",\"k\":\"v\"}".length());
    profiles.update("a", ProfileUpdate.builder().avatarUrl("u").build());
    assertThat(profiles.totalSizeBytes()).as("vendor-a stores the avatar under 'avatarurl'")
        .isEqualTo("{\"nickname\":\"A\",\"avatarurl\":\"u\"}".length() + "{\"gender\":\"1\",\"k\":\"v\"}".length());
  }
}
