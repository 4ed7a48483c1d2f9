package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.imfacade.ImClient;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** User cards on the wire: patches, clears, delete, chunked reads, and malformed answers. */
class ProfilesTest {

  private static final String GET = "/nimserver/user/getUinfos.action";
  private static final String UPDATE = "/nimserver/user/updateUinfo.action";
  private static final String ONLINE = "/nimserver/user/userOnlineStatus.action";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The card parameter of each neutral field (seed 003). */
  private static final Map<ProfileField, String> CARD_FIELDS = Map.of(
      ProfileField.NICKNAME, "name", ProfileField.AVATAR_URL, "icon", ProfileField.GENDER, "gender",
      ProfileField.SIGN, "sign", ProfileField.BIRTH, "birth", ProfileField.EMAIL, "email",
      ProfileField.PHONE, "mobile", ProfileField.EXT, "ex");

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProviderContext context;
  private ImClient client;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
    client = TestClients.to(WM.baseUrl()).open(context);
  }

  @AfterEach
  void close() {
    client.close();
    context.close();
  }

  private List<Map<String, String>> sentForms() {
    List<ServeEvent> events = new ArrayList<>(WM.getAllServeEvents());
    Collections.reverse(events); // oldest first
    List<Map<String, String>> forms = new ArrayList<>();
    events.forEach(e -> forms.add(Wiretap.form(e.getRequest())));
    return forms;
  }

  @Test
  void updateSendsOnlyTheFieldsSetWithTheCardNames() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));

    client.profiles().update("Alice", ProfileUpdate.builder()
        .nickname("Alice")
        .avatarUrl("https://a.example/a.png")
        .gender(Gender.FEMALE)
        .sign("hi")
        .birth("1990-01-31")
        .email("a@example.com")
        .phone("+86-13800138000")
        .ext("{\"vip\":true}")
        .build());
    client.profiles().update("alice", ProfileUpdate.builder().sign("changed").build());

    List<Map<String, String>> forms = sentForms();
    Map<String, String> all = new LinkedHashMap<>();
    all.put("accid", "alice");
    all.put("name", "Alice");
    all.put("icon", "https://a.example/a.png");
    all.put("gender", "2");
    all.put("sign", "hi");
    all.put("birth", "1990-01-31");
    all.put("email", "a@example.com");
    all.put("mobile", "+86-13800138000");
    all.put("ex", "{\"vip\":true}");
    assertThat(forms.get(0)).as("user ids go in lower case").containsExactlyInAnyOrderEntriesOf(all);
    assertThat(forms.get(1)).containsExactly(Map.entry("accid", "alice"), Map.entry("sign", "changed"));
  }

  @ParameterizedTest
  @EnumSource(ProfileField.class)
  void clearingSendsTheFieldEmptyAndGenderZero(ProfileField field) {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));

    client.profiles().update("alice", ProfileUpdate.builder().clear(field).build());

    String param = CARD_FIELDS.get(field);
    assertThat(sentForms().get(0)).containsExactly(Map.entry("accid", "alice"),
        Map.entry(param, field == ProfileField.GENDER ? "0" : ""));
  }

  private static void unknownAccounts(String... accids) {
    StringBuilder list = new StringBuilder();
    for (String a : accids) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(a).append('"');
    }
    WM.stubFor(post(urlEqualTo(ONLINE)).willReturn(okJson("{\"code\":200,\"data\":{\"invalidAccids\":[" + list + "],\"status\":{}}}")));
  }

  private List<String> sentPaths() {
    List<ServeEvent> events = new ArrayList<>(WM.getAllServeEvents());
    Collections.reverse(events);
    List<String> paths = new ArrayList<>();
    events.forEach(e -> paths.add(e.getRequest().getUrl()));
    return paths;
  }

  @Test
  void deleteClearsEveryField() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":200}")));
    client.profiles().delete("alice");

    Map<String, String> form = sentForms().get(0);
    assertThat(form).containsOnlyKeys("accid", "name", "icon", "gender", "sign", "birth", "email", "mobile", "ex");
    assertThat(form).containsEntry("accid", "alice").containsEntry("gender", "0");
    form.forEach((k, v) -> {
      if (!k.equals("accid") && !k.equals("gender")) {
        assertThat(v).as(k).isEmpty();
      }
    });
  }

  /**
   * Issue 8 item 3: deleting the card of an unknown user succeeds whatever the server answers (404,
   * 414, 403, any desc): the existence probe decides. A refusal for a user who exists is thrown.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"code\":404,\"desc\":\"accid not exist: ghost\"}",
      "{\"code\":414,\"desc\":\"accid not exists: ghost\"}",
      "{\"code\":403,\"desc\":\"illegal op\"}",
  })
  void deleteOfAnUnknownUserSucceedsWhateverTheRefusal(String refusal) {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson(refusal)));
    unknownAccounts("ghost");

    client.profiles().delete("ghost");
    assertThatThrownBy(() -> client.profiles().delete("alice")).as("alice exists: the refusal stands")
        .isInstanceOfSatisfying(ImException.class, e -> assertThat(refusal).contains(e.vendorMessage().orElseThrow()));

    assertThat(sentPaths()).containsExactly(UPDATE, ONLINE, UPDATE, ONLINE);
    assertThat(sentForms().get(1)).containsExactly(Map.entry("accids", "[\"ghost\"]"));
  }

  /** Issue 8 item 3: an update of an unknown user is not found, whichever code the server uses. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"code\":404,\"desc\":\"accid not exist: ghost\"}",
      "{\"code\":414,\"desc\":\"accid not exists: ghost\"}",
      "{\"code\":403,\"desc\":\"illegal op\"}",
  })
  void updateOfAnUnknownUserIsNotFound(String refusal) {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson(refusal)));
    unknownAccounts("ghost");

    assertThatThrownBy(() -> client.profiles().update("ghost", ProfileUpdate.builder().nickname("x").build()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.operation()).contains("profiles.update");
          assertThat(refusal).contains(e.vendorMessage().orElseThrow());
        });
  }

  /** A refusal of an existing user's update is the refusal itself, not "not found". */
  @Test
  void aRefusedUpdateOfAnExistingUserIsThrownAsItIs() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"code\":414,\"desc\":\"mobile not a phone number\"}")));
    unknownAccounts();

    assertThatThrownBy(() -> client.profiles().update("alice", ProfileUpdate.builder().phone("x").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.vendorCode()).contains("414"));
  }

  /**
   * Issue 8 item 3: a getUinfos call refused because of unknown accids (one plausible answer;
   * netease-facts §3) is asked again without them: they have no profile. A refusal the probe
   * cannot explain stands.
   */
  @Test
  void aBatchReadRefusedForUnknownAccidsIsAskedAgainWithoutThem() throws Exception {
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson("{\"code\":414,\"desc\":\"accid not exists: ghost,nobody\"}")));
    WM.stubFor(post(urlEqualTo(GET)).withFormParam("accids", equalTo("[\"alice\",\"bob\"]"))
        .willReturn(okJson("{\"code\":200,\"uinfos\":[{\"accid\":\"alice\",\"name\":\"Alice\"},{\"accid\":\"bob\"}]}")));
    unknownAccounts("ghost", "nobody");

    Map<String, UserProfile> all = client.profiles().getAll(List.of("alice", "Ghost", "bob", "nobody"));

    assertThat(all).containsOnlyKeys("alice");
    assertThat(all.get("alice")).isEqualTo(UserProfile.builder("alice").nickname("Alice").build());
    assertThat(sentPaths()).containsExactly(GET, ONLINE, GET);
    assertThat(client.profiles().get("ghost")).isEmpty();
    assertThat(sentPaths()).as("only unknown accids: no second read").containsExactly(GET, ONLINE, GET, GET, ONLINE);

    unknownAccounts();
    assertThatThrownBy(() -> client.profiles().getAll(List.of("carol", "dave")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.vendorCode()).contains("414"));
  }

  /** The NOT_FOUND flavour of an unknown accid: an item with nothing set and valid false, no profile. */
  @Test
  void anInvalidItemOfAnUnknownUserIsNoProfile() {
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(
        "{\"code\":200,\"uinfos\":[{\"accid\":\"ghost\",\"gender\":0,\"valid\":false,\"mute\":false},{\"accid\":\"bob\",\"name\":\"B\"}]}")));

    assertThat(client.profiles().getAll(List.of("ghost", "bob"))).containsOnlyKeys("bob");
  }

  /**
   * Item 5: the server checks the email format and answers {@code "<value> not email"} (the one
   * recorded answer: {@code {"desc":"邮件 not email","code":414}}, netease-facts §3). That is an
   * invalid request naming the field {@code email}, without asking whether the user exists.
   */
  @Test
  void aRefusedEmailIsAnInvalidRequestNamingTheField() {
    WM.stubFor(post(urlEqualTo(UPDATE)).willReturn(okJson("{\"desc\":\"张三@例子.中国 not email\",\"code\":414}")));

    assertThatThrownBy(() -> client.profiles().update("alice", ProfileUpdate.builder().email("张三@例子.中国").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).contains("email");
          assertThat(e.vendorCode()).contains("414");
          assertThat(e.vendorMessage()).contains("张三@例子.中国 not email");
          assertThat(e.operation()).contains("profiles.update");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(sentPaths()).containsExactly(UPDATE);
  }

  @Test
  void aCardWithNothingSetOrNoCardAtAllIsNoProfile() {
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(
        "{\"code\":200,\"uinfos\":[{\"accid\":\"Empty\",\"name\":\"\",\"icon\":\"\",\"gender\":0,\"valid\":true},"
            + "{\"accid\":\"bob\",\"email\":\"b@example.com\",\"gender\":\"2\",\"extra\":{\"x\":1}}]}")));

    assertThat(client.profiles().get("empty")).isEmpty();
    assertThat(client.profiles().get("ghost")).isEmpty();
    Map<String, UserProfile> all = client.profiles().getAll(List.of("ghost", "BOB", "empty"));
    assertThat(all).as("under the caller's spelling").containsOnlyKeys("BOB");
    assertThat(all.get("BOB")).isEqualTo(UserProfile.builder("bob").email("b@example.com").gender(Gender.FEMALE).build());
  }

  /**
   * 450 distinct ids (plus repeats in other cases): three requests of 200, 200 and 50 accids, each a
   * JSON array; the answers come back in reverse and leave some users out; the result follows the
   * input order.
   */
  @Test
  void getAllChunksBy200AndKeepsTheInputOrder() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      ids.add(String.format("u%03d", i));
    }
    List<String> input = new ArrayList<>(ids);
    Collections.shuffle(input, new Random(7));
    input.add(input.get(0).toUpperCase(Locale.ROOT));
    input.add(input.get(10));
    for (int chunk = 0; chunk < 3; chunk++) {
      List<String> part = input.subList(chunk * 200, Math.min(450, chunk * 200 + 200));
      StringBuilder uinfos = new StringBuilder();
      for (int i = part.size() - 1; i >= 0; i--) {
        String id = part.get(i);
        if (Integer.parseInt(id.substring(1)) % 10 == 3) {
          continue; // the server leaves unknown users out
        }
        uinfos.append(uinfos.length() == 0 ? "" : ",").append("{\"accid\":\"").append(id).append("\",\"name\":\"n-").append(id).append("\"}");
      }
      WM.stubFor(post(urlEqualTo(GET)).withFormParam("accids", matching("\\[\"" + part.get(0) + "\",.*"))
          .willReturn(okJson("{\"code\":200,\"uinfos\":[" + uinfos + "]}")));
    }

    Map<String, UserProfile> result = client.profiles().getAll(input);

    List<Map<String, String>> forms = sentForms();
    assertThat(forms).hasSize(3);
    List<List<String>> chunks = new ArrayList<>();
    for (Map<String, String> form : forms) {
      JsonNode accids = JSON.readTree(form.get("accids"));
      List<String> chunk = new ArrayList<>();
      accids.forEach(n -> chunk.add(n.asText()));
      chunks.add(chunk);
    }
    chunks.sort((a, b) -> Integer.compare(input.indexOf(a.get(0)), input.indexOf(b.get(0))));
    assertThat(chunks).extracting(List::size).containsExactly(200, 200, 50);
    List<String> sent = new ArrayList<>();
    chunks.forEach(sent::addAll);
    assertThat(sent).as("every id once, in input order").isEqualTo(input.subList(0, 450));

    List<String> expected = new ArrayList<>();
    for (String id : input) {
      if (Integer.parseInt(id.substring(1)) % 10 != 3 && !expected.contains(id)) {
        expected.add(id); // the upper-case spelling of input[0] is a key of its own, the repeat is not
      }
    }
    assertThat(new ArrayList<>(result.keySet())).isEqualTo(expected);
    assertThat(result.get("u001").nickname()).isEqualTo("n-u001");
  }

  /**
   * Issue 9: a success answer whose shape contradicts seed 003 (no {@code uinfos} array, an item
   * that names no user, no code at all) is an unavailable vendor, never "no such profile".
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"code\":200}",
      "{\"code\":200,\"uinfos\":null}",
      "{\"code\":200,\"uinfos\":\"oops\"}",
      "{\"code\":200,\"uinfos\":{\"accid\":\"alice\"}}",
      "{\"code\":200,\"uinfos\":[{\"name\":\"no accid\"}]}",
      "{\"code\":200,\"uinfos\":[null]}",
      "{\"data\":\"oops\"}",
  })
  void aMalformedAnswerIsAnUnavailableVendorNeverNoProfile(String answer) {
    WM.stubFor(post(urlEqualTo(GET)).willReturn(okJson(answer)));

    assertThatThrownBy(() -> client.profiles().get("alice"))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.provider()).contains("netease");
          assertThat(e.operation()).contains("profiles.get");
        });
    assertThatThrownBy(() -> client.profiles().getAll(List.of("alice", "bob")))
        .isInstanceOf(ProviderUnavailableException.class);
  }
}
