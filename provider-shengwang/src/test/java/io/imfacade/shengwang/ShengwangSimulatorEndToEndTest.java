package io.imfacade.shengwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.contact.Contact;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.group.BatchResult;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Every service of the Shengwang provider against the Easemob-family simulator under {@code
 * /app-id/{appId}}, which accepts only chat app tokens signed with the app's certificate (checked
 * with an AccessToken2 reader written from the layout, not with the builder).
 */
class ShengwangSimulatorEndToEndTest {

  static final String APP_ID = "0123456789abcdef0123456789ABCDEF";
  static final String CERTIFICATE = "fedcba9876543210fedcba9876543210";

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.shengwang(APP_ID)
      .acceptToken(token -> AccessToken2.isValidChatAppToken(token, APP_ID, CERTIFICATE, Instant.now().getEpochSecond()))
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

  private static Map<String, String> config(String certificate) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("provider", "shengwang");
    config.put("shengwang.baseUrl", SIM.baseUrl());
    config.put("shengwang.appId", APP_ID);
    config.put("shengwang.appCertificate", certificate);
    return config;
  }

  @BeforeEach
  void open() {
    sim = SIM.simulator();
    client = ImFacade.open(ImConfig.of(config(CERTIFICATE)), context);
    sim.createUsers("alice", "bob", "carol");
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void profiles() {
    ProfileUpdate update = ProfileUpdate.builder().nickname("声网 Alice").gender(Gender.MALE).ext("{}")
        .customAttribute("level", "3").build();
    client.profiles().update("Alice", update);

    assertThat(client.profiles().get("alice")).contains(update.applyTo(UserProfile.builder("alice").build()));
    List<String> many = IntStream.range(0, 130).mapToObj(i -> "p" + i).collect(Collectors.toList());
    sim.createUsers(many);
    many.forEach(u -> client.profiles().update(u, ProfileUpdate.builder().sign(u).build()));
    Map<String, UserProfile> all = client.profiles().getAll(many);
    assertThat(new ArrayList<>(all.keySet())).isEqualTo(many);
    assertThat(client.profiles().totalSizeBytes()).isPositive();
    client.profiles().delete("alice");
    assertThat(client.profiles().get("alice")).isEmpty();
    assertThat(sim.tokenRequests()).as("no token endpoint: the token is built locally").isZero();
  }

  @Test
  void groupMemberAttributes() {
    sim.createGroup("2001", "alice", List.of("bob"));

    assertThat(client.groupMemberAttributes().set("2001", "bob", Map.of("nick", "B"))).isEqualTo(Map.of("nick", "B"));
    BatchResult result = client.groupMemberAttributes().setAll("2001",
        Map.of("alice", Map.of("nick", "A"), "carol", Map.of("nick", "C")));
    assertThat(result.succeeded()).containsOnlyKeys("alice");
    assertThat(result.failed()).containsOnlyKeys("carol");
    assertThat(client.groupMemberAttributes().get("2001", "alice")).isEqualTo(Map.of("nick", "A"));
    assertThat(client.groupMemberAttributes().get("2001", List.of("alice", "bob", "carol"), List.of("nick")))
        .containsExactly(Map.entry("alice", Map.of("nick", "A")), Map.entry("bob", Map.of("nick", "B")));
    assertThatThrownBy(() -> client.groupMemberAttributes().get("2002", "alice")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void contactsAndBlockList() {
    client.contacts().addContact("alice", "bob");
    client.contacts().setRemark("alice", "bob", "朋友");
    assertThat(client.contacts().allContacts("alice")).containsExactly(Contact.of("bob", "朋友"));
    assertThat(client.contacts().allContacts("bob")).containsExactly(Contact.of("alice"));
    client.contacts().removeContact("alice", "bob");
    client.contacts().removeContact("alice", "bob");
    assertThat(client.contacts().allContacts("alice")).isEmpty();

    client.contacts().block("alice", List.of("bob", "CAROL"));
    assertThat(client.contacts().blocked("alice", PageRequest.first(10)).items()).containsExactlyInAnyOrder("bob", "carol");
    client.contacts().unblock("alice", "bob");
    client.contacts().unblock("alice", "bob");
    assertThat(client.contacts().allBlocked("alice")).containsExactly("carol");
  }

  /**
   * Shengwang's friend cap on the enterprise plan, 10000 (sw-doc billing_strategy.md), is the
   * simulator's default and the provider's declared limit; one more is the documented 403
   * {@code exceed_limit} "user contact number exceed limit", a {@link QuotaExceededException}. A
   * remark for a non-contact is the documented 400, a {@link NotFoundException}.
   */
  @Test
  void theEnterpriseFriendCapAndTheDocumentedErrors() {
    List<String> friends = IntStream.range(0, 10_000).mapToObj(i -> "x" + i).collect(Collectors.toList());
    sim.createUsers(friends);
    friends.forEach(f -> sim.addContact("alice", f));
    assertThat(client.metadata().limits().contactsMax()).isEqualTo(10_000);

    assertThatThrownBy(() -> client.contacts().addContact("alice", "bob")).isInstanceOfSatisfying(
        QuotaExceededException.class, e -> {
          assertThat(e.httpStatus()).hasValue(403);
          assertThat(e.vendorCode()).contains("exceed_limit");
          assertThat(e.vendorMessage()).contains("user contact number exceed limit");
        });
    assertThatThrownBy(() -> client.contacts().setRemark("bob", "carol", "x")).isInstanceOfSatisfying(
        NotFoundException.class, e -> {
          assertThat(e.httpStatus()).hasValue(400);
          assertThat(e.vendorCode()).contains("illegal_argument");
          assertThat(e.vendorMessage()).contains("updateRemark they are not friends, please add as a friend first.");
        });
  }

  /** A token refused a few seconds after it was built is rebuilt once and the call replayed. */
  @Test
  void aRefusedTokenIsRebuiltAndTheCallReplayed() {
    MutableClock clock = new MutableClock(Instant.now());
    try (ProviderContext own = ProviderContext.create(clock);
        ImClient timed = ImFacade.open(ImConfig.of(config(CERTIFICATE)), own)) {
      timed.profiles().get("alice");

      clock.advance(Duration.ofSeconds(5));
      sim.expireAllTokens(); // the token in use is refused from now on
      timed.profiles().update("alice", ProfileUpdate.builder().nickname("after").build());

      assertThat(timed.profiles().get("alice").orElseThrow().nickname()).isEqualTo("after");
    }
  }

  @Test
  void aTokenSignedWithAnotherCertificateIsRefused() {
    try (ImClient wrong = ImFacade.open(ImConfig.of(config("00000000000000000000000000000000")), context)) {
      assertThatThrownBy(() -> wrong.profiles().get("alice"))
          .isInstanceOf(io.imfacade.error.AuthenticationException.class)
          .hasMessageNotContaining("00000000000000000000000000000000");
    }
  }
}
