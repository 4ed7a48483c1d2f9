package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.VendorLimits;
import io.imfacade.tck.LimitValues.Sample;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client enforces exactly the limits its metadata declares ({@code client().metadata().limits()}),
 * in the declared unit: for each declared bound, a value exactly at it is accepted (and round-trips)
 * and a value one unit over it is refused, an over-long string with an {@link
 * io.imfacade.error.InvalidRequestException} naming the field, an over-full total with a {@link
 * QuotaExceededException}. The values are built from the declared limits ({@link LimitValues}), of
 * characters that tell the units apart, so a provider counting the wrong unit fails.
 *
 * <p>A bound the client does not declare cannot be checked: its test is skipped with a reason
 * naming the limit, never passed.
 */
public abstract class LimitsContract extends ContractSupport {

  /** ASCII framing of a field's values, so that they look like what the field holds. */
  private static String prefix(ProfileField field) {
    return field == ProfileField.AVATAR_URL ? "https://example.com/" : "";
  }

  private static String suffix(ProfileField field) {
    return field == ProfileField.EMAIL ? "@example.com" : "";
  }

  /** The samples of a field's declared limit; skips when it has none. */
  private List<Sample> fieldSamples(ProfileField field) {
    LengthLimit limit = requireBounded("profile field " + field.fieldName(), limits().profileField(field));
    List<Sample> samples = LimitValues.samples(limit, prefix(field), suffix(field), fieldBudget(field));
    assertThat(samples).as("values at the limit of %s (%s)", field.fieldName(), limit).isNotEmpty();
    return samples;
  }

  /** The most bytes a value of {@code field} alone can take within the profile's total. */
  private int fieldBudget(ProfileField field) {
    VendorLimits limits = limits();
    if (limits.profileTotalBytes() == Integer.MAX_VALUE) {
      return Integer.MAX_VALUE;
    }
    int overhead = limits.profileJsonBytes(UserProfile.builder(alice()).set(field, "a").build()) - 1;
    return limits.profileTotalBytes() - overhead;
  }

  private boolean fitsTheTotal(UserProfile profile) {
    return limits().profileJsonBytes(profile) <= limits().profileTotalBytes();
  }

  /**
   * A value exactly at each declared bound of the field round-trips. Where the declared total of
   * the profile is smaller than the field's own bound (Easemob's {@code ext}: 2048 bytes in a 2048
   * byte profile), the value at the field's bound cannot fit, and is refused as over the total.
   */
  @ParameterizedTest
  @EnumSource(value = ProfileField.class, names = "GENDER", mode = EnumSource.Mode.EXCLUDE)
  void profileFieldAtItsLimitRoundTrips(ProfileField field) {
    for (Sample s : fieldSamples(field)) {
      ProfileUpdate update = ProfileUpdate.builder().set(field, s.atLimit()).build();
      UserProfile expected = UserProfile.builder(alice()).set(field, s.atLimit()).build();
      if (fitsTheTotal(expected)) {
        client().profiles().update(alice(), update);
        assertThat(client().profiles().get(alice()))
            .as("%s at its limit of %s (%d bytes)", field.fieldName(), s,
                s.atLimit().getBytes(StandardCharsets.UTF_8).length)
            .contains(expected);
      } else {
        assertThatThrownBy(() -> client().profiles().update(alice(), update),
                "%s at its limit of %s, over the profile total of %d bytes", field.fieldName(), s,
                limits().profileTotalBytes())
            .isInstanceOf(QuotaExceededException.class);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = ProfileField.class, names = "GENDER", mode = EnumSource.Mode.EXCLUDE)
  void profileFieldOverItsLimitIsRefusedNamingTheField(ProfileField field) {
    client().profiles().update(alice(), ProfileUpdate.builder().gender(Gender.MALE).build());
    for (Sample s : fieldSamples(field)) {
      assertThatThrownBy(() -> client().profiles().update(alice(), ProfileUpdate.builder()
              .nickname(field == ProfileField.NICKNAME ? s.overLimit() : "after")
              .set(field, s.overLimit())
              .build()), "%s one unit over its limit of %s", field.fieldName(), s)
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.field()).as("field() of %s", e.getMessage()).contains(field.fieldName()));
    }
    assertThat(client().profiles().get(alice())).as("the profile after the refused updates")
        .contains(UserProfile.builder(alice()).gender(Gender.MALE).build());
  }

  /**
   * A profile exactly at the declared total round-trips; one byte more in one update is refused as
   * over the quota; an update that grows a stored profile past the total is refused and changes
   * nothing.
   */
  @Test
  void profileAtItsTotalRoundTripsAndOneByteMoreIsOverQuota() {
    requireBounded("profileTotalBytes", limits().profileTotalBytes());
    Optional<Map<ProfileField, String>> built = LimitValues.profileOfSize(limits(), alice());
    if (built.isEmpty()) {
      Assumptions.abort("the profile fields' declared limits of provider '" + providerId()
          + "' cannot reach its declared profileTotalBytes of " + limits().profileTotalBytes());
    }
    Map<ProfileField, String> atTotal = built.get();
    List<ProfileField> fields = new ArrayList<>(atTotal.keySet());
    assertThat(fields).as("fields of the profile at the total").hasSizeGreaterThan(1);
    ProfileField last = fields.get(fields.size() - 1);
    Map<ProfileField, String> overTotal = new EnumMap<>(atTotal);
    overTotal.put(last, atTotal.get(last) + "a");

    assertThatThrownBy(() -> client().profiles().update(bob(), update(overTotal)),
            "one update one byte over the total of %d bytes", limits().profileTotalBytes())
        .isInstanceOf(QuotaExceededException.class);
    assertThat(client().profiles().get(bob())).as("bob after the refused update").isEmpty();

    client().profiles().update(alice(), update(atTotal));
    assertThat(client().profiles().get(alice())).as("a profile of exactly %d bytes", limits().profileTotalBytes())
        .contains(LimitValues.profile(alice(), atTotal));

    Map<ProfileField, String> allButLast = new EnumMap<>(atTotal);
    allButLast.remove(last);
    client().profiles().update(carol(), update(allButLast));
    assertThatThrownBy(() -> client().profiles().update(carol(), update(Map.of(last, overTotal.get(last)))),
            "an update that grows a stored profile one byte past the total")
        .isInstanceOf(QuotaExceededException.class);
    assertThat(client().profiles().get(carol())).as("carol after the refused update")
        .contains(LimitValues.profile(carol(), allButLast));
  }

  private static ProfileUpdate update(Map<ProfileField, String> fields) {
    ProfileUpdate.Builder b = ProfileUpdate.builder();
    fields.forEach(b::set);
    return b.build();
  }

  @Test
  void userIdAtItsLengthIsAcceptedAndOneLongerRefused() {
    int max = limits().userId().maxLength();
    String atLimit = "a".repeat(max);
    String overLimit = "a".repeat(max + 1);

    assertThat(client().profiles().get(atLimit)).as("an unknown user id of %d characters", max).isEmpty();
    assertInvalid(() -> client().profiles().get(overLimit), "userId");
    assertInvalid(() -> client().profiles().update(overLimit, ProfileUpdate.builder().nickname("x").build()), "userId");
    assertInvalid(() -> client().contacts().addContact(alice(), overLimit), "friend");
    assertThat(client().contacts().allContacts(alice())).isEmpty();
  }

  @Test
  void groupIdOverItsLengthIsRefused() {
    requireCapability(Capability.GROUP_MEMBER_ATTRIBUTES);
    int max = limits().groupId().maxLength();

    assertInvalid(() -> members().get("8".repeat(max + 1), bob()), "groupId");
  }

  @Test
  void remarkAtItsLimitRoundTripsAndOneUnitMoreIsRefused() {
    requireCapability(Capability.CONTACT_REMARK);
    LengthLimit limit = requireBounded("remark", limits().remark());
    client().contacts().addContact(alice(), bob());

    for (Sample s : LimitValues.samples(limit)) {
      client().contacts().setRemark(alice(), bob(), s.atLimit());
      assertThat(client().contacts().allContacts(alice())).as("remark at its limit of %s", s)
          .containsExactly(Contact.of(bob(), s.atLimit()));

      assertInvalid(() -> client().contacts().setRemark(alice(), bob(), s.overLimit()), "remark");
      assertThat(client().contacts().allContacts(alice())).as("after a remark over its limit of %s", s)
          .containsExactly(Contact.of(bob(), s.atLimit()));
    }
  }

  @Test
  void memberAttributeKeyAtItsLimitRoundTripsAndOneUnitMoreIsRefused() {
    requireCapability(Capability.GROUP_MEMBER_ATTRIBUTES);
    LengthLimit limit = requireBounded("memberKey", limits().memberKey());
    String group = createGroup(alice(), List.of(bob()));

    for (Sample s : LimitValues.samples(limit)) {
      assertThat(members().set(group, bob(), Map.of(s.atLimit(), "v"))).as("key at its limit of %s", s)
          .isEqualTo(Map.of(s.atLimit(), "v"));
      assertThat(members().get(group, bob())).containsEntry(s.atLimit(), "v");
      members().set(group, bob(), Map.of(s.atLimit(), ""));

      assertThatThrownBy(() -> members().set(group, bob(), Map.of(s.overLimit(),
              "v")), "key one unit over its limit of %s", s)
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).as("field() of %s", e.getMessage()).isPresent();
            assertThat(e.getMessage()).as("the message names the key").contains(s.overLimit());
          });
    }
    assertThat(members().get(group, bob())).isEmpty();
  }

  @Test
  void memberAttributeValueAtItsLimitRoundTripsAndOneUnitMoreIsRefused() {
    requireCapability(Capability.GROUP_MEMBER_ATTRIBUTES);
    LengthLimit limit = requireBounded("memberValue", limits().memberValue());
    String group = createGroup(alice(), List.of(bob()));
    // {"k":""} takes 8 bytes of the member's total.
    int budget = limits().memberTotalBytes() == Integer.MAX_VALUE ? Integer.MAX_VALUE : limits().memberTotalBytes() - 8;

    for (Sample s : LimitValues.samples(limit, "", "", budget)) {
      assertThat(members().set(group, bob(), Map.of("k", s.atLimit()))).as("value at its limit of %s", s)
          .isEqualTo(Map.of("k", s.atLimit()));
      assertThat(members().get(group, bob())).isEqualTo(Map.of("k", s.atLimit()));

      assertThatThrownBy(() -> members().set(group, bob(), Map.of("k", s.overLimit())),
              "value one unit over its limit of %s", s)
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).as("field() of %s", e.getMessage()).isPresent();
            assertThat(e.getMessage()).as("the message names the key").contains("'k'");
          });
      assertThat(members().get(group, bob())).isEqualTo(Map.of("k", s.atLimit()));
    }
  }

  /**
   * A member's attributes exactly at the declared total (as a UTF-8 JSON object of the non-empty
   * pairs) round-trip; one byte more in one call is over the quota; a call that grows the stored
   * attributes past the total is over the quota and changes nothing.
   */
  @Test
  void memberAttributesAtTheirTotalRoundTripAndOneByteMoreIsOverQuota() {
    requireCapability(Capability.GROUP_MEMBER_ATTRIBUTES);
    int total = requireBounded("memberTotalBytes", limits().memberTotalBytes());
    Optional<Map<String, String>> built = LimitValues.memberAttributesOfSize(total, limits().memberKey(),
        limits().memberValue());
    if (built.isEmpty()) {
      Assumptions.abort("the declared memberKey and memberValue limits of provider '" + providerId()
          + "' cannot reach its declared memberTotalBytes of " + total);
    }
    Map<String, String> atTotal = built.get();
    Map<String, String> overTotal = LimitValues.oneByteMore(atTotal);
    String group = createGroup(alice(), List.of(bob(), carol()));

    assertThatThrownBy(() -> members().set(group, carol(), overTotal),
            "attributes one byte over the total of %d bytes", total)
        .isInstanceOf(QuotaExceededException.class);
    assertThat(members().get(group, carol())).as("carol after the refused call").isEmpty();

    assertThat(members().set(group, bob(), atTotal)).as("attributes of exactly %d bytes", total).isEqualTo(atTotal);
    assertThat(members().get(group, bob())).isEqualTo(atTotal);

    assertThatThrownBy(() -> members().set(group, bob(), Map.of("zz",
            "a")), "a call that grows the stored attributes past the total of %d bytes", total)
        .isInstanceOf(QuotaExceededException.class);
    assertThat(members().get(group, bob())).as("bob after the refused call").isEqualTo(atTotal);
  }

  @Test
  void contactPageAtTheLargestSizeIsAcceptedAndOneMoreRefused() {
    int max = requireBounded("pageSizeMax", limits().pageSizeMax());

    assertThat(client().contacts().contacts(alice(), PageRequest.first(max)).items()).isEmpty();
    assertInvalid(() -> client().contacts().contacts(alice(), PageRequest.first(max + 1)), "page");
  }

  @Test
  void blockListPageAtTheLargestSizeIsAcceptedAndOneMoreRefused() {
    requireCapability(Capability.BLOCK_LIST);
    int max = requireBounded("pageSizeMax", limits().pageSizeMax());

    assertThat(client().contacts().blocked(alice(), PageRequest.first(max)).items()).isEmpty();
    assertInvalid(() -> client().contacts().blocked(alice(), PageRequest.first(max + 1)), "page");
  }

  /**
   * A block list takes exactly {@code blockListMax} users: more in one call is refused before
   * anyone is blocked, one more on a full list is refused and changes nothing, and a freed place
   * can be used again. Creates {@code blockListMax + 1} users.
   */
  @Test
  void blockListOverItsLimitIsQuotaExceeded() {
    requireCapability(Capability.BLOCK_LIST);
    int max = requireBounded("blockListMax", limits().blockListMax());
    List<String> users = createUsers("q", max + 1);
    List<String> fits = new ArrayList<>(users.subList(0, max));
    String oneTooMany = users.get(max);

    assertThatThrownBy(() -> client().contacts().block(alice(), users),
            "blocking %d users at once, over the limit of %d", max + 1, max)
        .isInstanceOf(QuotaExceededException.class);
    assertThat(client().contacts().allBlocked(alice())).as("after the refused call").isEmpty();

    client().contacts().block(alice(), fits);
    assertThat(client().contacts().allBlocked(alice()).count()).isEqualTo(max);
    assertThatThrownBy(() -> client().contacts().block(alice(), List.of(oneTooMany)),
            "one more user on a full block list").isInstanceOf(QuotaExceededException.class);
    assertThat(client().contacts().allBlocked(alice()).count()).as("a full block list after the refusal")
        .isEqualTo(max);
    client().contacts().unblock(alice(), fits.get(0));
    client().contacts().block(alice(), List.of(oneTooMany));
    assertThat(client().contacts().allBlocked(alice()).count()).as("after unblocking one and blocking another")
        .isEqualTo(max);
  }

  private GroupMemberAttributes members() {
    return client().groupMemberAttributes();
  }
}
