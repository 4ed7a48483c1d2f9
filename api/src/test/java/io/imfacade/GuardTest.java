package io.imfacade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.BatchResult;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The neutral guard, seen from a user's side and from the provider's side. */
class GuardTest {

  private final ImClient im = ImFacade.open(Map.of("provider", "recording", "recording.endpoint", "x"));
  private final RecordingProvider.Services provider = RecordingProvider.LAST_CLIENT.get();

  @AfterEach
  void close() {
    im.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "a?b", "a#b", "a%2F", "..", ".", "a b", "a\\b", " ", "", "a@b", "名字"})
  void badIdsAreRefusedCompletelyBeforeTheProvider(String id) {
    assertThatThrownBy(() -> im.contacts().addContact(id, "bob"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).contains("owner");
          assertThat(e.provider()).contains("recording");
          assertThat(e.operation()).contains("contacts.addContact");
        });
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void idsReachTheProviderInLowerCaseAndResultsAnswerUnderTheCallersSpelling() {
    provider.profiles.put("alice", UserProfile.builder("alice").nickname("A").build());
    Map<String, UserProfile> found = im.profiles().getAll(List.of("Alice", "bob", "ALICE", "Alice"));
    assertThat(provider.arguments).containsExactly(List.of("alice", "bob"));
    assertThat(found.get("Alice").nickname()).isEqualTo("A");
    assertThat(found.get("ALICE")).isSameAs(found.get("Alice"));
    assertThat(found).containsOnlyKeys("Alice", "ALICE");
    assertThat(found.get("Alice").userId()).isEqualTo("alice");
  }

  /** Hundreds of ids, many repeated in other spellings: first appearances in order, one bad id named. */
  @Test
  void aLargeBatchIsDeduplicatedInOrderAndABadIdAnywhereIsRefused() {
    List<String> input = new java.util.ArrayList<>();
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 700; i++) {
      String id = "user_" + (i * 7919 % 500); // 500 distinct ids, 200 of them twice
      input.add(i % 3 == 0 ? id.toUpperCase(java.util.Locale.ROOT) : id);
      if (!expected.contains(id)) {
        expected.add(id);
      }
    }
    im.profiles().getAll(input);
    assertThat(provider.arguments).containsExactly(expected);

    List<String> withBadId = new java.util.ArrayList<>(input);
    withBadId.add(350, "bad/id");
    assertThatThrownBy(() -> im.profiles().getAll(withBadId))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).contains("userIds element");
          assertThat(e).hasMessageContaining("'bad/id'");
        });
    List<String> withNull = new java.util.ArrayList<>(input);
    withNull.add(null);
    assertThatThrownBy(() -> im.profiles().getAll(withNull))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("userIds element"));
    assertThat(provider.calls).hasSize(1);
  }

  @Test
  void emptyBatchReadAsksNobody() {
    assertThat(im.profiles().getAll(List.of())).isEmpty();
    assertThat(im.groupMemberAttributes().get("1", List.of(), List.of())).isEmpty();
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void lengthsAreCountedInTheVendorsUnitAndTheMessageNamesIt() {
    // 8 code points: 8 emoji fit (16 UTF-16 units); 9 do not.
    assertThatCode(() -> im.profiles().update("u", ProfileUpdate.builder().nickname("😀".repeat(8)).build()))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> im.profiles().update("u", ProfileUpdate.builder().nickname("😀".repeat(9)).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nickname is 9 code points, over the limit of 8 code points");
    assertThatThrownBy(() -> im.profiles().update("u", ProfileUpdate.builder().avatarUrl("网".repeat(6)).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("avatarUrl is 18 bytes, over the limit of 16 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\uD800", "\uDC00b"})
  void nulAndLoneSurrogatesAreRefusedInEveryValue(String value) {
    assertThatThrownBy(() -> im.profiles().update("u", ProfileUpdate.builder().sign(value).build()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.groupMemberAttributes().set("1", "u", Map.of("k", value)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.contacts().setRemark("u", "v", value)).isInstanceOf(InvalidRequestException.class);
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void anUpdateThatAloneExceedsTheTotalIsAQuotaMeasuredWithTheVendorsKeys() {
    // {"mail":"<n x>"} is 11 + n bytes: 89 fit exactly into 100, 90 do not.
    assertThatCode(() -> im.profiles().update("u", ProfileUpdate.builder().email("x".repeat(89)).build()))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> im.profiles().update("u", ProfileUpdate.builder().email("x".repeat(90)).build()))
        .isInstanceOf(QuotaExceededException.class)
        .hasMessageContaining("101 bytes");
  }

  @Test
  void customKeysMustNotBeBlankOrReserved() {
    assertThatThrownBy(() -> im.profiles().update("u", ProfileUpdate.builder().customAttribute(" ", "x").build()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.profiles().update("u", ProfileUpdate.builder().customAttribute("mail", "x").build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("reserved");
  }

  @Test
  void emptyUpdateIsRefused() {
    assertThatThrownBy(() -> im.profiles().update("u", ProfileUpdate.builder().build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("sets no field");
  }

  @Test
  void aMissingCapabilityFailsWithTheProvidersReason() {
    assertThatThrownBy(() -> im.profiles().totalSizeBytes())
        .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
            e -> assertThat(e.getMessage()).contains("recording keeps no sizes"));
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void memberAttributesNeedNonBlankKeysAndARealBatch() {
    Map<String, String> blankKey = new HashMap<>();
    blankKey.put("", "v");
    assertThatThrownBy(() -> im.groupMemberAttributes().set("1", "u", blankKey)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.groupMemberAttributes().setAll("1", Map.of())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.groupMemberAttributes().get("1", List.of("u"), List.of(" ")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.groupMemberAttributes().set("1", "u", Map.of("k", "v".repeat(11))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("11 bytes");
    assertThatThrownBy(() -> im.groupMemberAttributes().set("1", "u", Map.of("a", "0123456789", "b", "0123456789", "c", "0123456789")))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void oneMemberInTwoSpellingsIsRefusedAndResultsAreKeyedAsTheCallerWrote() {
    Map<String, Map<String, String>> twice = new LinkedHashMap<>();
    twice.put("Bob", Map.of("k", "v"));
    twice.put("bob", Map.of("k", "w"));
    assertThatThrownBy(() -> im.groupMemberAttributes().setAll("1", twice)).isInstanceOf(InvalidRequestException.class);

    BatchResult result = im.groupMemberAttributes().setAll("1", Map.of("Bob", Map.of("k", "v")));
    assertThat(provider.arguments).contains(Map.of("bob", Map.of("k", "v")));
    assertThat(result.succeeded()).containsOnlyKeys("Bob");
  }

  @Test
  void aMemberTheProviderForgotIsReportedFailedNeverDropped() {
    provider.setAllAnswer = requests -> new BatchResult(Map.of("a", Map.of("k", "v")), Map.of());
    BatchResult result = im.groupMemberAttributes().setAll("1", Map.of("a", Map.of("k", "v"), "b", Map.of("k", "v")));
    assertThat(result.succeeded()).containsOnlyKeys("a");
    assertThat(result.failed()).containsOnlyKeys("b");
    assertThat(result.failed().get("b")).isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void relationsWithOneselfAreRefusedInAnySpelling() {
    assertThatThrownBy(() -> im.contacts().addContact("Alice", "alice")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.contacts().setRemark("alice", "ALICE", "me")).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.contacts().block("alice", List.of("bob", "Alice"))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> im.contacts().block("alice", List.of())).isInstanceOf(InvalidRequestException.class);
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void aBlockThatCanNeverFitIsAQuotaBeforeSending() {
    assertThatThrownBy(() -> im.contacts().block("o", List.of("a", "b", "c", "d")))
        .isInstanceOf(QuotaExceededException.class);
    im.contacts().block("o", Arrays.asList("a", "B", "b"));
    assertThat(provider.arguments).containsExactly("o", List.of("a", "b"));
  }

  @Test
  void aNullRemarkReachesTheProviderAsEmpty() {
    im.contacts().setRemark("o", "f", null);
    assertThat(provider.arguments).containsExactly("o", "f", "");
  }

  @Test
  void pagesAreBoundedByTheVendorsLargestPage() {
    assertThatThrownBy(() -> im.contacts().contacts("o", PageRequest.first(5)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("page size 5");
  }

  @Test
  void aServerThatNeverEndsAListFailsTheStreamInsteadOfHanging() {
    int[] n = {0};
    provider.contactPages = page -> Page.of(List.of(Contact.of("c" + n[0]++)), "next-" + n[0]);
    // At most 10 contacts in pages of 4: a few pages, not forever.
    assertThatThrownBy(() -> im.contacts().allContacts("o").count())
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("did not end");
    assertThat(n[0]).isLessThan(50);
  }

  @Test
  void aRepeatedCursorEndsTheStream() {
    provider.contactPages = page -> Page.of(List.of(Contact.of("c")), "same");
    assertThat(im.contacts().allContacts("o").collect(Collectors.toList())).containsExactly(Contact.of("c"), Contact.of("c"));
  }

  @Test
  void aProviderBugBecomesAnImExceptionWithoutItsMessage() {
    provider.failure = new IllegalStateException("secret-value leaked");
    assertThatThrownBy(() -> im.profiles().get("u"))
        .isInstanceOf(ImException.class)
        .hasMessageNotContaining("secret-value")
        .hasMessageContaining("IllegalStateException");
    provider.failure = new NotFoundException("as it is");
    assertThatThrownBy(() -> im.profiles().get("u")).isSameAs(provider.failure);
  }

  @Test
  void aClosedClientRefusesEveryCallAndClosesTheProviderOnce() {
    im.close();
    im.close();
    assertThatThrownBy(() -> im.profiles().get("u")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> im.groupMemberAttributes().get("1", "u")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> im.contacts().blocked("u", PageRequest.first(1))).isInstanceOf(IllegalStateException.class);
    assertThat(provider.calls).containsExactly("close");
  }
}
