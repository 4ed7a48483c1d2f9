package io.imfacade.easemob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.simulator.Fault;
import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every service of the Easemob provider against the stateful simulator, opened the way a user (or
 * the TCK harness) opens it: {@code provider=easemob}, {@code easemob.baseUrl} = the simulator's
 * base URL, org/app and client credentials the simulator knows.
 */
class EasemobSimulatorEndToEndTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("e2e-org", "e2e-app")
      .clientCredentials("YXA6e2e-client", "e2e-client-secret")
      .build();

  private static ProviderContext context;
  private ImClient client;
  private EasemobSimulator sim;

  @BeforeAll
  static void openContext() {
    context = ProviderContext.create();
  }

  @AfterAll
  static void closeContext() {
    context.close();
  }

  private static Map<String, String> config() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("provider", "easemob");
    config.put("easemob.baseUrl", SIM.baseUrl());
    config.put("easemob.orgName", "e2e-org");
    config.put("easemob.appName", "e2e-app");
    config.put("easemob.clientId", "YXA6e2e-client");
    config.put("easemob.clientSecret", "e2e-client-secret");
    return config;
  }

  @BeforeEach
  void open() {
    sim = SIM.simulator();
    client = ImFacade.open(ImConfig.of(config()), context);
    sim.createUsers("alice", "bob", "carol");
  }

  @AfterEach
  void close() {
    client.close();
  }

  private static List<String> ids(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------- profiles

  @Test
  void profilesRoundTripPatchClearAndDelete() {
    UserProfileService profiles = client.profiles();
    ProfileUpdate all = ProfileUpdate.builder().nickname("Alice 🎉").avatarUrl("https://a.example/a.png?x=1&y=2")
        .gender(Gender.FEMALE).sign("a&b=c+d %20").birth("1990-01-31").email("alice@example.com").phone("+86 138")
        .ext("{\"vip\":true}").customAttribute("city", "杭州").build();
    profiles.update("ALICE", all);

    UserProfile expected = all.applyTo(UserProfile.builder("alice").build());
    assertThat(profiles.get("alice")).contains(expected);
    assertThat(sim.userMetadata("alice")).containsEntry("mail", "alice@example.com").containsEntry("gender", "2");

    profiles.update("alice", ProfileUpdate.builder().sign("changed").clear(ProfileField.NICKNAME).gender(Gender.UNKNOWN)
        .clearCustomAttribute("city").build());
    UserProfile patched = profiles.get("alice").orElseThrow();
    assertThat(patched.sign()).isEqualTo("changed");
    assertThat(patched.nickname()).isNull();
    assertThat(patched.gender()).isEqualTo(Gender.UNKNOWN);
    assertThat(patched.customAttributes()).isEmpty();
    assertThat(patched.email()).isEqualTo("alice@example.com");

    ProfileUpdate.Builder clearAll = ProfileUpdate.builder();
    for (ProfileField f : ProfileField.values()) {
      clearAll.clear(f);
    }
    profiles.update("alice", clearAll.build());
    assertThat(profiles.get("alice")).as("every value cleared").isEmpty();

    profiles.update("alice", ProfileUpdate.builder().nickname("again").build());
    profiles.delete("alice");
    profiles.delete("alice");
    assertThat(profiles.get("alice")).isEmpty();
    assertThat(profiles.get("nobody")).isEmpty();
  }

  @Test
  void profileErrorsComeFromTheVendorAsNeutralExceptions() {
    assertThatThrownBy(() -> client.profiles().update("ghost", ProfileUpdate.builder().nickname("x").build()))
        .isInstanceOf(NotFoundException.class);

    client.profiles().update("bob", ProfileUpdate.builder().ext("e".repeat(1500)).build());
    assertThatThrownBy(() -> client.profiles().update("bob", ProfileUpdate.builder().sign("s".repeat(250)).nickname("n".repeat(60))
        .avatarUrl("https://x/" + "a".repeat(240)).build()))
        .as("the stored ext plus the new values pass 2 KB").isInstanceOf(QuotaExceededException.class);
    assertThat(client.profiles().get("bob").orElseThrow().sign()).isNull();
  }

  @Test
  void getAllOf250AcrossBatchesKeepsOrderAndSkipsTheAbsent() {
    List<String> users = ids("m", 220);
    sim.createUsers(users);
    for (int i = 0; i < 200; i++) {
      client.profiles().update(users.get(i), ProfileUpdate.builder().nickname("member " + i).build());
    }
    List<String> input = new ArrayList<>(users);
    input.addAll(ids("ghost", 20));
    input.addAll(users.subList(0, 10).stream().map(String::toUpperCase).collect(Collectors.toList()));
    java.util.Collections.shuffle(input, new java.util.Random(7));

    Map<String, UserProfile> result = client.profiles().getAll(input);

    // Keyed as the caller spelled them: "M3" and "m3" both find user m3.
    List<String> expected = input.stream().distinct()
        .filter(id -> id.toLowerCase(Locale.ROOT).startsWith("m") && Integer.parseInt(id.substring(1)) < 200)
        .collect(Collectors.toList());
    assertThat(expected).hasSize(210);
    assertThat(new ArrayList<>(result.keySet())).isEqualTo(expected);
    result.forEach((id, p) -> assertThat(p.nickname()).isEqualTo("member " + id.substring(1)));
  }

  @Test
  void totalSizeGrowsAfterAWrite() {
    long before = client.profiles().totalSizeBytes();
    client.profiles().update("carol", ProfileUpdate.builder().sign("s".repeat(200)).build());

    assertThat(client.profiles().totalSizeBytes()).isGreaterThan(before);
  }

  // ---------------------------------------------------------------- group member attributes

  @Test
  void memberAttributesSetGetMergeAndRemove() {
    sim.createGroup("1001", "alice", List.of("bob"));
    GroupMemberAttributes members = client.groupMemberAttributes();

    assertThat(members.set("1001", "Bob", Map.of("nick", "B", "role", "admin"))).isEqualTo(Map.of("nick", "B", "role", "admin"));
    Map<String, String> patch = new LinkedHashMap<>();
    patch.put("role", "");
    patch.put("title", "boss");
    assertThat(members.set("1001", "bob", patch)).isEqualTo(Map.of("title", "boss"));

    assertThat(members.get("1001", "bob")).isEqualTo(Map.of("nick", "B", "title", "boss"));
    assertThat(members.get("1001", "alice")).isEmpty();
    assertThat(members.get("1001", List.of("bob", "carol", "alice"), List.of("nick")))
        .containsExactly(Map.entry("bob", Map.of("nick", "B")), Map.entry("alice", Map.of()));
    assertThatThrownBy(() -> members.get("1001", "carol")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> members.get("9999", "bob")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> members.set("1001", "carol", Map.of("k", "v"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void memberTotalOverFourKilobytesIsAQuota() {
    sim.createGroup("1002", "alice", List.of("bob"));
    Map<String, String> first = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      first.put("a" + i, "v".repeat(500));
    }
    client.groupMemberAttributes().set("1002", "bob", first);
    Map<String, String> more = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      more.put("b" + i, "v".repeat(500));
    }

    assertThatThrownBy(() -> client.groupMemberAttributes().set("1002", "bob", more)).isInstanceOf(QuotaExceededException.class);
    assertThat(client.groupMemberAttributes().get("1002", "bob")).isEqualTo(first);
  }

  @Test
  void setAllOf45WithNonMembersReportsEveryMember() {
    List<String> users = ids("s", 45);
    sim.createUsers(users);
    List<String> strangers = List.of("s4", "s20", "s21", "s44");
    List<String> members = users.stream().filter(u -> !strangers.contains(u)).collect(Collectors.toList());
    sim.createGroup("1003", "alice", members);
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    users.forEach(u -> request.put(u, Map.of("nick", "n-" + u)));

    BatchResult result = client.groupMemberAttributes().setAll("1003", request);

    assertThat(new ArrayList<>(result.succeeded().keySet())).isEqualTo(members);
    assertThat(result.failed().keySet()).containsExactlyElementsOf(strangers);
    assertThat(result.failed().values()).allSatisfy(e -> assertThat(e).isInstanceOf(NotFoundException.class));
    members.forEach(u -> assertThat(sim.memberMetadata("1003", u)).isEqualTo(Map.of("nick", "n-" + u)));
    Map<String, Map<String, String>> read = client.groupMemberAttributes().get("1003", users, List.of());
    assertThat(new ArrayList<>(read.keySet())).as("get by keys over 45 users: non-members absent").isEqualTo(members);
    assertThatThrownBy(() -> client.groupMemberAttributes().setAll("4040", request)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void setAllReportsAMemberOverItsTotalAlone() {
    sim.createGroup("1004", "alice", List.of("bob", "carol"));
    Map<String, String> big = new LinkedHashMap<>();
    for (int i = 0; i < 7; i++) {
      big.put("k" + i, "v".repeat(500));
    }
    sim.putMemberMetadata("1004", "bob", big);
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    request.put("bob", Map.of("x1", "v".repeat(500), "x2", "v".repeat(500)));
    request.put("carol", Map.of("k", "v"));

    BatchResult result = client.groupMemberAttributes().setAll("1004", request);

    assertThat(result.succeeded()).containsOnlyKeys("carol");
    assertThat(result.failed().get("bob")).isInstanceOf(QuotaExceededException.class);
  }

  // ---------------------------------------------------------------- contacts

  @Test
  void contactsAreTwoWayWithOneWayRemarks() {
    ContactGraph contacts = client.contacts();
    contacts.addContact("alice", "BOB");
    contacts.addContact("alice", "bob");
    contacts.addContact("carol", "alice");

    assertThat(contacts.allContacts("alice")).as("newest first").containsExactly(Contact.of("carol"), Contact.of("bob"));
    assertThat(contacts.allContacts("bob")).containsExactly(Contact.of("alice"));

    contacts.setRemark("alice", "bob", "老板 👔");
    assertThat(contacts.contacts("alice", PageRequest.first(10)).items()).contains(Contact.of("bob", "老板 👔"));
    assertThat(contacts.allContacts("bob")).containsExactly(Contact.of("alice"));
    contacts.setRemark("alice", "bob", null);
    assertThat(contacts.allContacts("alice")).contains(Contact.of("bob"));

    assertThatThrownBy(() -> contacts.setRemark("bob", "carol", "x")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts.addContact("alice", "ghost")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts.addContact("alice", "ALICE")).isInstanceOf(InvalidRequestException.class);

    contacts.removeContact("bob", "alice");
    contacts.removeContact("bob", "alice");
    contacts.removeContact("alice", "ghost");
    assertThat(contacts.allContacts("alice")).containsExactly(Contact.of("carol"));
    assertThat(contacts.allContacts("bob")).isEmpty();
    assertThatThrownBy(() -> contacts.removeContact("ghost", "alice")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void pagingVisits120ContactsOnceInAStableOrder() {
    List<String> friends = ids("f", 120);
    sim.createUsers(friends);
    friends.forEach(f -> client.contacts().addContact("alice", f));

    List<Page<Contact>> pages = new ArrayList<>();
    PageRequest next = PageRequest.first(50);
    while (next != null) {
      Page<Contact> page = client.contacts().contacts("alice", next);
      pages.add(page);
      next = page.nextCursor().map(c -> PageRequest.after(c, 50)).orElse(null);
    }

    assertThat(pages).extracting(p -> p.items().size()).containsExactly(50, 50, 20);
    List<String> seen = pages.stream().flatMap(p -> p.items().stream()).map(Contact::userId).collect(Collectors.toList());
    List<String> newestFirst = new ArrayList<>(friends);
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).as("newest first, as documented").isEqualTo(newestFirst);
    assertThat(client.contacts().allContacts("alice").map(Contact::userId)).isEqualTo(seen);
  }

  @Test
  void blockListBlockPageAndUnblock() {
    List<String> users = ids("b", 120);
    sim.createUsers(users);
    ContactGraph contacts = client.contacts();

    contacts.block("alice", users);
    contacts.block("alice", List.of("B0", "b1"));

    assertThat(sim.blockListOf("alice")).isEqualTo(users);
    List<String> all = contacts.allBlocked("alice").collect(Collectors.toList());
    assertThat(all).containsExactlyInAnyOrderElementsOf(users).doesNotHaveDuplicates();
    Page<String> first = contacts.blocked("alice", PageRequest.first(50));
    assertThat(first.items()).hasSize(50);
    assertThat(first.nextCursor()).isPresent();

    contacts.unblock("alice", "b7");
    contacts.unblock("alice", "b7");
    contacts.unblock("alice", "carol");
    assertThat(sim.blockListOf("alice")).hasSize(119).doesNotContain("b7");
    assertThatThrownBy(() -> contacts.unblock("ghost", "b1")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts.block("alice", List.of("alice"))).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aFullBlockListIsAQuota() {
    List<String> users = ids("q", 500);
    sim.createUsers(users);
    client.contacts().block("bob", users);

    assertThatThrownBy(() -> client.contacts().block("bob", List.of("carol"))).isInstanceOf(QuotaExceededException.class);
  }

  /**
   * Issue 9: whatever breaks one chunk of a batch write (a 500, a gateway's HTML page, a truncated
   * body, a reset connection), the members of the other chunks are reported as written, and the
   * broken chunk's members as failed with that chunk's exception.
   */
  @Test
  void setAllReportsEveryMemberWhateverHappensToOneChunk() {
    List<String> users = ids("c", 45);
    sim.createUsers(users);
    sim.createGroup("1005", "alice", users);
    Map<String, Map<String, String>> request = new LinkedHashMap<>();
    users.forEach(u -> request.put(u, Map.of("nick", "n-" + u)));
    List<List<String>> chunks = List.of(users.subList(0, 20), users.subList(20, 40), users.subList(40, 45));
    Map<String, String> config = config();
    config.put("retry.maxAttempts", "1");

    try (ImClient once = ImFacade.open(ImConfig.of(config), context)) {
      once.profiles().get("alice"); // the token is fetched before the fault is scheduled
      for (Runnable fault : List.<Runnable>of(
          () -> sim.faults().failNext(1, 500),
          () -> sim.faults().failNext(1, 502),
          () -> sim.faults().faultNext(1, Fault.MALFORMED_JSON),
          () -> sim.faults().faultNext(1, Fault.CONNECTION_RESET))) {
        fault.run();

        BatchResult result = once.groupMemberAttributes().setAll("1005", request);

        List<String> failed = new ArrayList<>(result.failed().keySet());
        assertThat(chunks).as("the failed members are one chunk").contains(failed);
        ImException cause = result.failed().get(failed.get(0));
        assertThat(cause).isInstanceOf(ProviderUnavailableException.class);
        assertThat(result.failed().values()).allSatisfy(e -> assertThat(e).isSameAs(cause));
        List<String> written = users.stream().filter(u -> !failed.contains(u)).collect(Collectors.toList());
        assertThat(new ArrayList<>(result.succeeded().keySet())).isEqualTo(written);
        written.forEach(u -> assertThat(sim.memberMetadata("1005", u)).isEqualTo(Map.of("nick", "n-" + u)));
        failed.forEach(u -> assertThat(sim.memberMetadata("1005", u)).isEmpty());
        sim.removeMembers("1005", users);
        sim.addMembers("1005", users); // a fresh start: no member has attributes
      }
    }
  }

  // ---------------------------------------------------------------- token

  /**
   * An expired token: the 401 makes the client fetch a new token once and replay the call. The
   * token is a few seconds old by then (the transport keeps a token fetched a moment ago).
   */
  @Test
  void anExpiredTokenIsRenewedOnceAndTheCallReplayed() {
    MutableClock clock = new MutableClock(Instant.now());
    try (ProviderContext own = ProviderContext.create(clock); ImClient timed = ImFacade.open(ImConfig.of(config()), own)) {
      timed.profiles().get("alice");
      long fetched = sim.tokenRequests();

      clock.advance(Duration.ofSeconds(5));
      sim.expireAllTokens();
      timed.profiles().update("alice", ProfileUpdate.builder().nickname("after expiry").build());

      assertThat(sim.tokenRequests()).isEqualTo(fetched + 1);
      assertThat(timed.profiles().get("alice").orElseThrow().nickname()).isEqualTo("after expiry");
    }
  }
}
