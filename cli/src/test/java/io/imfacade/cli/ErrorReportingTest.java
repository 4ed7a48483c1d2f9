package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imfacade.Capability;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.error.UnsupportedCapabilityException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failures of a remote provider, played by {@link FakeProvider}. */
class ErrorReportingTest {

  @TempDir
  Path home;

  private Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(home);
  }

  @ParameterizedTest
  @CsvSource({
      "authentication, 3, authentication",
      "unavailable, 3, provider_unavailable",
      "rate_limited, 3, rate_limited",
      "conflict, 3, conflict",
      "feature_not_enabled, 3, feature_not_enabled",
      "quota, 2, quota_exceeded",
      "unsupported, 2, unsupported_capability",
      // The neutral guard turns anything but an ImException escaping a provider into an ImException.
      "crash, 3, error"
  })
  void eachKindOfFailureHasItsExitCodeAndType(String failWith, int exitCode, String type) {
    Cli.Result r = cli.run("--provider", "fake", "-D", "fake.failWith=" + failWith, "profile", "get", "alice", "--json");

    assertThat(r.exitCode).isEqualTo(exitCode);
    assertThat(r.json().get("type").asText()).isEqualTo(type);
    assertThat(r.json().get("exitCode").asInt()).isEqualTo(exitCode);
    assertThat(r.err).startsWith("imfacade: ");
    assertThat(r.err.strip()).doesNotContain("\n");
  }

  @Test
  void theVendorsDetailsAreInTheMessageAndTheJson() {
    Cli.Result r = cli.run("--provider", "fake", "-D", "fake.failWith=authentication", "contacts", "list", "alice", "--json");

    assertThat(r.err).contains("the app token was refused").contains("401").contains("unauthorized");
    JsonNode json = r.json();
    assertThat(json.get("error").asText()).isEqualTo("the app token was refused");
    assertThat(json.get("provider").asText()).isEqualTo("fake");
    assertThat(json.get("operation").asText()).isEqualTo("contacts");
    assertThat(json.get("httpStatus").asInt()).isEqualTo(401);
    assertThat(json.get("vendorCode").asText()).isEqualTo("unauthorized");
    assertThat(json.get("vendorMessage").asText()).isEqualTo("token expired");
    assertThat(json.get("requestId").asText()).isEqualTo("req-42");
    assertThat(json.get("retryable").asBoolean()).isFalse();
  }

  @Test
  void rateLimitsSayHowLongToWait() {
    JsonNode json = cli.run("--provider", "fake", "-D", "fake.failWith=rate_limited", "profile", "delete", "a", "--json").json();

    assertThat(json.get("retryAfterMs").asLong()).isEqualTo(2000);
    assertThat(json.get("retryable").asBoolean()).isTrue();
  }

  @Test
  void humanErrorsPrintNothingOnStdout() {
    Cli.Result r = cli.run("--provider", "fake", "group", "attributes", "get", "g1", "alice");

    assertThat(r.exitCode).isEqualTo(3);
    assertThat(r.out).isEmpty();
    assertThat(r.err).isEqualTo("imfacade: [fake] get: service unavailable (HTTP 503) [request id req-42]" + System.lineSeparator());
  }

  /**
   * A provider's own exception (a bug) reaches the command wrapped by the guard: its type is shown,
   * its message (which may quote anything the provider held) only with the stack trace.
   */
  @Test
  void aProvidersUnexpectedExceptionShowsItsMessageOnlyWhenVerbose() {
    Cli.Result quiet = cli.run("--provider", "fake", "-D", "fake.failWith=crash", "profile", "get", "alice");
    assertThat(quiet.exitCode).isEqualTo(3);
    assertThat(quiet.err.strip())
        .isEqualTo("imfacade: [fake] profiles.get: the provider failed unexpectedly (java.lang.IllegalStateException)");

    Cli.Result verbose = cli.run("--provider", "fake", "-D", "fake.failWith=crash", "profile", "get", "alice", "--verbose");
    assertThat(verbose.exitCode).isEqualTo(3);
    assertThat(verbose.err).contains("boom").contains("\tat ");
  }

  @Test
  void exitCodesMapEveryErrorKind() {
    assertThat(ExitCodes.of(new NotFoundException("x"))).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(ExitCodes.of(new InvalidRequestException("x"))).isEqualTo(ExitCodes.INVALID);
    assertThat(ExitCodes.of(new ConfigurationException("x"))).isEqualTo(ExitCodes.INVALID);
    assertThat(ExitCodes.of(new QuotaExceededException("x"))).isEqualTo(ExitCodes.INVALID);
    assertThat(ExitCodes.of(new UnsupportedCapabilityException("p", Capability.BLOCK_LIST, "r"))).isEqualTo(ExitCodes.INVALID);
    assertThat(ExitCodes.of(new AuthenticationException("x"))).isEqualTo(ExitCodes.FAILURE);
    assertThat(ExitCodes.of(new RateLimitedException("x"))).isEqualTo(ExitCodes.FAILURE);
    assertThat(ExitCodes.of(new ProviderUnavailableException("x"))).isEqualTo(ExitCodes.FAILURE);
    assertThat(ExitCodes.of(new ConflictException("x"))).isEqualTo(ExitCodes.FAILURE);
    assertThat(ExitCodes.of(new FeatureNotEnabledException("x"))).isEqualTo(ExitCodes.FAILURE);
    assertThat(ExitCodes.of(new ImException("x"))).isEqualTo(ExitCodes.FAILURE);
    assertThat(ExitCodes.of(new IllegalStateException("x"))).isEqualTo(ExitCodes.FAILURE);
  }

  @Test
  void aProvidersOwnExceptionSubclassGetsItsParentsType() {
    class VendorNotFound extends NotFoundException {
      private static final long serialVersionUID = 1L;

      VendorNotFound() {
        super("gone");
      }
    }
    assertThat(ExitCodes.type(new VendorNotFound())).isEqualTo("not_found");
    assertThat(ExitCodes.of(new VendorNotFound())).isEqualTo(ExitCodes.NOT_FOUND);
  }
}
