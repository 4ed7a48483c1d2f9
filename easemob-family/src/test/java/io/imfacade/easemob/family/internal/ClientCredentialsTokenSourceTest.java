package io.imfacade.easemob.family.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.http.HttpClients;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The app token's expiry as the answer states it, and the secrets kept out of strings. */
class ClientCredentialsTokenSourceTest {

  private static final Instant AT = Instant.parse("2024-01-01T00:00:00Z");
  private static final String SECRET = "s3cr3t-CLIENT-secret-value";
  private static final String TOKEN = "YWMt-token-value";

  private static Wire.TokenResponse answer(Long expiresIn, Long expireTimestamp) {
    return new Wire.TokenResponse(TOKEN, expiresIn, expireTimestamp);
  }

  @Test
  void expiresInSecondsCountsFromTheRequest() {
    assertThat(ClientCredentialsTokenSource.expiry(answer(3600L, null), AT)).isEqualTo(AT.plusSeconds(3600));
  }

  @Test
  void zeroMeansNever() {
    assertThat(ClientCredentialsTokenSource.expiry(answer(0L, null), AT)).isEqualTo(Instant.MAX);
  }

  @Test
  void anAbsoluteExpiryWins() {
    assertThat(ClientCredentialsTokenSource.expiry(answer(3600L, AT.plusSeconds(60).toEpochMilli()), AT))
        .isEqualTo(AT.plusSeconds(60));
  }

  @Test
  void noLifetimeIsShort() {
    assertThat(ClientCredentialsTokenSource.expiry(answer(null, null), AT))
        .isEqualTo(AT.plus(ClientCredentialsTokenSource.UNKNOWN_LIFETIME));
  }

  @Test
  void aHugeLifetimeIsNeverAndDoesNotOverflow() {
    assertThat(ClientCredentialsTokenSource.expiry(answer(Long.MAX_VALUE, null), AT)).isEqualTo(Instant.MAX);
  }

  @Test
  void theRequestIsTheDocumentedBodyAndItsStringHidesTheSecret() throws Exception {
    Wire.TokenRequest request = new Wire.TokenRequest("YXA6client", SECRET);
    JsonNode json = HttpClients.json().valueToTree(request);

    assertThat(json.get("grant_type").asText()).isEqualTo("client_credentials");
    assertThat(json.get("client_id").asText()).isEqualTo("YXA6client");
    assertThat(json.get("client_secret").asText()).isEqualTo(SECRET);
    assertThat(json.size()).isEqualTo(3);
    assertThat(request.toString()).doesNotContain(SECRET);
  }

  @Test
  void theAnswerIsReadAndItsStringHidesTheToken() throws Exception {
    Wire.TokenResponse read = HttpClients.json().readValue(
        "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":1024000,\"application\":\"8be024f0\"}", Wire.TokenResponse.class);

    assertThat(read).isEqualTo(answer(1024000L, null));
    assertThat(read.toString()).doesNotContain(TOKEN);
  }
}
