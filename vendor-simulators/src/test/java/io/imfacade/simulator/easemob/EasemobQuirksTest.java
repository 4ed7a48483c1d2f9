package io.imfacade.simulator.easemob;

import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_ID;
import static io.imfacade.simulator.easemob.EasemobTests.CLIENT_SECRET;
import static io.imfacade.simulator.easemob.EasemobTests.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cursor quirks, lost answers, and the plan caps of the two vendors. */
class EasemobQuirksTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials(CLIENT_ID, CLIENT_SECRET).build();

  private String token;

  @BeforeEach
  void setUp() throws Exception {
    token = EasemobTests.token(SIM);
    SIM.simulator().createUsers("owner", "f1", "f2", "f3");
    for (String f : List.of("f1", "f2", "f3")) {
      SIM.simulator().addContact("owner", f);
    }
    SIM.simulator().block("owner", List.of("f1", "f2", "f3"));
  }

  private static String enc(String cursor) {
    return java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A page of both lists: the ids and the next cursor (null when none). */
  private record Page(List<String> ids, String cursor) {}

  private Page contacts(String cursor) throws Exception {
    JsonNode json = Http.get(url(SIM, "/user/owner/contacts?limit=2" + (cursor == null ? "" : "&cursor=" + enc(cursor))))
        .bearer(token).send().json();
    return new Page(json.get("data").get("contacts").findValuesAsText("username"),
        json.hasNonNull("cursor") ? json.get("cursor").asText() : null);
  }

  private Page blocks(String cursor) throws Exception {
    JsonNode json = Http.get(url(SIM, "/users/owner/blocks/users?pageSize=2" + (cursor == null ? "" : "&cursor=" + enc(cursor))))
        .bearer(token).send().json();
    List<String> ids = new ArrayList<>();
    json.get("data").forEach(id -> ids.add(id.asText()));
    return new Page(ids, json.hasNonNull("cursor") ? json.get("cursor").asText() : null);
  }

  @FunctionalInterface
  private interface Pager {
    Page get(String cursor) throws Exception;
  }

  @Test
  void documentedCursorsEndOnTheLastPage() throws Exception {
    for (Pager pager : List.<Pager>of(this::contacts, this::blocks)) {
      Page first = pager.get(null);
      Page last = pager.get(first.cursor());
      assertThat(first.ids()).containsExactly("f3", "f2");
      assertThat(last.ids()).containsExactly("f1");
      assertThat(last.cursor()).isNull();
    }
  }

  @Test
  void aCursorOnTheLastPageLeadsToAnEmptyPageRepeatingIt() throws Exception {
    SIM.simulator().answer(CursorQuirk.CURSOR_ON_LAST_PAGE);
    for (Pager pager : List.<Pager>of(this::contacts, this::blocks)) {
      Page last = pager.get(pager.get(null).cursor());
      Page after = pager.get(last.cursor());

      assertThat(last.ids()).containsExactly("f1");
      assertThat(last.cursor()).isNotNull();
      assertThat(after.ids()).isEmpty();
      assertThat(after.cursor()).isEqualTo(last.cursor());
    }
  }

  @Test
  void endlessEmptyPagesEachWithANewCursor() throws Exception {
    SIM.simulator().answer(CursorQuirk.ENDLESS_EMPTY_PAGES);
    Page page = contacts(contacts(null).cursor());
    List<String> cursors = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      page = contacts(page.cursor());
      assertThat(page.ids()).isEmpty();
      cursors.add(page.cursor());
    }
    assertThat(cursors).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void aStuckCursorRepeatsTheOneItWasAskedWith() throws Exception {
    SIM.simulator().createUsers("f4", "f5");
    SIM.simulator().block("owner", List.of("f4", "f5"));
    SIM.simulator().answer(CursorQuirk.STUCK_CURSOR);

    Page first = blocks(null);
    Page second = blocks(first.cursor());

    assertThat(first.ids()).containsExactly("f5", "f4");
    assertThat(second.ids()).containsExactly("f3", "f2");
    assertThat(second.cursor()).isEqualTo(first.cursor());
  }

  @Test
  void endlessPagesStartOverWithNewCursors() throws Exception {
    SIM.simulator().answer(CursorQuirk.ENDLESS_PAGES);
    List<String> seen = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    String cursor = null;
    for (int i = 0; i < 6; i++) {
      Page page = contacts(cursor);
      seen.addAll(page.ids());
      cursor = page.cursor();
      cursors.add(cursor);
    }
    assertThat(seen).containsExactly("f3", "f2", "f1", "f3", "f2", "f1", "f3", "f2", "f1");
    assertThat(cursors).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void aLostAnswerWasCarriedOut() throws Exception {
    SIM.simulator().createUsers("f4");
    SIM.simulator().loseAnswers(1);

    assertThatThrownBy(() -> Http.post(url(SIM, "/users/owner/contacts/users/f4")).bearer(token)
        .header("Content-Type", "application/json").send()).isInstanceOf(IOException.class);
    assertThat(SIM.simulator().contactsOf("f4")).containsExactly("owner");
    assertThat(Http.get(url(SIM, "/users/owner/contacts/users")).bearer(token).send().status).as("the next answer")
        .isEqualTo(200);
    assertThatThrownBy(() -> SIM.simulator().loseAnswers(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFriendCapIsThePaidPlansByDefault() {
    EasemobSimulator easemob = EasemobSimulator.builder().easemob("o", "a").build();
    EasemobSimulator shengwang = EasemobSimulator.builder().shengwang("appid").build();
    assertThat(capOf(easemob)).isEqualTo(EasemobSimulator.EASEMOB_CONTACTS_MAX).isEqualTo(3000);
    assertThat(capOf(shengwang)).isEqualTo(EasemobSimulator.SHENGWANG_CONTACTS_MAX).isEqualTo(10_000);
    assertThat(capOf(EasemobSimulator.builder().shengwang("appid").contactsMax(100).build())).as("a free plan").isEqualTo(100);
  }

  /** Adds contacts until the seeding refuses: the cap. */
  private static int capOf(EasemobSimulator sim) {
    List<String> friends = new ArrayList<>();
    for (int i = 0; i <= 10_001; i++) {
      friends.add("u" + i);
    }
    sim.createUsers(friends);
    sim.createUsers("me");
    int added = 0;
    try {
      for (String f : friends) {
        sim.addContact("me", f);
        added++;
      }
    } catch (IllegalArgumentException e) {
      assertThat(e).hasMessage("403 exceed_limit: user contact number exceed limit");
    }
    return added;
  }

  @Test
  void repeatedIdsInTheRequestArePlain() throws Exception {
    Http.Resp resp = Http.post(url(SIM, "/users/owner/blocks/users")).bearer(token)
        .json(Map.of("usernames", List.of("f1", "F1"))).send();
    assertThat(resp.json().get("data").toString()).isEqualTo("[\"f1\"]");
  }
}
