package io.imfacade.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.BatchResult;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImfacadeModuleTest {

  private final ObjectMapper mapper = new ObjectMapper().registerModule(new ImfacadeModule());

  private <T> T roundTrip(T value, Class<T> type) throws Exception {
    return mapper.readValue(mapper.writeValueAsString(value), type);
  }

  private static final ErrorDetails DETAILS = ErrorDetails.builder().provider("easemob").tenant("acme")
      .operation("profiles.update").httpStatus(404).vendorCode("service_resource_not_found")
      .vendorMessage("user bob not found").requestId("req-1").build();
  private static final String DETAILS_JSON = "{\"provider\":\"easemob\",\"tenant\":\"acme\",\"operation\":\"profiles.update\","
      + "\"httpStatus\":404,\"vendorCode\":\"service_resource_not_found\",\"vendorMessage\":\"user bob not found\","
      + "\"requestId\":\"req-1\",\"retryable\":false}";

  // ---- UserProfile ----

  @Test
  void aFullProfileIsWrittenFieldByFieldAndReadBack() throws Exception {
    UserProfile full = UserProfile.builder("alice").nickname("Alice").avatarUrl("https://a/x.png").gender(Gender.FEMALE)
        .sign("hi").birth("2000-01-01").email("a@x.io").phone("+100").ext("{\"k\":1}")
        .customAttribute("level", "3").customAttribute("team", "blue").build();

    String json = mapper.writeValueAsString(full);

    assertThat(json).isEqualTo("{\"userId\":\"alice\",\"nickname\":\"Alice\",\"avatarUrl\":\"https://a/x.png\","
        + "\"gender\":\"FEMALE\",\"sign\":\"hi\",\"birth\":\"2000-01-01\",\"email\":\"a@x.io\",\"phone\":\"+100\","
        + "\"ext\":\"{\\\"k\\\":1}\",\"customAttributes\":{\"level\":\"3\",\"team\":\"blue\"}}");
    assertThat(mapper.readValue(json, UserProfile.class)).isEqualTo(full);
  }

  @Test
  void anEmptyProfileIsItsUserIdOnly() throws Exception {
    UserProfile empty = UserProfile.builder("bob").build();
    assertThat(mapper.writeValueAsString(empty)).isEqualTo("{\"userId\":\"bob\"}");
    assertThat(roundTrip(empty, UserProfile.class)).isEqualTo(empty);
  }

  @Test
  void aProfileIsReadLeniently() throws Exception {
    UserProfile read = mapper.readValue("{\"userId\":\"alice\",\"gender\":\"male\",\"nickname\":null,\"sign\":\"\"}",
        UserProfile.class);
    assertThat(read).isEqualTo(UserProfile.builder("alice").gender(Gender.MALE).build());
  }

  @Test
  void aBadProfileFailsAsJacksonFailures() {
    assertThatThrownBy(() -> mapper.readValue("{\"nickname\":\"x\"}", UserProfile.class))
        .isInstanceOf(MismatchedInputException.class).hasMessageContaining("userId");
    assertThatThrownBy(() -> mapper.readValue("{\"userId\":\" \"}", UserProfile.class))
        .isInstanceOfSatisfying(ValueInstantiationException.class,
            e -> assertThat(e.getCause()).isInstanceOf(InvalidRequestException.class));
    assertThatThrownBy(() -> mapper.readValue("{\"userId\":\"a\",\"gender\":\"ALIEN\"}", UserProfile.class))
        .isInstanceOf(InvalidFormatException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"userId\":\"a\",\"customAttributes\":[1]}", UserProfile.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> mapper.readValue("[]", UserProfile.class)).isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void unknownPropertiesFollowTheMappersSetting() throws Exception {
    String json = "{\"userId\":\"alice\",\"empty\":false,\"extra\":{\"deep\":[1,2]}}";
    assertThatThrownBy(() -> mapper.readValue(json, UserProfile.class)).isInstanceOf(UnrecognizedPropertyException.class);

    ObjectMapper lenient = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    assertThat(lenient.readValue(json, UserProfile.class)).isEqualTo(UserProfile.builder("alice").build());
  }

  // ---- Contact, Page, PageRequest ----

  @Test
  void aContactRoundTrips() throws Exception {
    assertThat(mapper.writeValueAsString(Contact.of("bob", "Bobby"))).isEqualTo("{\"userId\":\"bob\",\"remark\":\"Bobby\"}");
    assertThat(mapper.writeValueAsString(Contact.of("bob"))).isEqualTo("{\"userId\":\"bob\"}");
    assertThat(roundTrip(Contact.of("bob", "Bobby"), Contact.class)).isEqualTo(Contact.of("bob", "Bobby"));
    assertThat(roundTrip(Contact.of("bob"), Contact.class)).isEqualTo(Contact.of("bob"));
  }

  @Test
  void aPageOfContactsRoundTripsWithItsItemType() throws Exception {
    Page<Contact> page = Page.of(List.of(Contact.of("bob", "B"), Contact.of("carol")), "c2");
    String json = mapper.writeValueAsString(page);

    assertThat(json).isEqualTo("{\"items\":[{\"userId\":\"bob\",\"remark\":\"B\"},{\"userId\":\"carol\"}],\"nextCursor\":\"c2\"}");
    Page<Contact> back = mapper.readValue(json, new TypeReference<Page<Contact>>() {});
    assertThat(back).isEqualTo(page);
    assertThat(back.items()).first().isInstanceOf(Contact.class);
  }

  @Test
  void theLastPageHasNoCursor() throws Exception {
    Page<String> last = Page.of(List.of("bob", "carol"), null);
    assertThat(mapper.writeValueAsString(last)).isEqualTo("{\"items\":[\"bob\",\"carol\"]}");
    assertThat(mapper.readValue("{\"items\":[\"bob\",\"carol\"]}", new TypeReference<Page<String>>() {})).isEqualTo(last);
    assertThat(mapper.readValue("{}", new TypeReference<Page<String>>() {})).isEqualTo(Page.of(List.of(), null));
  }

  @Test
  void aPageInsideARecordIsReadWithTheDeclaredItemType() throws Exception {
    Envelope envelope = new Envelope(Page.of(List.of(Contact.of("bob")), null), UserProfile.builder("alice").build());
    Envelope back = roundTrip(envelope, Envelope.class);
    assertThat(back).isEqualTo(envelope);
    assertThat(back.contacts().items()).first().isInstanceOf(Contact.class);
  }

  /** A response body an app might return. */
  record Envelope(Page<Contact> contacts, UserProfile me) {}

  @Test
  void aRawPageReadsPlainValues() throws Exception {
    Page<?> raw = mapper.readValue("{\"items\":[{\"userId\":\"bob\"}]}", Page.class);
    assertThat(List.<Object>copyOf(raw.items())).containsExactly(Map.of("userId", "bob"));
  }

  @Test
  void aPageRequestRoundTrips() throws Exception {
    assertThat(mapper.writeValueAsString(PageRequest.first(20))).isEqualTo("{\"size\":20}");
    assertThat(mapper.writeValueAsString(PageRequest.after("c2", 20))).isEqualTo("{\"size\":20,\"cursor\":\"c2\"}");
    assertThat(roundTrip(PageRequest.first(20), PageRequest.class)).isEqualTo(PageRequest.first(20));
    assertThat(roundTrip(PageRequest.after("c2", 20), PageRequest.class)).isEqualTo(PageRequest.after("c2", 20));
    assertThatThrownBy(() -> mapper.readValue("{\"size\":0}", PageRequest.class))
        .isInstanceOf(ValueInstantiationException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"cursor\":\"c\"}", PageRequest.class))
        .isInstanceOf(MismatchedInputException.class).hasMessageContaining("size");
  }

  // ---- ProfileUpdate ----

  @Test
  void aProfileUpdateIsTheFieldsItChanges() throws Exception {
    ProfileUpdate update = ProfileUpdate.builder().nickname("Alice").clear(ProfileField.SIGN).gender(Gender.MALE)
        .customAttribute("level", "3").clearCustomAttribute("old").build();
    String json = mapper.writeValueAsString(update);

    assertThat(json).isEqualTo("{\"nickname\":\"Alice\",\"gender\":\"MALE\",\"sign\":\"\","
        + "\"customAttributes\":{\"level\":\"3\",\"old\":\"\"}}");
    assertThat(mapper.readValue(json, ProfileUpdate.class)).isEqualTo(update);
    ProfileUpdate clearGender = ProfileUpdate.builder().clear(ProfileField.GENDER).build();
    assertThat(roundTrip(clearGender, ProfileUpdate.class)).isEqualTo(clearGender);
    assertThat(mapper.writeValueAsString(ProfileUpdate.builder().build())).isEqualTo("{}");
  }

  @Test
  void aNullInAProfileUpdateIsRefusedRatherThanWipingTheField() {
    assertThatThrownBy(() -> mapper.readValue("{\"nickname\":null}", ProfileUpdate.class))
        .isInstanceOfSatisfying(ValueInstantiationException.class,
            e -> assertThat(e.getCause()).isInstanceOf(InvalidRequestException.class));
    assertThatThrownBy(() -> mapper.readValue("{\"gender\":null}", ProfileUpdate.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  // ---- ErrorDetails and exceptions ----

  @Test
  void errorDetailsRoundTrip() throws Exception {
    assertThat(mapper.writeValueAsString(DETAILS)).isEqualTo(DETAILS_JSON);
    assertThat(mapper.readValue(DETAILS_JSON, ErrorDetails.class)).isEqualTo(DETAILS);
    assertThat(mapper.writeValueAsString(ErrorDetails.none())).isEqualTo("{\"retryable\":false}");
    assertThat(roundTrip(ErrorDetails.none(), ErrorDetails.class)).isSameAs(ErrorDetails.none());
  }

  @Test
  void anExceptionIsItsTypeMessageAndDetails() throws Exception {
    NotFoundException e = new NotFoundException("user bob does not exist", DETAILS);
    String json = mapper.writeValueAsString(e);

    assertThat(json).isEqualTo("{\"type\":\"NotFoundException\",\"message\":\"user bob does not exist\","
        + "\"details\":" + DETAILS_JSON + "}");
    assertThat(mapper.readValue(json, ImException.class)).isInstanceOfSatisfying(NotFoundException.class, back -> {
      assertThat(back.plainMessage()).isEqualTo("user bob does not exist");
      assertThat(back.details()).isEqualTo(DETAILS);
      assertThat(back.getMessage()).isEqualTo(e.getMessage());
    });
  }

  static Stream<ImException> everyNeutralException() {
    return Stream.of(
        new ImException("failed", DETAILS),
        new AuthenticationException("bad secret", DETAILS),
        new ConfigurationException("missing key"),
        new ConflictException("exists", DETAILS),
        new FeatureNotEnabledException("enable it in the console", DETAILS),
        new InvalidRequestException("too long", "nickname", DETAILS, null),
        new NotFoundException("no bob", DETAILS),
        new ProviderUnavailableException("502", DETAILS),
        new QuotaExceededException("full", DETAILS),
        new RateLimitedException("slow down", DETAILS, Duration.ofSeconds(10), null),
        new UnsupportedCapabilityException("netease", Capability.BLOCK_LIST, "NetEase has no block list API"));
  }

  @ParameterizedTest
  @MethodSource("everyNeutralException")
  void everyNeutralExceptionRoundTripsAsItsOwnClass(ImException e) throws Exception {
    String json = mapper.writeValueAsString(e);
    ImException back = mapper.readValue(json, ImException.class);

    assertThat(back).isExactlyInstanceOf(e.getClass());
    assertThat(back.plainMessage()).isEqualTo(e.plainMessage());
    assertThat(back.getMessage()).isEqualTo(e.getMessage());
    assertThat(back.details()).isEqualTo(e.details());
    assertThat(mapper.readValue(json, e.getClass())).isExactlyInstanceOf(e.getClass());
    assertThat(mapper.writeValueAsString(back)).isEqualTo(json);
  }

  @Test
  void theSubclassesFieldsAreWritten() throws Exception {
    assertThat(mapper.writeValueAsString(new InvalidRequestException("userId", "must not be blank")))
        .isEqualTo("{\"type\":\"InvalidRequestException\",\"message\":\"must not be blank\",\"field\":\"userId\","
            + "\"details\":{\"retryable\":false}}");
    RateLimitedException limited = mapper.readValue(mapper.writeValueAsString(
        new RateLimitedException("slow down", DETAILS, Duration.ofSeconds(10), null)), RateLimitedException.class);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(10));
    assertThat(limited.isRetryable()).isTrue();
    assertThat(mapper.writeValueAsString(limited)).contains("\"retryAfter\":\"PT10S\"");
    UnsupportedCapabilityException unsupported = roundTrip(
        new UnsupportedCapabilityException("netease", Capability.BLOCK_LIST, "no block list API"),
        UnsupportedCapabilityException.class);
    assertThat(unsupported.capability()).isEqualTo(Capability.BLOCK_LIST);
    assertThat(unsupported.plainMessage()).isEqualTo("BLOCK_LIST is not supported: no block list API");
    assertThat(unsupported.provider()).contains("netease");
  }

  @Test
  void aProvidersOwnSubclassIsWrittenAsItsNeutralClass() throws Exception {
    class VendorThrottled extends RateLimitedException {
      private static final long serialVersionUID = 1L;

      VendorThrottled() {
        super("throttled", DETAILS, null, null);
      }
    }
    String json = mapper.writeValueAsString(new VendorThrottled());
    assertThat(json).startsWith("{\"type\":\"RateLimitedException\"");
    assertThat(mapper.readValue(json, ImException.class)).isExactlyInstanceOf(RateLimitedException.class);
  }

  @Test
  void aTypeThatIsNotTheRequestedClassIsRefused() {
    assertThatThrownBy(() -> mapper.readValue("{\"type\":\"ConflictException\",\"message\":\"x\"}", NotFoundException.class))
        .isInstanceOf(MismatchedInputException.class).hasMessageContaining("ConflictException");
  }

  @Test
  void aMissingOrUnknownTypeReadsAsTheRequestedClass() throws Exception {
    assertThat(mapper.readValue("{\"message\":\"x\"}", NotFoundException.class)).isExactlyInstanceOf(NotFoundException.class);
    assertThat(mapper.readValue("{\"type\":\"FutureException\",\"message\":\"x\"}", ImException.class))
        .isExactlyInstanceOf(ImException.class);
  }

  // ---- BatchResult ----

  @Test
  void aBatchResultRoundTripsWithTheRightExceptionClasses() throws Exception {
    Map<String, Map<String, String>> ok = new LinkedHashMap<>();
    ok.put("alice", Map.of("role", "admin"));
    ok.put("carol", Map.of());
    Map<String, ImException> ko = new LinkedHashMap<>();
    ko.put("bob", new NotFoundException("bob is not a member of g1", DETAILS));
    ko.put("dave", new InvalidRequestException("too long", "value", DETAILS, null));
    BatchResult result = new BatchResult(ok, ko);

    String json = mapper.writeValueAsString(result);

    assertThat(json).isEqualTo("{\"succeeded\":{\"alice\":{\"role\":\"admin\"},\"carol\":{}},\"failed\":{"
        + "\"bob\":{\"type\":\"NotFoundException\",\"message\":\"bob is not a member of g1\",\"details\":" + DETAILS_JSON + "},"
        + "\"dave\":{\"type\":\"InvalidRequestException\",\"message\":\"too long\",\"field\":\"value\",\"details\":"
        + DETAILS_JSON + "}}}");
    BatchResult back = mapper.readValue(json, BatchResult.class);
    assertThat(back).isEqualTo(result);
    assertThat(back.succeeded().keySet()).containsExactly("alice", "carol");
    assertThat(back.failed().get("bob")).isExactlyInstanceOf(NotFoundException.class);
    assertThat(back.failed().get("dave")).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.field()).contains("value"));
    assertThat(back.failed().get("bob").details().tenant()).contains("acme");
  }

  @Test
  void aMemberBothSucceededAndFailedIsRefused() {
    assertThatThrownBy(() -> mapper.readValue("{\"succeeded\":{\"bob\":{}},\"failed\":{\"bob\":{\"type\":"
        + "\"NotFoundException\",\"message\":\"x\"}}}", BatchResult.class)).isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("bob");
  }

  // ---- registration ----

  @Test
  void findAndRegisterModulesFindsTheModule() throws Exception {
    ObjectMapper found = new ObjectMapper().findAndRegisterModules();
    assertThat(found.getRegisteredModuleIds()).contains(ImfacadeModule.class.getName());
    assertThat(found.writeValueAsString(UserProfile.builder("alice").build())).isEqualTo("{\"userId\":\"alice\"}");
  }

  @Test
  void registeringTwiceIsHarmless() throws Exception {
    ObjectMapper twice = new ObjectMapper().registerModule(new ImfacadeModule()).registerModule(new ImfacadeModule());
    assertThat(twice.getRegisteredModuleIds()).containsOnlyOnce(ImfacadeModule.class.getName());
    assertThat(twice.writeValueAsString(Contact.of("bob"))).isEqualTo("{\"userId\":\"bob\"}");
  }
}
