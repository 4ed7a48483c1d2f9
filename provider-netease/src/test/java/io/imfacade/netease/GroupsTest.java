package io.imfacade.netease;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.imfacade.BatchOutcome;
import io.imfacade.ImClient;
import io.imfacade.error.ConflictException;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.Group;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Groups against answers no simulator mode gives: members who could not join with the dismissal
 * failing too, a read-back that fails, a {@code faccid} in another form, refusals decided by
 * reading the team back, malformed answers.
 */
class GroupsTest {

  private static final String ONLINE = "/nimserver/user/userOnlineStatus.action";
  private static final String TEAM_CREATE = "/nimserver/team/create.action";
  private static final String TEAM_ADD = "/nimserver/team/add.action";
  private static final String TEAM_KICK = "/nimserver/team/kick.action";
  private static final String TEAM_REMOVE = "/nimserver/team/remove.action";
  private static final String TEAM_DETAIL = "/nimserver/team/queryDetail.action";
  private static final String TID = "5001";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProviderContext context;
  private ImClient client;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
    client = TestClients.to(WM.baseUrl()).open(context);
    WM.stubFor(post(urlEqualTo(ONLINE)).willReturn(okJson("{\"code\":200,\"data\":{\"invalidAccids\":[],\"status\":{}}}")));
  }

  @AfterEach
  void close() {
    client.close();
    context.close();
  }

  private static long calls(String path) {
    return WM.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path)).count();
  }

  /** A queryDetail answer: owner, then members; maxusers as given. */
  static String detail(int maxusers, String owner, String... members) {
    List<String> items = new ArrayList<>();
    for (String m : members) {
      items.add("{\"accid\":\"" + m + "\",\"mute\":false}");
    }
    return "{\"code\":200,\"tinfo\":{\"tid\":" + TID + ",\"tname\":\"t\",\"intro\":\"\",\"maxusers\":" + maxusers
        + ",\"owner\":{\"accid\":\"" + owner + "\",\"mute\":false},\"admins\":[],\"members\":[" + String.join(",", items) + "]}}";
  }

  private static void team(int maxusers, String owner, String... members) {
    WM.stubFor(post(urlEqualTo(TEAM_DETAIL)).willReturn(okJson(detail(maxusers, owner, members))));
  }

  // ---- create ----

  @Test
  void membersWhoCouldNotJoinAreNamedAndTheTeamIsDismissed() {
    WM.stubFor(post(urlEqualTo(TEAM_CREATE)).willReturn(okJson(
        "{\"code\":200,\"tid\":\"" + TID + "\",\"faccid\":{\"accid\":[\"m2\"],\"msg\":\"群成员达到上限\"}}")));
    team(200, "owner", "m1");
    WM.stubFor(post(urlEqualTo(TEAM_REMOVE)).willReturn(okJson("{\"code\":200}")));

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of("m1", "m2"))))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.getMessage()).contains("m2").contains("dismissed").doesNotContain("m1");
          assertThat(e.vendorMessage()).contains("群成员达到上限");
        });
    assertThat(Wiretap.form(WM.findAll(postRequestedFor(urlEqualTo(TEAM_REMOVE))).get(0)))
        .containsEntry("tid", TID).containsEntry("owner", "owner");
  }

  @Test
  void aFailureListHeldInAStringIsReadLikeTheSdkReadsIt() {
    WM.stubFor(post(urlEqualTo(TEAM_CREATE)).willReturn(okJson(
        "{\"code\":200,\"tid\":\"" + TID + "\",\"faccid\":{\"accid\":\"[\\\"m2\\\"]\",\"msg\":\"m\"}}")));
    team(200, "owner", "m1", "m2");
    WM.stubFor(post(urlEqualTo(TEAM_REMOVE)).willReturn(okJson("{\"code\":200}")));

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of("m1", "m2"))))
        .isInstanceOf(QuotaExceededException.class).hasMessageContaining("m2");
  }

  @Test
  void aFailedDismissalSaysTheTeamIsLeftWithoutThem() {
    WM.stubFor(post(urlEqualTo(TEAM_CREATE)).willReturn(okJson(
        "{\"code\":200,\"tid\":\"" + TID + "\",\"faccid\":{\"accid\":[\"m2\"],\"msg\":\"m\"}}")));
    team(200, "owner", "m1");
    WM.stubFor(post(urlEqualTo(TEAM_REMOVE)).willReturn(okJson("{\"code\":802,\"desc\":\"no permission\"}")));

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of("m1", "m2"))))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.getMessage()).contains(TID).contains("could not be dismissed").contains("delete it");
          assertThat(e.getSuppressed()).hasSize(1);
          assertThat(e.getSuppressed()[0]).isInstanceOf(InvalidRequestException.class);
        });
  }

  @Test
  void aMemberMissingFromTheReadBackWithoutFaccidAlsoFailsTheCreate() {
    WM.stubFor(post(urlEqualTo(TEAM_CREATE)).willReturn(okJson("{\"code\":200,\"tid\":\"" + TID + "\"}")));
    team(200, "owner", "m1");
    WM.stubFor(post(urlEqualTo(TEAM_REMOVE)).willReturn(okJson("{\"code\":200}")));

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of("m1", "m2"))))
        .isInstanceOf(QuotaExceededException.class).hasMessageContaining("m2");
    assertThat(calls(TEAM_REMOVE)).isEqualTo(1);
  }

  @Test
  void whenTheReadBackFailsTheGroupIsTheOneAskedFor() {
    WM.stubFor(post(urlEqualTo(TEAM_CREATE)).willReturn(okJson("{\"code\":200,\"tid\":" + TID + "}")));
    WM.stubFor(post(urlEqualTo(TEAM_DETAIL)).willReturn(okJson("{\"code\":503,\"desc\":\"server busy\"}")));

    Group group = client.groups().create(new NewGroup("owner", "t", "d", List.of("m1"), 0));

    assertThat(group).isEqualTo(new Group(TID, "t", "owner", "d", 2, 0));
    assertThat(calls(TEAM_REMOVE)).isZero();
  }

  @Test
  void anAnswerWithoutTidIsMalformedAndNotRepeated() {
    WM.stubFor(post(urlEqualTo(TEAM_CREATE)).willReturn(okJson("{\"code\":200}")));

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of())))
        .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("may have been created");
    assertThat(calls(TEAM_CREATE)).isEqualTo(1);
  }

  @Test
  void aTeamOfOneIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> client.groups().create(new NewGroup("owner", "t", null, List.of(), 1)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("maxMembers"));
    assertThat(WM.getAllServeEvents()).isEmpty();
  }

  @Test
  void unknownUsersAreNamedBeforeAnythingIsCreated() {
    WM.stubFor(post(urlEqualTo(ONLINE)).willReturn(okJson("{\"code\":200,\"data\":{\"invalidAccids\":[\"m2\",\"m9\"]}}")));

    assertThatThrownBy(() -> client.groups().create(NewGroup.of("owner", "t", List.of("m1", "m2", "m9"))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("m2, m9");
    assertThat(calls(TEAM_CREATE)).isZero();
  }

  // ---- read ----

  @ParameterizedTest
  @ValueSource(ints = {803, 404, 414})
  void everyPlausibleNoSuchTeamCodeIsNoGroup(int code) {
    WM.stubFor(post(urlEqualTo(TEAM_DETAIL)).willReturn(okJson("{\"code\":" + code + ",\"desc\":\"no team\"}")));

    assertThat(client.groups().get(TID)).isEmpty();
    assertThatThrownBy(() -> client.groups().delete(TID))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.vendorCode()).contains(Integer.toString(code)));
  }

  @Test
  void otherRefusalsOfTheReadAreNotNoGroup() {
    WM.stubFor(post(urlEqualTo(TEAM_DETAIL)).willReturn(okJson("{\"code\":403,\"desc\":\"illegal operation\"}")));
    assertThatThrownBy(() -> client.groups().get(TID)).isInstanceOf(FeatureNotEnabledException.class);

    WM.stubFor(post(urlEqualTo(TEAM_DETAIL)).willReturn(okJson("{\"code\":200,\"tinfo\":{\"owner\":{\"accid\":\"o\"},\"members\":[]}}")));
    assertThatThrownBy(() -> client.groups().get(TID)).as("no tname").isInstanceOf(ProviderUnavailableException.class);
  }

  // ---- add and remove ----

  @Test
  void aRefusalCausedBySomeoneWhoJoinedMeanwhileIsRepeatedForTheOthers() {
    team(200, "owner", "m1");
    // Between the first read and the add, m2 joined: the add is refused 809; the read-back shows m2.
    WM.stubFor(post(urlEqualTo(TEAM_ADD)).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"code\":809,\"desc\":\"user already in team: m2\"}")).willSetStateTo("refused"));
    WM.stubFor(post(urlEqualTo(TEAM_ADD)).inScenario("race").whenScenarioStateIs("refused")
        .willReturn(okJson("{\"code\":200}")).willSetStateTo("added"));
    WM.stubFor(post(urlEqualTo(TEAM_DETAIL)).inScenario("race").whenScenarioStateIs("refused")
        .willReturn(okJson(detail(200, "owner", "m1", "m2"))));

    BatchOutcome<MemberChange> outcome = client.groups().addMembers(TID, List.of("m2", "m3"));

    assertThat(outcome.succeeded()).containsExactly(Map.entry("m2", MemberChange.ADDED), Map.entry("m3", MemberChange.ADDED));
    List<String> sent = WM.findAll(postRequestedFor(urlEqualTo(TEAM_ADD)))
        .stream().map(r -> Wiretap.form(r).get("members")).toList();
    assertThat(sent).containsExactly("[\"m2\",\"m3\"]", "[\"m3\"]");
  }

  @Test
  void aRefusalNothingExplainsFailsTheUsersWithIt() {
    team(200, "owner", "m1");
    WM.stubFor(post(urlEqualTo(TEAM_ADD)).willReturn(okJson("{\"code\":801,\"desc\":\"team member limit\"}")));

    BatchOutcome<MemberChange> outcome = client.groups().addMembers(TID, List.of("m2", "m3"));

    assertThat(outcome.failed()).containsOnlyKeys("m2", "m3");
    assertThat(outcome.failed().get("m2")).isInstanceOf(QuotaExceededException.class);
    assertThat(calls(TEAM_ADD)).as("not repeated: nobody of the call is in place").isEqualTo(1);
  }

  @Test
  void aTeamGoneMeanwhileIsNotFoundForTheChunk() {
    WM.stubFor(post(urlEqualTo(TEAM_DETAIL)).inScenario("gone").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(detail(200, "owner", "m1"))).willSetStateTo("read"));
    WM.stubFor(post(urlEqualTo(TEAM_DETAIL)).inScenario("gone").whenScenarioStateIs("read")
        .willReturn(okJson("{\"code\":803,\"desc\":\"team not exist\"}")));
    WM.stubFor(post(urlEqualTo(TEAM_KICK)).willReturn(okJson("{\"code\":803,\"desc\":\"team not exist\"}")));

    BatchOutcome<MemberChange> outcome = client.groups().removeMembers(TID, List.of("m1"));

    assertThat(outcome.failed()).containsOnlyKeys("m1");
    assertThat(outcome.failed().get("m1")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void moreThan200AreSentInCallsOf200() {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 201; i++) {
      users.add("u" + i);
    }
    team(0, "owner");
    WM.stubFor(post(urlEqualTo(TEAM_ADD)).willReturn(okJson("{\"code\":200}")));

    BatchOutcome<MemberChange> outcome = client.groups().addMembers(TID, users);

    assertThat(outcome.succeeded()).hasSize(201).allSatisfy((u, c) -> assertThat(c).isEqualTo(MemberChange.ADDED));
    assertThat(outcome.succeeded().keySet()).containsExactlyElementsOf(users);
    assertThat(calls(TEAM_ADD)).isEqualTo(2);
  }

  @Test
  void aKickFailureListIsReadBack() {
    team(200, "owner", "m1", "m2");
    WM.stubFor(post(urlEqualTo(TEAM_KICK)).willReturn(okJson("{\"code\":200,\"faccid\":{\"accid\":[\"m2\"],\"msg\":\"m\"}}")));

    BatchOutcome<MemberChange> outcome = client.groups().removeMembers(TID, List.of("m1", "m2"));

    assertThat(outcome.succeeded()).containsExactly(Map.entry("m1", MemberChange.REMOVED));
    assertThat(outcome.failed()).containsOnlyKeys("m2");
    assertThat(outcome.failed().get("m2")).hasMessageContaining("could not be removed");
  }

  @Test
  void aRefusedDismissalOfATeamStillThereIsThrown() {
    team(200, "owner", "m1");
    WM.stubFor(post(urlEqualTo(TEAM_REMOVE)).willReturn(okJson("{\"code\":417,\"desc\":\"repeated\"}")));

    assertThatThrownBy(() -> client.groups().delete(TID)).isInstanceOf(ConflictException.class);
  }
}
