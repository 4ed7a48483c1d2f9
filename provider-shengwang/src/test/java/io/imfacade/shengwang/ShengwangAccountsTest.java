package io.imfacade.shengwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.error.ConflictException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.easemob.Undocumented;
import io.imfacade.spi.ProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shengwang's accounts and groups against the simulator under {@code /app-id/{appId}}: registration
 * without a password (the documented body) under both plausible answers, chat user tokens built
 * locally (AccessToken2, privilege CHAT_USER, read with a reader written from the layout), and the
 * capability that depends on the configuration.
 */
class ShengwangAccountsTest {

  static final String APP_ID = ShengwangSimulatorEndToEndTest.APP_ID;
  static final String CERTIFICATE = ShengwangSimulatorEndToEndTest.CERTIFICATE;

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.shengwang(APP_ID)
      .acceptToken(token -> token.equals("007-fixed")
          || AccessToken2.isValidChatAppToken(token, APP_ID, CERTIFICATE, Instant.now().getEpochSecond()))
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

  private static ImClient open(String key, String value) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("provider", "shengwang");
    config.put("shengwang.baseUrl", SIM.baseUrl());
    config.put("shengwang.appId", APP_ID);
    config.put(key, value);
    config.put(ImConfig.RATE_LIMIT_REQUESTS_PER_SECOND, "5000");
    return ImFacade.open(ImConfig.of(config), context);
  }

  @BeforeEach
  void open() {
    sim = SIM.simulator();
    client = open("shengwang.appCertificate", CERTIFICATE);
    sim.createUsers("alice", "bob");
  }

  @AfterEach
  void close() {
    client.close();
  }

  /** The documented body has no password: sent so, and nothing to return. */
  @Test
  void aUserIsRegisteredWithoutPasswordAsDocumented() {
    Account account = client.accounts().register(Registration.of("Carol"));

    assertThat(account.userId()).isEqualTo("carol");
    assertThat(account.credential()).as("no password was chosen").isNull();
    assertThat(sim.hasUser("carol")).isTrue();
    assertThat(sim.passwordOf("carol")).isEmpty();
  }

  /** A server that still asks for a password (its error table) gets a generated one, which is returned. */
  @Test
  void aServerThatAsksForAPasswordGetsAGeneratedOne() {
    sim.answer(Undocumented.RegisterWithoutPassword.REFUSED_400);

    BatchOutcome<Account> outcome = client.accounts().registerAll(List.of(
        Registration.of("carol"), Registration.of("dave", "given-pw-1"), Registration.of("alice")));

    assertThat(outcome.failed().keySet()).containsExactly("alice");
    assertThat(outcome.failed().get("alice")).isInstanceOf(ConflictException.class);
    Credential generated = outcome.succeeded().get("carol").credential();
    assertThat(generated.kind()).isEqualTo(Credential.Kind.PASSWORD);
    assertThat(sim.passwordOf("carol")).hasValue(generated.secret());
    assertThat(outcome.succeeded().get("dave").credential()).isNull();
    assertThat(sim.passwordOf("dave")).hasValue("given-pw-1");
  }

  @ParameterizedTest
  @EnumSource(Undocumented.RegisterExistingUser.class)
  void anExistingUserIsAConflict(Undocumented.RegisterExistingUser answer) {
    sim.answer(answer);

    assertThatThrownBy(() -> client.accounts().register(Registration.of("bob"))).isInstanceOf(ConflictException.class);
  }

  /** facts §13: a chat user token of the user, privilege CHAT_USER (1), signed with the certificate. */
  @Test
  void aUserTokenIsAChatUserTokenOfThatUser() {
    Instant before = Instant.now();

    Credential token = client.accounts().issueToken("Alice", Duration.ofMinutes(30));

    AccessToken2 parsed = AccessToken2.parse(token.secret());
    assertThat(parsed.appId).isEqualTo(APP_ID);
    assertThat(parsed.serviceType).isEqualTo(5);
    assertThat(parsed.userId).isEqualTo("alice");
    assertThat(parsed.privileges).containsExactly(Map.entry(1, 1800L));
    assertThat(parsed.verify(CERTIFICATE)).isTrue();
    assertThat(token.kind()).isEqualTo(Credential.Kind.TOKEN);
    assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(parsed.issueTs).plusSeconds(1800))
        .isAfter(before);
    assertThat(token.toString()).doesNotContain(token.secret());
    assertThat(AccessToken2.isValidChatAppToken(token.secret(), APP_ID, CERTIFICATE, parsed.issueTs))
        .as("a user token is no app token").isFalse();
  }

  /** The vendor caps a token at 24 hours (facts §13): a longer validity is shortened, and said so. */
  @Test
  void aLongerValidityIsShortenedTo24Hours() {
    Credential token = client.accounts().issueToken("alice", Duration.ofDays(7));

    AccessToken2 parsed = AccessToken2.parse(token.secret());
    assertThat(parsed.privileges).containsExactly(Map.entry(1, 86_400L));
    assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(parsed.issueTs).plus(Duration.ofHours(24)));
  }

  @Test
  void anUnknownUserGetsNoToken() {
    assertThatThrownBy(() -> client.accounts().issueToken("ghost", Duration.ofMinutes(30)))
        .isInstanceOf(NotFoundException.class);
  }

  /** With a fixed app token only, tokens cannot be built: the capability is declared missing, with the reason. */
  @Test
  void withAFixedAppTokenUserTokensAreUnsupported() {
    try (ImClient fixed = open("shengwang.appToken", "007-fixed")) {
      assertThat(fixed.capabilities()).doesNotContain(Capability.ACCOUNT_TOKEN).contains(Capability.ACCOUNT_DELETE);
      assertThatThrownBy(() -> fixed.accounts().issueToken("alice", Duration.ofMinutes(1)))
          .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
              e -> assertThat(e.getMessage()).contains("shengwang.appCertificate"));
      // The rest works with the fixed token.
      assertThat(fixed.accounts().exists("alice")).isTrue();
    }
    assertThat(client.capabilities()).contains(Capability.ACCOUNT_TOKEN);
  }

  /** Groups are the Easemob platform's, under {@code /app-id/}: created, filled, emptied, deleted. */
  @Test
  void aGroupLivesItsLife() {
    String group = client.groups().create(NewGroup.of("alice", "team", List.of("bob"))).groupId();
    client.accounts().register(Registration.of("carol"));

    assertThat(client.groups().addMembers(group, List.of("carol", "bob")).succeeded())
        .isEqualTo(Map.of("carol", MemberChange.ADDED, "bob", MemberChange.ALREADY_MEMBER));
    assertThat(client.groups().removeMembers(group, List.of("bob")).succeeded())
        .isEqualTo(Map.of("bob", MemberChange.REMOVED));
    assertThat(client.groups().allMembers(group)).containsExactly("alice", "carol");
    client.groups().delete(group);
    assertThat(client.groups().get(group)).isEmpty();
  }
}
