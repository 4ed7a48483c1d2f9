package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link UserProfileService}: every field written is read back unchanged, updates
 * are patches, clearing works three ways, batch reads keep order across the vendor's batch size,
 * and the optional custom attributes and total size behave.
 */
public abstract class UserProfileContract extends ContractSupport {

  /** One value per string field, with unicode and emoji where a vendor stores free text. */
  static final Map<ProfileField, String> UNICODE_VALUES;

  static {
    EnumMap<ProfileField, String> v = new EnumMap<>(ProfileField.class);
    v.put(ProfileField.NICKNAME, "张三 🎉 Zoë");
    v.put(ProfileField.AVATAR_URL, "https://example.com/头像/😀.png");
    v.put(ProfileField.SIGN, "今天心情很好 ✨ 👩‍💻 ça va");
    v.put(ProfileField.BIRTH, "１９９０年１月");
    v.put(ProfileField.EMAIL, "zhang.san+im@example.cn");
    v.put(ProfileField.PHONE, "+86-13800138000");
    v.put(ProfileField.EXT, "{\"emoji\":\"🚀\",\"城市\":\"杭州\"}");
    UNICODE_VALUES = Collections.unmodifiableMap(v);
  }

  private UserProfileService profiles() {
    return client().profiles();
  }

  private UserProfile read(String userId) {
    return profiles().get(userId)
        .orElseThrow(() -> new AssertionError("get(" + userId + ") is empty after an update that set fields"));
  }

  /** The literal oracle of {@link #everyField()}. */
  private static UserProfile everyFieldProfile(String userId) {
    return UserProfile.builder(userId)
        .nickname("Alice")
        .avatarUrl("https://cdn.example.com/avatars/alice.png")
        .gender(Gender.FEMALE)
        .sign("Hello, world")
        .birth("1990-01-31")
        .email("alice@example.com")
        .phone("+86-13800138000")
        .ext("{\"level\":3,\"vip\":true}")
        .build();
  }

  private static ProfileUpdate everyField() {
    return ProfileUpdate.builder()
        .nickname("Alice")
        .avatarUrl("https://cdn.example.com/avatars/alice.png")
        .gender(Gender.FEMALE)
        .sign("Hello, world")
        .birth("1990-01-31")
        .email("alice@example.com")
        .phone("+86-13800138000")
        .ext("{\"level\":3,\"vip\":true}")
        .build();
  }

  @Test
  void unknownUserHasNoProfile() {
    assertThat(profiles().get(unknownUser())).isEmpty();
  }

  @Test
  void userWithNothingSetHasNoProfile() {
    assertThat(profiles().get(alice())).isEmpty();
  }

  @Test
  void everyFieldRoundTrips() {
    ProfileUpdate update = everyField();
    profiles().update(alice(), update);

    UserProfile p = read(alice());
    assertThat(p.userId()).isEqualTo(alice());
    assertThat(p.nickname()).isEqualTo("Alice");
    assertThat(p.avatarUrl()).isEqualTo("https://cdn.example.com/avatars/alice.png");
    assertThat(p.gender()).isEqualTo(Gender.FEMALE);
    assertThat(p.sign()).isEqualTo("Hello, world");
    assertThat(p.birth()).isEqualTo("1990-01-31");
    assertThat(p.email()).isEqualTo("alice@example.com");
    assertThat(p.phone()).isEqualTo("+86-13800138000");
    assertThat(p.ext()).isEqualTo("{\"level\":3,\"vip\":true}");
    assertThat(p).isEqualTo(everyFieldProfile(alice()));
  }

  @Test
  void everyFieldRoundTripsWithUnicodeAndEmoji() {
    ProfileUpdate.Builder b = ProfileUpdate.builder().gender(Gender.MALE);
    UNICODE_VALUES.forEach(b::set);
    ProfileUpdate update = b.build();
    profiles().update(alice(), update);

    UserProfile p = read(alice());
    UNICODE_VALUES.forEach((field, value) -> assertThat(p.get(field)).as(field.fieldName()).isEqualTo(value));
    assertThat(p).isEqualTo(UserProfile.builder(alice())
        .nickname("张三 🎉 Zoë")
        .avatarUrl("https://example.com/头像/😀.png")
        .gender(Gender.MALE)
        .sign("今天心情很好 ✨ 👩‍💻 ça va")
        .birth("１９９０年１月")
        .email("zhang.san+im@example.cn")
        .phone("+86-13800138000")
        .ext("{\"emoji\":\"🚀\",\"城市\":\"杭州\"}")
        .build());
  }

  @ParameterizedTest
  @EnumSource(value = ProfileField.class, names = "GENDER", mode = EnumSource.Mode.EXCLUDE)
  void eachStringFieldRoundTripsAlone(ProfileField field) {
    String value = UNICODE_VALUES.get(field);
    profiles().update(alice(), ProfileUpdate.builder().set(field, value).build());

    UserProfile p = read(alice());
    assertThat(p.get(field)).as(field.fieldName()).isEqualTo(value);
    assertThat(p).as("only %s is set", field.fieldName())
        .isEqualTo(UserProfile.builder(alice()).set(field, value).build());
  }

  @ParameterizedTest
  @EnumSource(value = Gender.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void genderRoundTrips(Gender gender) {
    profiles().update(alice(), ProfileUpdate.builder().gender(gender).build());

    assertThat(read(alice()).gender()).isEqualTo(gender);
  }

  @Test
  void valuesThatNeedEscapingRoundTrip() {
    ProfileUpdate update = ProfileUpdate.builder()
        .nickname("a&b=c+d %20e?f#g")
        .sign("line1\nline2\t\"quoted\" \\ back/slash <tag> 'single' ;,")
        .birth("1990/01/31")
        .email("o.brien+tag@example.com")
        .phone("+1 (555) 010-9999")
        .avatarUrl("https://example.com/a.png?size=64&v=2#top")
        .ext("{\"q\":\"a&b=c\",\"p\":\"100%\",\"n\":null}")
        .build();
    profiles().update(alice(), update);

    assertThat(read(alice())).isEqualTo(UserProfile.builder(alice())
        .nickname("a&b=c+d %20e?f#g")
        .sign("line1\nline2\t\"quoted\" \\ back/slash <tag> 'single' ;,")
        .birth("1990/01/31")
        .email("o.brien+tag@example.com")
        .phone("+1 (555) 010-9999")
        .avatarUrl("https://example.com/a.png?size=64&v=2#top")
        .ext("{\"q\":\"a&b=c\",\"p\":\"100%\",\"n\":null}")
        .build());
  }

  @Test
  void partialUpdateKeepsTheOtherFields() {
    ProfileUpdate first = everyField();
    ProfileUpdate second = ProfileUpdate.builder().nickname("Alice B.").sign("Changed").build();
    profiles().update(alice(), first);
    profiles().update(alice(), second);

    UserProfile p = read(alice());
    assertThat(p.nickname()).isEqualTo("Alice B.");
    assertThat(p.sign()).isEqualTo("Changed");
    assertThat(p.email()).isEqualTo("alice@example.com");
    assertThat(p.gender()).isEqualTo(Gender.FEMALE);
    assertThat(p).isEqualTo(UserProfile.builder(alice())
        .nickname("Alice B.")
        .avatarUrl("https://cdn.example.com/avatars/alice.png")
        .gender(Gender.FEMALE)
        .sign("Changed")
        .birth("1990-01-31")
        .email("alice@example.com")
        .phone("+86-13800138000")
        .ext("{\"level\":3,\"vip\":true}")
        .build());
  }

  @ParameterizedTest
  @EnumSource(ProfileField.class)
  void clearRemovesOnlyThatField(ProfileField field) {
    ProfileUpdate all = everyField();
    ProfileUpdate clear = ProfileUpdate.builder().clear(field).build();
    profiles().update(alice(), all);
    profiles().update(alice(), clear);

    UserProfile p = read(alice());
    if (field == ProfileField.GENDER) {
      assertThat(p.gender()).isEqualTo(Gender.UNKNOWN);
      assertThat(p).isEqualTo(everyFieldProfile(alice()).toBuilder().gender(Gender.UNKNOWN).build());
    } else {
      assertThat(p.get(field)).as("%s after clear", field.fieldName()).isNull();
      assertThat(p).isEqualTo(everyFieldProfile(alice()).toBuilder().set(field, null).build());
    }
  }

  @ParameterizedTest
  @EnumSource(value = ProfileField.class, names = "GENDER", mode = EnumSource.Mode.EXCLUDE)
  void emptyStringClearsTheField(ProfileField field) {
    ProfileUpdate all = everyField();
    ProfileUpdate clear = ProfileUpdate.builder().set(field, "").build();
    profiles().update(alice(), all);
    profiles().update(alice(), clear);

    UserProfile p = read(alice());
    assertThat(p.get(field)).as("%s after setting \"\"", field.fieldName()).isNull();
    assertThat(p).isEqualTo(everyFieldProfile(alice()).toBuilder().set(field, null).build());
  }

  @Test
  void genderUnknownClearsTheGender() {
    profiles().update(alice(), ProfileUpdate.builder().gender(Gender.MALE).nickname("Al").build());
    profiles().update(alice(), ProfileUpdate.builder().gender(Gender.UNKNOWN).build());

    UserProfile p = read(alice());
    assertThat(p.gender()).isEqualTo(Gender.UNKNOWN);
    assertThat(p.nickname()).isEqualTo("Al");
  }

  @Test
  void clearingEveryFieldLeavesNoProfile() {
    profiles().update(alice(), everyField());
    ProfileUpdate.Builder clearAll = ProfileUpdate.builder();
    for (ProfileField f : ProfileField.values()) {
      clearAll.clear(f);
    }
    profiles().update(alice(), clearAll.build());

    assertThat(profiles().get(alice())).isEmpty();
  }

  @Test
  void deleteRemovesEveryField() {
    profiles().update(alice(), everyField());
    profiles().update(bob(), ProfileUpdate.builder().nickname("Bob").build());

    profiles().delete(alice());

    assertThat(profiles().get(alice())).isEmpty();
    assertThat(profiles().getAll(List.of(alice(), bob()))).containsOnlyKeys(bob());
    assertThat(read(bob()).nickname()).as("another user's profile").isEqualTo("Bob");
  }

  @Test
  void deleteWithNothingSetSucceeds() {
    profiles().delete(alice());
    profiles().delete(alice());

    assertThat(profiles().get(alice())).isEmpty();
  }

  @Test
  void updateAfterDeleteStartsFromNothing() {
    profiles().update(alice(), everyField());
    profiles().delete(alice());
    profiles().update(alice(), ProfileUpdate.builder().sign("fresh").build());

    assertThat(read(alice())).isEqualTo(UserProfile.builder(alice()).sign("fresh").build());
  }

  @Test
  void updateOfUnknownUserIsNotFound() {
    String ghost = unknownUser();
    assertThatThrownBy(() -> profiles().update(ghost, ProfileUpdate.builder().nickname("x").build()))
        .isInstanceOf(NotFoundException.class);

    assertThat(profiles().get(ghost)).isEmpty();
  }

  @Test
  void userIdsAreCaseInsensitiveAndReadInLowerCase() {
    String upper = alice().toUpperCase(Locale.ROOT);
    profiles().update(upper, ProfileUpdate.builder().nickname("Upper").build());

    assertThat(read(alice())).isEqualTo(UserProfile.builder(alice()).nickname("Upper").build());
    assertThat(read(upper)).as("get in another spelling")
        .isEqualTo(UserProfile.builder(alice()).nickname("Upper").build());
  }

  /** The id-case rule: a batch read answers under the ids as the caller spelled them. */
  @Test
  void getAllAnswersUnderTheCallersSpelling() {
    String upper = alice().toUpperCase(Locale.ROOT);
    profiles().update(alice(), ProfileUpdate.builder().nickname("Alice").build());

    Map<String, UserProfile> all = profiles().getAll(List.of(upper));

    assertThat(all).as("keys of getAll([%s])", upper).containsOnlyKeys(upper);
    assertThat(all.get(upper)).isEqualTo(UserProfile.builder(alice()).nickname("Alice").build());
    assertThat(all.get(upper).userId()).as("userId() of the profile").isEqualTo(alice());
  }

  @Test
  void twoSpellingsOfOneUserInGetAllBothMapToItsProfile() {
    String upper = alice().toUpperCase(Locale.ROOT);
    String capitalised = Character.toUpperCase(alice().charAt(0)) + alice().substring(1);
    profiles().update(alice(), ProfileUpdate.builder().nickname("Alice").build());
    profiles().update(bob(), ProfileUpdate.builder().nickname("Bob").build());

    Map<String, UserProfile> all = profiles().getAll(List.of(capitalised, bob(), upper, alice(), capitalised));

    assertThat(new ArrayList<>(all.keySet())).as("keys in input order, once each")
        .containsExactly(capitalised, bob(), upper, alice());
    UserProfile aliceProfile = UserProfile.builder(alice()).nickname("Alice").build();
    assertThat(all.get(capitalised)).isEqualTo(aliceProfile);
    assertThat(all.get(upper)).isEqualTo(aliceProfile);
    assertThat(all.get(alice())).isEqualTo(aliceProfile);
    assertThat(all.get(bob())).isEqualTo(UserProfile.builder(bob()).nickname("Bob").build());
  }

  @Test
  void getAllOfNoIdsIsEmpty() {
    assertThat(profiles().getAll(List.of())).isEmpty();
  }

  /**
   * 250 ids, more than any vendor's batch size: 200 users with a profile, 15 without, 20 that do
   * not exist and 15 repeats, shuffled. Users without a profile and unknown users are absent; the
   * rest come once each, in the order of their first appearance, each with its own values.
   */
  @Test
  void getAllAcrossBatchesKeepsOrderCollapsesRepeatsAndSkipsTheAbsent() {
    List<String> users = createUsers("m", 215);
    Map<String, UserProfile> written = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      String id = users.get(i);
      ProfileUpdate.Builder b = ProfileUpdate.builder().nickname("member " + i);
      if (i % 7 == 0) {
        b.sign("sign " + i).gender(i % 2 == 0 ? Gender.MALE : Gender.FEMALE);
      }
      profiles().update(id, b.build());
      UserProfile.Builder expected = UserProfile.builder(id).nickname("member " + i);
      if (i % 7 == 0) {
        expected.sign("sign " + i).gender(i % 2 == 0 ? Gender.MALE : Gender.FEMALE);
      }
      written.put(id, expected.build());
    }
    List<String> input = new ArrayList<>(users);
    for (int i = 0; i < 20; i++) {
      input.add(unknownUser());
    }
    Random random = new Random(20240607L);
    for (int i = 0; i < 15; i++) {
      input.add(users.get(random.nextInt(users.size())));
    }
    Collections.shuffle(input, random);
    assertThat(input).hasSize(250);

    Map<String, UserProfile> result = profiles().getAll(input);

    List<String> expectedOrder = input.stream().distinct().filter(written::containsKey).toList();
    assertThat(new ArrayList<>(result.keySet())).as("keys in input order, once each").isEqualTo(expectedOrder);
    written.forEach((id, profile) -> assertThat(result.get(id)).as("profile of %s", id).isEqualTo(profile));
  }

  @Test
  void customAttributesRoundTrip() {
    requireCapability(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    profiles().update(alice(), ProfileUpdate.builder()
        .nickname("Alice")
        .customAttribute("tck_level", "7")
        .customAttribute("tck_city", "杭州 🏙")
        .build());

    UserProfile p = read(alice());
    assertThat(p.customAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of("tck_level", "7", "tck_city", "杭州 🏙"));
    assertThat(p.nickname()).isEqualTo("Alice");
  }

  @Test
  void batchReadsReturnOnlyTheCustomAttributesTheyName() {
    requireCapability(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    profiles().update(alice(), ProfileUpdate.builder()
        .nickname("Alice").customAttribute("tck_level", "7").customAttribute("tck_city", "杭州 🏙").build());
    profiles().update(bob(), ProfileUpdate.builder().customAttribute("tck_level", "3").build());

    assertThat(profiles().getAll(List.of(alice(), bob())))
        .as("getAll without keys: neutral fields only; bob has none")
        .containsExactly(Map.entry(alice(), UserProfile.builder(alice()).nickname("Alice").build()));
    assertThat(profiles().getAll(List.of(alice(), bob()), List.of("tck_level")))
        .as("getAll naming tck_level")
        .containsExactly(
            Map.entry(alice(), UserProfile.builder(alice()).nickname("Alice").customAttribute("tck_level", "7").build()),
            Map.entry(bob(), UserProfile.builder(bob()).customAttribute("tck_level", "3").build()));
  }

  @Test
  void batchReadsRefuseBlankOrReservedCustomKeys() {
    assertThatThrownBy(() -> profiles().getAll(List.of(alice()), List.of(" ")), "blank custom key")
        .isInstanceOf(InvalidRequestException.class);
    for (String reserved : limits().reservedProfileKeys()) {
      assertThatThrownBy(() -> profiles().getAll(List.of(alice()), List.of(reserved)), "reserved key " + reserved)
          .isInstanceOf(InvalidRequestException.class);
    }
  }

  @Test
  void namingCustomKeysNeedsTheCapability() {
    if (client().capabilities().contains(Capability.PROFILE_CUSTOM_ATTRIBUTES)) {
      assertThat(profiles().getAll(List.of(alice()), List.of("tck_none"))).isEmpty();
    } else {
      assertThatThrownBy(() -> profiles().getAll(List.of(alice()), List.of("tck_none")), "custom key without capability")
          .isInstanceOf(UnsupportedCapabilityException.class);
    }
  }

  @Test
  void customAttributesArePatchedAndRemovedWithEmptyValue() {
    requireCapability(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    profiles().update(alice(), ProfileUpdate.builder().customAttribute("tck_a", "1").customAttribute("tck_b", "2").build());
    profiles().update(alice(), ProfileUpdate.builder().nickname("Alice").build());
    profiles().update(alice(), ProfileUpdate.builder().clearCustomAttribute("tck_a").customAttribute("tck_c", "3").build());

    UserProfile p = read(alice());
    assertThat(p.customAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of("tck_b", "2", "tck_c", "3"));
    assertThat(p.nickname()).isEqualTo("Alice");
  }

  @Test
  void totalSizeGrowsAfterAWrite() {
    requireCapability(Capability.PROFILE_TOTAL_SIZE);
    long before = profiles().totalSizeBytes();
    assertThat(before).isNotNegative();

    profiles().update(alice(), ProfileUpdate.builder().nickname("Alice").sign("s".repeat(200)).build());

    assertThat(profiles().totalSizeBytes()).isGreaterThan(before);
  }
}
