package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.imfacade.ImClient;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.error.ConflictException;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account and team requests as NetEase documents them (netease-facts §5, §6: parameter names,
 * required parameters, JSON arrays in form fields, §9) and the neutral reading of the answers the
 * facts record.
 *
 * <p>Account answers are verbatim under {@code golden/observed/}: {@code user-create.response.json}
 * and {@code user-create-duplicate.response.json} are the two answers an application recorded in
 * a comment (code-id 10421588333; the duplicate answer is observed in five more projects,
 * netease-facts §5). No doc page prints them. The team answers have the shapes of the facts
 * ({@code {"code":200,"tid":"…","faccid":{"accid":[…],"msg":"…"}}}, DOC jc2NDgzMTg and the SDK's
 * {@code CreateTeamResponseV1}; {@code queryDetail}'s {@code tinfo}, the SDK's {@code
 * QueryTeamInfoDetailsResponseV1}) with values of ours: no doc example of them could be read.
 */
class AccountsTeamsGoldenWireTest {

  private static final String CREATE = "/nimserver/user/create.action";
  private static final String UPDATE = "/nimserver/user/update.action";
  private static final String REFRESH = "/nimserver/user/refreshToken.action";
  private static final String ONLINE = "/nimserver/user/userOnlineStatus.action";
  private static final String TEAM_CREATE = "/nimserver/team/create.action";
  private static final String TEAM_ADD = "/nimserver/team/add.action";
  private static final String TEAM_KICK = "/nimserver/team/kick.action";
  private static final String TEAM_REMOVE = "/nimserver/team/remove.action";
  private static final String TEAM_DETAIL = "/nimserver/team/queryDetail.action";
  private static final String NOBODY_UNKNOWN = "{\"code\":200,\"data\":{\"invalidAccids\":[],\"status\":{}}}";

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

  private static void answer(String path, String body) {
    WM.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
  }

  private static List<LoggedRequest> sent(String path) {
    return WM.getAllServeEvents().stream().map(e -> e.getRequest()).filter(r -> r.getUrl().equals(path))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static Map<String, String> onlyForm(String path) {
    List<LoggedRequest> requests = sent(path);
    assertThat(requests).as("requests to %s", path).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(request.getMethod().getName()).isEqualTo("POST");
    assertThat(request.getHeader("Content-Type")).isEqualToIgnoringCase("application/x-www-form-urlencoded;charset=utf-8");
    Wiretap.assertSigned(request, TestClients.APP_KEY, TestClients.APP_SECRET);
    return Wiretap.form(request);
  }

  @Test
  void registerWithoutPasswordReturnsTheGeneratedTokenOfTheObservedAnswer() {
    answer(CREATE, Wiretap.resource("golden/observed/user-create.response.json"));

    Account account = client.accounts().register(Registration.of("HelloWorld2"));

    assertThat(onlyForm(CREATE)).as("accid lower-cased; no token: NetEase generates one")
        .containsExactly(Map.entry("accid", "helloworld2"));
    assertThat(account.userId()).isEqualTo("helloworld2");
    assertThat(account.createdAt()).as("no creation time in any v1 answer").isNull();
    assertThat(account.credential()).isEqualTo(
        new Credential(Credential.Kind.TOKEN, "c7f302b637099dc3039761ff3b45a21a", null));
    assertThat(account.toString()).doesNotContain("c7f302b637099dc3039761ff3b45a21a");
    assertThat(WM.getAllServeEvents()).as("nothing else asked").hasSize(1);
  }

  @Test
  void registerWithAPasswordSendsItAsTheLoginTokenAndReturnsNoCredential() {
    answer(CREATE, "{\"code\":200,\"info\":{\"token\":\"s3cret-Token\",\"accid\":\"helloworld2\",\"name\":\"\"}}");

    Account account = client.accounts().register(Registration.of("helloworld2", "s3cret-Token"));

    assertThat(onlyForm(CREATE)).containsExactly(Map.entry("accid", "helloworld2"), Map.entry("token", "s3cret-Token"));
    assertThat(account).isEqualTo(new Account("helloworld2", null, null));
  }

  @Test
  void theObservedDuplicateAnswerIsAConflictWithoutAProbeOrARetry() {
    String body = Wiretap.resource("golden/observed/user-create-duplicate.response.json");
    assertThat(body).isEqualTo("{\"desc\":\"already register\",\"code\":414}");
    answer(CREATE, body);

    assertThatThrownBy(() -> client.accounts().register(Registration.of("helloworld2")))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.vendorCode()).contains("414");
          assertThat(e.vendorMessage()).contains("already register");
          assertThat(e.httpStatus()).hasValue(200);
          assertThat(e.provider()).contains("netease");
          assertThat(e.operation()).contains("accounts.register");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(WM.getAllServeEvents()).hasSize(1);
  }

  @Test
  void setPasswordAsksWhetherTheAccountExistsThenSendsUpdate() {
    answer(ONLINE, NOBODY_UNKNOWN);
    answer(UPDATE, "{\"code\":200}");

    client.accounts().setPassword("Alice", "n3w-token");

    assertThat(onlyForm(ONLINE)).containsExactly(Map.entry("accids", "[\"alice\"]"));
    assertThat(onlyForm(UPDATE)).containsExactly(Map.entry("accid", "alice"), Map.entry("token", "n3w-token"));
  }

  @Test
  void issueTokenIsRefreshTokenWithoutExpiry() {
    answer(ONLINE, NOBODY_UNKNOWN);
    // The shape of jsdk RefreshTokenResponseV1: info {accid, token}.
    answer(REFRESH, "{\"code\":200,\"info\":{\"token\":\"0c2e6f1a7d9b4e3f8a5c1b2d3e4f5a6b\",\"accid\":\"alice\"}}");

    Credential token = client.accounts().issueToken("alice", Duration.ofHours(1));

    assertThat(onlyForm(REFRESH)).containsExactly(Map.entry("accid", "alice"));
    assertThat(token).isEqualTo(new Credential(Credential.Kind.TOKEN, "0c2e6f1a7d9b4e3f8a5c1b2d3e4f5a6b", null));
    assertThat(token.toString()).doesNotContain("0c2e6f1a");
  }

  /** A {@code queryDetail} answer of the SDK's shape. */
  private static String detail(String tid, String tname, String intro, int maxusers, String owner, String... members) {
    StringBuilder items = new StringBuilder();
    for (String m : members) {
      items.append(items.length() == 0 ? "" : ",").append("{\"accid\":\"").append(m)
          .append("\",\"nick\":\"\",\"mute\":false,\"createtime\":1443592222000,\"updatetime\":1443592222000}");
    }
    return "{\"code\":200,\"tinfo\":{\"tname\":\"" + tname + "\",\"icon\":\"\",\"owner\":{\"accid\":\"" + owner
        + "\",\"nick\":\"\",\"mute\":false,\"createtime\":1443592222000,\"updatetime\":1443592222000},"
        + "\"maxusers\":" + maxusers + ",\"tid\":" + tid + ",\"size\":" + (members.length + 1) + ",\"announcement\":\"\","
        + "\"intro\":\"" + intro + "\",\"joinmode\":1,\"beinvitemode\":0,\"invitemode\":0,\"uptinfomode\":0,"
        + "\"upcustommode\":0,\"mute\":false,\"admins\":[],\"members\":[" + items + "],"
        + "\"createtime\":1443592222000,\"updatetime\":1443592222000}}";
  }

  @Test
  void createSendsTheRequiredTeamParametersAndReadsTheTeamBack() {
    answer(ONLINE, NOBODY_UNKNOWN);
    answer(TEAM_CREATE, "{\"code\":200,\"tid\":\"11223344\"}");
    answer(TEAM_DETAIL, detail("11223344", "Team A", "about us", 50, "owner1", "m1", "m2"));

    Group group = client.groups().create(new NewGroup("Owner1", "Team A", "about us", List.of("M1", "m2"), 50));

    assertThat(onlyForm(ONLINE)).as("owner and members exist").containsExactly(Map.entry("accids", "[\"owner1\",\"m1\",\"m2\"]"));
    assertThat(onlyForm(TEAM_CREATE)).containsExactly(
        Map.entry("tname", "Team A"),
        Map.entry("owner", "owner1"),
        Map.entry("members", "[\"m1\",\"m2\"]"),
        Map.entry("msg", "You were added to the group."),
        Map.entry("magree", "0"),
        Map.entry("joinmode", "1"),
        Map.entry("intro", "about us"),
        Map.entry("teamMemberLimit", "50"));
    assertThat(onlyForm(TEAM_DETAIL)).containsExactly(Map.entry("tid", "11223344"));
    assertThat(group).isEqualTo(new Group("11223344", "Team A", "owner1", "about us", 3, 50));
  }

  @Test
  void createWithoutOthersSendsAnEmptyArrayAndNoOptionalParameters() {
    answer(ONLINE, NOBODY_UNKNOWN);
    // The SDK reads tid with getLong: a number is as good as a string.
    answer(TEAM_CREATE, "{\"code\":200,\"tid\":11223345}");
    answer(TEAM_DETAIL, detail("11223345", "Solo", "", 200, "owner1"));

    Group group = client.groups().create(NewGroup.of("owner1", "Solo", List.of()));

    assertThat(onlyForm(TEAM_CREATE)).containsExactly(
        Map.entry("tname", "Solo"),
        Map.entry("owner", "owner1"),
        Map.entry("members", "[]"),
        Map.entry("msg", "You were added to the group."),
        Map.entry("magree", "0"),
        Map.entry("joinmode", "1"));
    assertThat(group).isEqualTo(new Group("11223345", "Solo", "owner1", null, 1, 200));
  }

  @Test
  void addKickAndRemoveActAsTheOwnerTheTeamNames() {
    answer(TEAM_DETAIL, detail("11223344", "Team A", "", 200, "owner1", "m1"));
    answer(ONLINE, NOBODY_UNKNOWN);
    answer(TEAM_ADD, "{\"code\":200}");
    answer(TEAM_KICK, "{\"code\":200}");
    answer(TEAM_REMOVE, "{\"code\":200}");

    assertThat(client.groups().addMembers("11223344", List.of("m2", "M3")).succeeded())
        .containsExactly(Map.entry("m2", MemberChange.ADDED), Map.entry("M3", MemberChange.ADDED));
    assertThat(onlyForm(TEAM_ADD)).containsExactly(
        Map.entry("tid", "11223344"),
        Map.entry("owner", "owner1"),
        Map.entry("members", "[\"m2\",\"m3\"]"),
        Map.entry("magree", "0"),
        Map.entry("msg", "You were added to the group."));

    assertThat(client.groups().removeMembers("11223344", List.of("m1")).succeeded())
        .containsExactly(Map.entry("m1", MemberChange.REMOVED));
    assertThat(onlyForm(TEAM_KICK)).containsExactly(
        Map.entry("tid", "11223344"), Map.entry("owner", "owner1"), Map.entry("members", "[\"m1\"]"));

    client.groups().delete("11223344");
    assertThat(onlyForm(TEAM_REMOVE)).containsExactly(Map.entry("tid", "11223344"), Map.entry("owner", "owner1"));
  }

  @Test
  void theReadOfAGroupIsQueryDetail() {
    answer(TEAM_DETAIL, detail("11223344", "Team A", "about", 200, "Owner1", "m1", "m2"));

    assertThat(client.groups().get("11223344")).contains(new Group("11223344", "Team A", "owner1", "about", 3, 200));
    assertThat(client.groups().allMembers("11223344")).containsExactly("m1", "m2", "owner1");
  }
}
