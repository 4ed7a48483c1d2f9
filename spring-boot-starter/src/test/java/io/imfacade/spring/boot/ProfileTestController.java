package io.imfacade.spring.boot;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller as an application would write it: no try/catch, imfacade's exceptions left to the
 * starter's problem-details mapping. {@code /fail/{kind}} throws each remaining neutral exception.
 */
@RestController
public class ProfileTestController {

  /** Text that must never reach an HTTP client in a 5xx answer. */
  static final String INTERNAL = "a1.internal.example:443 client secret s3cr3t-value";

  private final ImClient client;

  public ProfileTestController(ImClient client) {
    this.client = client;
  }

  @GetMapping("/users/{id}/profile")
  public UserProfile profile(@PathVariable("id") String id) {
    return client.profiles().get(id).orElseThrow(() -> new NotFoundException("user " + id + " has no profile",
        ErrorDetails.builder().provider(client.provider()).operation("profiles.get").build()));
  }

  @PutMapping("/users/{id}/profile")
  public UserProfile update(@PathVariable("id") String id, @RequestBody ProfileUpdate update) {
    client.profiles().update(id, update);
    return profile(id);
  }

  @GetMapping("/fail/{kind}")
  public void fail(@PathVariable("kind") String kind) {
    ErrorDetails details = ErrorDetails.builder().provider("easemob").operation("groupMemberAttributes.setAll")
        .tenant("acme").vendorCode("vendor_code_x").httpStatus(409).build();
    throw switch (kind) {
      case "conflict" -> new ConflictException("the member's attributes changed concurrently", details);
      case "quota" -> new QuotaExceededException("the member's attributes would exceed 4096 bytes", details);
      case "unsupported" -> new UnsupportedCapabilityException("netease", Capability.PROFILE_TOTAL_SIZE, INTERNAL);
      case "auth" -> new AuthenticationException(INTERNAL, details);
      case "feature" -> new FeatureNotEnabledException(INTERNAL, details);
      case "unavailable" -> new ProviderUnavailableException(INTERNAL, details);
      case "config" -> new ConfigurationException(INTERNAL);
      default -> new ImException(INTERNAL);
    };
  }
}
