package io.imfacade.shengwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The published AccessToken2 vector of the chat app token (reference §2.3, AgoraIO/Tools {@code
 * AccessToken2Test.build_ServiceChat_appToken}), reproduced byte for byte, with its intermediate
 * values.
 */
class ChatAppTokenBuilderTest {

  static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
  static final String APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
  static final long ISSUE_TS = 1111111;
  static final long SALT = 1;
  static final long EXPIRE = 600;

  static final String EXPECTED_TOKEN = "007eJxTYNDNaz3snC8huEfHWdz6s98qltq4zqy9fl99Uh0FDvy6F6DAYGlu4OxobJqSamaQbGJiZmKalJSYap"
      + "FoZGhqYGaYZGzs/kWAIYKJgYGRAYRZgZgJzGdgAACt8hhr";

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void reproducesThePublishedChatAppToken() {
    assertThat(ChatAppTokenBuilder.buildAppToken(APP_ID, APP_CERTIFICATE, ISSUE_TS, SALT, EXPIRE))
        .isEqualTo(EXPECTED_TOKEN);
  }

  /**
   * The published chat user token (AgoraIO/Tools {@code AccessToken2Test.build_ServiceChat_userToken},
   * user "2882341273", the same app, issue time, salt and expiry), reproduced byte for byte.
   */
  @Test
  void reproducesThePublishedChatUserToken() {
    String expected = "007eJxTYNAIsnbS3v/A5t2TC6feR15r+6cq8bqAvfaW+tk/Vzz+p6xTYLA0N3B2NDZNSTUzSDYxMTMxTUpKTLVINDI0NT"
        + "AzTDI2dv8iwBDBxMDAyADCrEDMCOZzMRhZWBgZmxgamRsDAB+lHrg=";

    assertThat(ChatAppTokenBuilder.buildUserToken(APP_ID, APP_CERTIFICATE, "2882341273", ISSUE_TS, SALT, EXPIRE))
        .isEqualTo(expected);
    AccessToken2 parsed = AccessToken2.parse(expected);
    assertThat(parsed.userId).isEqualTo("2882341273");
    assertThat(parsed.privileges).containsExactly(java.util.Map.entry(1, 600L)); // CHAT_USER
  }

  @Test
  void aUserTokenFromTheClockNamesTheUserAndIsVerifiable() {
    Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    String token = ChatAppTokenBuilder.buildUserToken(APP_ID, APP_CERTIFICATE, "alice", Duration.ofMinutes(30), clock);

    AccessToken2 parsed = AccessToken2.parse(token);
    assertThat(parsed.serviceType).isEqualTo(5);
    assertThat(parsed.userId).isEqualTo("alice");
    assertThat(parsed.privileges).containsExactly(java.util.Map.entry(1, 1800L));
    assertThat(parsed.issueTs).isEqualTo(clock.instant().getEpochSecond());
    assertThat(parsed.verify(APP_CERTIFICATE)).isTrue();
    assertThatThrownBy(() -> ChatAppTokenBuilder.buildUserToken(APP_ID, APP_CERTIFICATE, "", Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChatAppTokenBuilder.buildUserToken(APP_ID, APP_CERTIFICATE, "a", Duration.ofHours(25), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signingInfoMatchesTheReference() {
    assertThat(HEX.formatHex(ChatAppTokenBuilder.signingInfo(APP_ID, ISSUE_TS, SALT, EXPIRE))).isEqualTo(
        "2000393730434133356465363063343436343562626165386132313530363162333347f4100058020000010000000100050001"
            + "000200580200000000");
  }

  @Test
  void signingKeyChainMatchesTheReference() {
    byte[] inner = ChatAppTokenBuilder.hmac(new ChatAppTokenBuilder.Packer().u32(ISSUE_TS).toByteArray(),
        APP_CERTIFICATE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(HEX.formatHex(inner)).isEqualTo("e0f6141e54329d72102500478ec18e0020a5eeef53bbcccc442c6c2f7f178251");
    assertThat(HEX.formatHex(ChatAppTokenBuilder.signingKey(APP_CERTIFICATE, ISSUE_TS, SALT)))
        .isEqualTo("cee2fa8dcbe868c30ca8c959d97fad4a5049c634da48449f1b8f59c14fa61073");
  }

  @Test
  void signatureAndCompressedPayloadMatchTheReference() {
    byte[] info = ChatAppTokenBuilder.signingInfo(APP_ID, ISSUE_TS, SALT, EXPIRE);
    byte[] signature = ChatAppTokenBuilder.hmac(ChatAppTokenBuilder.signingKey(APP_CERTIFICATE, ISSUE_TS, SALT), info);
    assertThat(HEX.formatHex(signature)).isEqualTo("2d6e85c3436f1811bc2c43173bf34eaa047d5e896abd4ef54c654110c0fade50");

    byte[] payload = AccessToken2.decode(EXPECTED_TOKEN);
    assertThat(payload).hasSize(94);
    assertThat(HEX.formatHex(payload)).isEqualTo("2000" + HEX.formatHex(signature) + HEX.formatHex(info));
    assertThat(HEX.formatHex(ChatAppTokenBuilder.deflate(payload))).startsWith("789c");
  }

  @Test
  void tokenFromTheClockIsVerifiableAndExpiresAsAsked() {
    Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    String token = ChatAppTokenBuilder.buildAppToken(APP_ID, APP_CERTIFICATE, Duration.ofHours(1), clock);

    AccessToken2 parsed = AccessToken2.parse(token);
    assertThat(parsed.appId).isEqualTo(APP_ID);
    assertThat(parsed.issueTs).isEqualTo(clock.instant().getEpochSecond());
    assertThat(parsed.expire).isEqualTo(3600);
    assertThat(parsed.salt).isBetween(1L, 99_999_999L);
    assertThat(parsed.privileges).containsExactly(java.util.Map.entry(2, 3600L));
    assertThat(parsed.verify(APP_CERTIFICATE)).isTrue();
    assertThat(parsed.verify("0".repeat(32))).isFalse();
  }

  @Test
  void twoTokensDifferBySalt() {
    Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    String a = ChatAppTokenBuilder.buildAppToken(APP_ID, APP_CERTIFICATE, Duration.ofMinutes(10), clock);
    String b = ChatAppTokenBuilder.buildAppToken(APP_ID, APP_CERTIFICATE, Duration.ofMinutes(10), clock);

    assertThat(AccessToken2.parse(a).salt).isNotEqualTo(AccessToken2.parse(b).salt);
  }

  @Test
  void refusesMalformedInputWithoutShowingTheCertificate() {
    assertThatThrownBy(() -> ChatAppTokenBuilder.buildAppToken("short", APP_CERTIFICATE, ISSUE_TS, SALT, EXPIRE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("App ID");
    String badCertificate = "not-a-certificate-but-a-secret-x";
    assertThatThrownBy(() -> ChatAppTokenBuilder.buildAppToken(APP_ID, badCertificate, ISSUE_TS, SALT, EXPIRE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("App Certificate")
        .hasMessageNotContaining(badCertificate);
    Clock clock = Clock.systemUTC();
    assertThatThrownBy(() -> ChatAppTokenBuilder.buildAppToken(APP_ID, APP_CERTIFICATE, Duration.ofHours(25), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChatAppTokenBuilder.buildAppToken(APP_ID, APP_CERTIFICATE, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
