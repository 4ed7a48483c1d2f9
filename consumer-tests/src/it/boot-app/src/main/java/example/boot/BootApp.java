package example.boot;

import io.imfacade.ImClient;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A user's Boot app: the starter's ImClient bean behind a profile endpoint. */
@SpringBootApplication
@RestController
public class BootApp {

  private final ImClient im;

  public BootApp(ImClient im) {
    this.im = im;
  }

  public static void main(String[] args) {
    SpringApplication.run(BootApp.class, args);
  }

  @GetMapping("/users/{id}/profile")
  public ResponseEntity<UserProfile> get(@PathVariable String id) {
    return ResponseEntity.of(im.profiles().get(id));
  }

  @PutMapping("/users/{id}/profile")
  public ResponseEntity<UserProfile> put(@PathVariable String id, @RequestBody ProfileUpdate update) {
    im.profiles().update(id, update);
    return get(id);
  }
}
