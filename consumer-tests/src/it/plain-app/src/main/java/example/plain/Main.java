package example.plain;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.profile.ProfileUpdate;
import java.util.Map;

/** A user's code on the neutral API: compiles against the artifacts as published. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    try (ImClient im = ImFacade.open(Map.of("provider", "inmemory", "inmemory.users", "auto"))) {
      im.profiles().update("alice", ProfileUpdate.builder().nickname("Alice").build());
      System.out.println(im.profiles().get("alice").orElseThrow());
    }
  }
}
