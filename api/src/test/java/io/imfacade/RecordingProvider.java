package io.imfacade;

import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.ProviderContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** A provider for the api's own tests: records the configuration it was given. */
public final class RecordingProvider implements ImProvider {

  static final AtomicReference<ImConfig> LAST_CONFIG = new AtomicReference<>();

  @Override
  public String id() {
    return "recording";
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.CONTACT_REMARK);
  }

  @Override
  public Set<String> configKeys() {
    return Set.of("recording.endpoint", "recording.clientSecret");
  }

  @Override
  public ImClient create(ImConfig config, ProviderContext context) {
    config.require("recording.endpoint");
    LAST_CONFIG.set(config);
    return new ImClient() {
      @Override
      public String provider() {
        return "recording";
      }

      @Override
      public Set<Capability> capabilities() {
        return Set.of(Capability.CONTACT_REMARK);
      }

      @Override
      public UserProfileService profiles() {
        throw new UnsupportedOperationException();
      }

      @Override
      public GroupMemberAttributes groupMemberAttributes() {
        throw new UnsupportedOperationException();
      }

      @Override
      public ContactGraph contacts() {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {}
    };
  }
}
