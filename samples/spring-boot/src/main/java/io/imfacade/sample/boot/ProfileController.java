package io.imfacade.sample.boot;

import io.imfacade.ImClient;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.NotFoundException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's profile over HTTP. No try/catch: an {@code InvalidRequestException} becomes a 400, a
 * {@code NotFoundException} a 404, a vendor outage a 503, as RFC 9457 problem details.
 */
@RestController
public class ProfileController {

  private final ImClient im;

  public ProfileController(ImClient im) {
    this.im = im;
  }

  /** The profile, such as {@code {"userId":"alice","nickname":"Alice"}}; 404 when the user has none. */
  @GetMapping("/users/{id}/profile")
  public UserProfile get(@PathVariable("id") String id) {
    return im.profiles().get(id).orElseThrow(() -> new NotFoundException("user " + id + " has no profile",
        ErrorDetails.builder().provider(im.provider()).operation("profiles.get").build()));
  }

  /** Changes the fields present in the body ({@code {"nickname":"Alice"}}), and answers the whole profile. */
  @PutMapping("/users/{id}/profile")
  public UserProfile update(@PathVariable("id") String id, @RequestBody ProfileUpdate update) {
    im.profiles().update(id, update);
    return get(id);
  }
}
