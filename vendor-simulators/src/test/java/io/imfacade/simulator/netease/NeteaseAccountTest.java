package io.imfacade.simulator.netease;

import static io.imfacade.simulator.netease.NeteaseTests.APP_KEY;
import static io.imfacade.simulator.netease.NeteaseTests.APP_SECRET;
import static io.imfacade.simulator.netease.NeteaseTests.assertCode;
import static io.imfacade.simulator.netease.NeteaseTests.assertOk;
import static io.imfacade.simulator.netease.NeteaseTests.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.simulator.Http;
import io.imfacade.simulator.JsonShape;
import io.imfacade.simulator.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accounts: {@code user/create.action}, {@code user/update.action}, {@code user/refreshToken.action}
 * (netease-facts §5), and that an account registered through the API is the account every other
 * endpoint sees.
 */
class NeteaseAccountTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2024-05-01T00:00:00Z"));

  /** The observed answer of create (code-id 10421588333): {@code info} with token, accid, name. */
  static final String CREATE_SHAPE =
      "{\"code\":200,\"info\":{\"token\":\"c7f302b637099dc3039761ff3b45a21a\",\"accid\":\"helloworld2\",\"name\":\"\"}}";
  /** jsdk RefreshTokenResponseV1: {@code info} with token and accid. */
  static final String REFRESH_SHAPE = "{\"code\":200,\"info\":{\"token\":\"t\",\"accid\":\"a\"}}";

  @RegisterExtension
  static final NeteaseSimulatorExtension SIM = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK).build();

  private static JsonNode post(NeteaseSimulatorExtension sim, String action, String... fields) throws Exception {
    return call(sim, CLOCK, action, Http.fields(fields));
  }

  @Test
  void createWithATokenLowerCasesTheAccidAndTheOtherEndpointsSeeTheAccount() throws Exception {
    JsonNode created = post(SIM, "user/create.action", "accid", "HelloWorld2", "token", "my-token");

    JsonShape.assertSameShape(CREATE_SHAPE, created);
    assertThat(created.get("info").get("accid").asText()).isEqualTo("helloworld2");
    assertThat(created.get("info").get("token").asText()).isEqualTo("my-token");
    assertThat(created.get("info").get("name").asText()).isEmpty();
    assertThat(SIM.simulator().tokenOf("helloworld2")).contains("my-token");
    // The same account for the card, the existence probe and friends.
    assertThat(post(SIM, "user/getUinfos.action", "accids", "[\"helloworld2\"]").get("uinfos").get(0).get("accid").asText())
        .isEqualTo("helloworld2");
    assertThat(post(SIM, "user/userOnlineStatus.action", "accids", "[\"helloworld2\",\"ghost\"]")
        .get("data").get("invalidAccids").toString()).isEqualTo("[\"ghost\"]");
    SIM.simulator().createUsers("friend");
    assertOk(post(SIM, "friend/add.action", "accid", "helloworld2", "faccid", "friend", "type", "1"));
  }

  @Test
  void createWithoutATokenGeneratesOneOf32HexCharacters() throws Exception {
    JsonNode created = post(SIM, "user/create.action", "accid", "t1", "name", "小明");

    String token = created.get("info").get("token").asText();
    assertThat(token).matches("[0-9a-f]{32}");
    assertThat(created.get("info").get("name").asText()).isEqualTo("小明");
    assertThat(SIM.simulator().tokenOf("t1")).contains(token);
    assertThat(SIM.simulator().userCard("t1")).containsEntry("name", "小明");
    assertThat(post(SIM, "user/create.action", "accid", "t2").get("info").get("token").asText())
        .as("every generated token is new").isNotEqualTo(token).matches("[0-9a-f]{32}");
  }

  @Test
  void seededAccountsExistForCreateToo() throws Exception {
    SIM.simulator().createUsers("seeded");
    assertCode(post(SIM, "user/create.action", "accid", "SEEDED"), 414, "already register");
    assertThat(SIM.simulator().tokenOf("seeded")).get().asString().matches("[0-9a-f]{32}");
  }

  @Test
  void createRefusesBadParametersWith414() throws Exception {
    assertCode(post(SIM, "user/create.action", "token", "x"), 414, "accid is required");
    assertCode(post(SIM, "user/create.action", "accid", "a".repeat(33)), 414, "accid must be 1 to 32");
    assertCode(post(SIM, "user/create.action", "accid", "a+b"), 414, "accid must be");
    assertCode(post(SIM, "user/create.action", "accid", "a", "token", "t".repeat(129)), 414, "token is longer than 128");
    assertCode(post(SIM, "user/create.action", "accid", "a", "gender", "3"), 414, "gender");
    assertCode(post(SIM, "user/create.action", "accid", "a", "name", "n".repeat(65)), 414, "name is longer");
    assertThat(SIM.simulator().tokenOf("a")).as("nothing registered").isEmpty();

    assertOk(post(SIM, "user/create.action", "accid", "a_b@c.d-9", "token", "t".repeat(128)));
  }

  @Test
  void updateSetsTheTokenAndRefreshTokenReplacesIt() throws Exception {
    post(SIM, "user/create.action", "accid", "u", "token", "first");

    assertOk(post(SIM, "user/update.action", "accid", "u", "token", "second"));
    assertThat(SIM.simulator().tokenOf("u")).contains("second");
    assertCode(post(SIM, "user/update.action", "accid", "u", "token", "t".repeat(129)), 414, "token is longer than 128");
    assertThat(SIM.simulator().tokenOf("u")).contains("second");

    JsonNode refreshed = post(SIM, "user/refreshToken.action", "accid", "U");
    JsonShape.assertSameShape(REFRESH_SHAPE, refreshed);
    String token = refreshed.get("info").get("token").asText();
    assertThat(token).matches("[0-9a-f]{32}").isNotEqualTo("second");
    assertThat(refreshed.get("info").get("accid").asText()).isEqualTo("u");
    assertThat(SIM.simulator().tokenOf("u")).contains(token);
  }

  @Test
  void unknownAccountsOfUpdateAndRefreshTokenGetTheMixedModesAnswer() throws Exception {
    assertCode(post(SIM, "user/update.action", "accid", "ghost", "token", "x"), 404, "accid not exist: ghost");
    assertCode(post(SIM, "user/refreshToken.action", "accid", "ghost"), 404, "accid not exist: ghost");
    assertThat(SIM.simulator().tokenOf("ghost")).isEmpty();
  }

  /** The {@link DuplicateAccountAnswers} modes. */
  @Nested
  class Duplicates {

    @RegisterExtension
    final NeteaseSimulatorExtension other = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK)
        .duplicateAccountAnswers(DuplicateAccountAnswers.OTHER_DESC_414).build();
    @RegisterExtension
    final NeteaseSimulatorExtension repeated = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK)
        .duplicateAccountAnswers(DuplicateAccountAnswers.REPEATED_OPERATION_417).build();

    @Test
    void theObservedAnswerByDefault() throws Exception {
      post(SIM, "user/create.action", "accid", "dup", "token", "one");
      JsonNode again = post(SIM, "user/create.action", "accid", "Dup", "token", "two");
      assertThat(again.toString()).as("the observed body, field order aside")
          .isEqualTo("{\"code\":414,\"desc\":\"already register\"}");
      assertThat(SIM.simulator().tokenOf("dup")).as("the account is unchanged").contains("one");
    }

    @Test
    void otherServersWordItDifferently() throws Exception {
      post(other, "user/create.action", "accid", "dup");
      assertCode(post(other, "user/create.action", "accid", "dup"), 414, "accid already exists: dup");
      post(repeated, "user/create.action", "accid", "dup");
      assertCode(post(repeated, "user/create.action", "accid", "dup"), 417, "repeated operation: accid dup exists");
    }
  }

  /** Unknown accounts in the {@link AbsentAnswers#PARAMETER_414} mode. */
  @Nested
  class ParameterErrors {

    @RegisterExtension
    final NeteaseSimulatorExtension sim = NeteaseSimulatorExtension.app(APP_KEY, APP_SECRET).clock(CLOCK)
        .absentAnswers(AbsentAnswers.PARAMETER_414).build();

    @Test
    void unknownAccountsAre414NamingTheParameter() throws Exception {
      assertCode(post(sim, "user/update.action", "accid", "ghost", "token", "x"), 414, "accid not exists: ghost");
      assertCode(post(sim, "user/refreshToken.action", "accid", "ghost"), 414, "accid not exists: ghost");
    }
  }
}
