package io.imfacade.netease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.simulator.netease.NeteaseSimulator;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.spi.ProviderContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every service against the stateful NetEase simulator, which checks each request's CheckSum and
 * its time window: what the client writes is what the simulator holds, and what it holds is what
 * the client reads.
 */
class SimulatorEndToEndTest {

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(TestClients.APP_KEY, TestClients.APP_SECRET)
      .blockListMax(5)
      .build();

  private ProviderContext context;
  private ImClient client;
  private NeteaseSimulator sim;

  @BeforeEach
  void open() {
    context = ProviderContext.create();
    client = TestClients.to(SIM.baseUrl()).open(context);
    sim = SIM.simulator();
    sim.createUsers("alice", "bob", "carol", "dave");
  }

  @AfterEach
  void close() {
    client.close();
    context.close();
    assertThat(sim.rateLimitedRequests()).as("no request was rate limited").isZero();
  }

  @Test
  void profilesRoundTripThroughUserCards() {
    ProfileUpdate all = ProfileUpdate.builder()
        .nickname("张三 🎉")
        .avatarUrl("https://example.com/头像.png?size=64&v=2")
        .gender(Gender.FEMALE)
        .sign("line1\nline2 \"quoted\" & more")
        .birth("1990-01-31")
        .email("alice@example.com")
        .phone("+86-13800138000")
        .ext("{\"vip\":true,\"p\":\"100%\"}")
        .build();
    client.profiles().update("ALICE", all);
    client.profiles().update("bob", ProfileUpdate.builder().nickname("Bob").build());

    assertThat(sim.userCard("alice")).containsEntry("name", "张三 🎉").containsEntry("mobile", "+86-13800138000")
        .containsEntry("gender", "2");
    UserProfile expected = all.applyTo(UserProfile.builder("alice").build());
    assertThat(client.profiles().get("alice")).contains(expected);

    client.profiles().update("alice", ProfileUpdate.builder().sign("changed").clear(ProfileField.EMAIL).gender(Gender.UNKNOWN).build());
    UserProfile patched = client.profiles().get("alice").orElseThrow();
    assertThat(patched.sign()).isEqualTo("changed");
    assertThat(patched.email()).isNull();
    assertThat(patched.gender()).isEqualTo(Gender.UNKNOWN);
    assertThat(patched.nickname()).isEqualTo("张三 🎉");

    assertThat(client.profiles().getAll(List.of("ghost", "bob", "carol", "alice", "BOB")))
        .as("unknown users and users with nothing set are absent; the caller's spellings")
        .containsOnlyKeys("bob", "alice", "BOB");
    assertThat(new ArrayList<>(client.profiles().getAll(List.of("bob", "alice")).keySet())).containsExactly("bob", "alice");

    client.profiles().delete("alice");
    client.profiles().delete("ghost");
    assertThat(client.profiles().get("alice")).isEmpty();
    assertThat(sim.userCard("alice")).containsOnlyKeys("gender").containsEntry("gender", "0");
    assertThat(client.profiles().get("bob").orElseThrow().nickname()).isEqualTo("Bob");
    assertThatThrownBy(() -> client.profiles().update("ghost", ProfileUpdate.builder().nickname("x").build()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void getAllOf450UsersCrossesThreeRequests() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      ids.add("m" + i);
    }
    sim.createUsers(ids);
    for (int i = 0; i < 450; i += 9) {
      sim.updateUserCard(ids.get(i), Map.of("name", "member " + i));
    }
    long before = sim.requests();

    Map<String, UserProfile> result = client.profiles().getAll(ids);

    assertThat(sim.requests() - before).isEqualTo(3);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 450; i += 9) {
      expected.add(ids.get(i));
    }
    assertThat(new ArrayList<>(result.keySet())).isEqualTo(expected);
    assertThat(result.get("m9").nickname()).isEqualTo("member 9");
  }

  @Test
  void contactsRemarksAndPaging() {
    List<String> friends = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      friends.add(String.format("f%02d", 11 - i));
    }
    sim.createUsers(friends);
    friends.forEach(f -> client.contacts().addContact("alice", f));
    client.contacts().addContact("Alice", "F00");

    List<Page<Contact>> pages = new ArrayList<>();
    Page<Contact> page = client.contacts().contacts("alice", PageRequest.first(5));
    pages.add(page);
    while (page.nextCursor().isPresent()) {
      page = client.contacts().contacts("alice", PageRequest.after(page.nextCursor().get(), 5));
      pages.add(page);
    }
    assertThat(pages).extracting(p -> p.items().size()).containsExactly(5, 5, 2);
    List<String> visited = pages.stream().flatMap(p -> p.items().stream()).map(Contact::userId).collect(Collectors.toList());
    assertThat(visited).isSorted().containsExactlyInAnyOrderElementsOf(friends);
    assertThat(client.contacts().allContacts("f05").map(Contact::userId)).containsExactly("alice");

    client.contacts().setRemark("alice", "f05", "老板 Bob 👔");
    assertThat(sim.aliasOf("alice", "f05")).contains("老板 Bob 👔");
    assertThat(client.contacts().allContacts("alice").filter(c -> c.userId().equals("f05")).findFirst())
        .contains(Contact.of("f05", "老板 Bob 👔"));
    assertThat(client.contacts().allContacts("f05").findFirst()).contains(Contact.of("alice"));
    client.contacts().setRemark("alice", "f05", "");
    assertThat(sim.aliasOf("alice", "f05")).isEmpty();
    assertThatThrownBy(() -> client.contacts().setRemark("alice", "bob", "stranger")).isInstanceOf(NotFoundException.class);

    client.contacts().removeContact("f05", "alice");
    assertThat(sim.friendsOf("alice")).doesNotContain("f05");
    assertThat(sim.friendsOf("f05")).isEmpty();
    client.contacts().removeContact("alice", "f05");
    client.contacts().removeContact("alice", "ghost");
    assertThatThrownBy(() -> client.contacts().removeContact("ghost", "alice")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.contacts().addContact("alice", "ghost")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.contacts().addContact("bob", "bob")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void blockListUnblockPagingAndQuota() {
    sim.createUsers("u1", "u2", "u3", "u4", "u5", "u6");
    client.contacts().addContact("alice", "bob");

    client.contacts().block("alice", List.of("u3", "BOB", "u1"));
    client.contacts().block("alice", List.of("u1"));
    assertThat(sim.blockListOf("alice")).containsExactly("u3", "bob", "u1");
    assertThat(client.contacts().allBlocked("alice")).containsExactly("bob", "u1", "u3");
    Page<String> first = client.contacts().blocked("alice", PageRequest.first(2));
    assertThat(first.items()).containsExactly("bob", "u1");
    assertThat(client.contacts().blocked("alice", PageRequest.after(first.nextCursor().orElseThrow(), 2)).items()).containsExactly("u3");
    assertThat(client.contacts().allContacts("alice").map(Contact::userId)).as("a blocked friend stays a contact").containsExactly("bob");
    assertThat(client.contacts().allBlocked("bob")).isEmpty();

    client.contacts().block("alice", List.of("u4", "u5"));
    assertThatThrownBy(() -> client.contacts().block("alice", List.of("u6")))
        .as("the simulator's list holds 5")
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.vendorCode()).contains("419"));

    client.contacts().unblock("alice", "U3");
    client.contacts().unblock("alice", "u3");
    client.contacts().unblock("alice", "ghost");
    assertThatThrownBy(() -> client.contacts().unblock("ghost", "alice")).isInstanceOf(NotFoundException.class);
    assertThat(client.contacts().allBlocked("alice")).containsExactly("bob", "u1", "u4", "u5");
  }

  @Test
  void memberAttributesLiveInTheMembersCustomString() {
    sim.createTeam("1001", "alice", List.of("bob", "carol"));
    sim.updateTeamMember("1001", "carol", "Carol", "plain text of another app");

    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("nick", "小B 🐝");
    attrs.put("json", "{\"a\":[1,2]}");
    assertThat(client.groupMemberAttributes().set("1001", "BOB", attrs)).isEqualTo(attrs);
    assertThat(sim.teamMemberCustom("1001", "bob")).contains("{\"nick\":\"小B 🐝\",\"json\":\"{\\\"a\\\":[1,2]}\"}");
    assertThat(client.groupMemberAttributes().get("1001", "bob")).isEqualTo(attrs);
    assertThat(client.groupMemberAttributes().get("1001", "alice")).as("the owner").isEmpty();

    assertThat(client.groupMemberAttributes().set("1001", "bob", Map.of("nick", "", "seat", "3"))).isEqualTo(Map.of("seat", "3"));
    assertThat(client.groupMemberAttributes().get("1001", List.of("dave", "bob", "carol"), List.of("seat", "nick")))
        .isEqualTo(Map.of("bob", Map.of("seat", "3"), "carol", Map.of()));

    assertThatThrownBy(() -> client.groupMemberAttributes().set("1001", "carol", Map.of("a", "1")))
        .isInstanceOf(ConflictException.class);
    assertThat(sim.teamMemberCustom("1001", "carol")).as("never overwritten").contains("plain text of another app");
    assertThat(sim.teamMemberNick("1001", "carol")).contains("Carol");

    Map<String, Map<String, String>> batch = new LinkedHashMap<>();
    batch.put("alice", Map.of("role", "owner"));
    batch.put("bob", Map.of("seat", "", "json", ""));
    batch.put("carol", Map.of("a", "1"));
    batch.put("dave", Map.of("a", "1"));
    BatchResult result = client.groupMemberAttributes().setAll("1001", batch);
    assertThat(result.succeeded()).isEqualTo(Map.of("alice", Map.of("role", "owner"), "bob", Map.of()));
    assertThat(result.failed()).containsOnlyKeys("carol", "dave");
    assertThat(result.failed().get("carol")).isInstanceOf(ConflictException.class);
    assertThat(result.failed().get("dave")).isInstanceOf(NotFoundException.class);
    assertThat(sim.teamMemberCustom("1001", "bob")).contains("{}");

    assertThatThrownBy(() -> client.groupMemberAttributes().get("1001", "dave")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> client.groupMemberAttributes().get("9999", "bob")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aWrongSecretIsAnAuthenticationFailureThatDoesNotShowTheSecret() {
    try (ImClient wrong = TestClients.to(SIM.baseUrl()).app(TestClients.APP_KEY, "not-the-secret-4711").open(context)) {
      assertThatThrownBy(() -> wrong.profiles().get("alice"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.vendorCode()).contains("414"))
          .hasMessageNotContaining("not-the-secret-4711")
          .hasMessageNotContaining(TestClients.APP_SECRET);
    }
  }
}
