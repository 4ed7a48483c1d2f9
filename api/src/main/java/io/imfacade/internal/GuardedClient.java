package io.imfacade.internal;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.ContactGraph;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderMetadata;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The neutral guard around a provider's client: what users hold. It checks every argument against
 * the limits the provider declares, normalises and de-duplicates ids, enforces the neutral
 * preconditions and the declared capabilities, refuses calls after {@link #close()}, and turns
 * anything but an {@link ImException} escaping a provider into one. The provider then sees clean
 * input only, so the same mistake raises the same exception on every provider.
 */
public final class GuardedClient implements ImClient {

  private static final Logger LOG = LoggerFactory.getLogger(ImClient.class);

  private final ProviderMetadata metadata;
  private final ProviderClient raw;
  private final Inputs inputs;
  private final UserProfileService profiles;
  private final GroupMemberAttributes members;
  private final ContactGraph contacts;
  private volatile boolean closed;

  /** Guards {@code raw} with what {@code metadata} declares for this client. */
  public GuardedClient(ProviderMetadata metadata, ProviderClient raw) {
    this.metadata = metadata;
    this.raw = raw;
    this.inputs = new Inputs(metadata.id(), metadata.limits());
    this.profiles = new GuardedProfiles(this, raw.profiles());
    this.members = new GuardedMemberAttributes(this, raw.groupMemberAttributes());
    this.contacts = new GuardedContacts(this, raw.contacts());
  }

  Inputs inputs() {
    return inputs;
  }

  /** Refuses a call on a closed client. */
  void begin() {
    if (closed) {
      throw new IllegalStateException("the " + metadata.id() + " client is closed");
    }
  }

  /** Refuses a call of a capability this client lacks, with the provider's reason. */
  void require(Capability capability) {
    begin();
    String reason = metadata.unsupported().get(capability);
    if (reason != null) {
      throw new UnsupportedCapabilityException(metadata.id(), capability, reason);
    }
  }

  /** Runs a provider call; anything but an {@link ImException} becomes one, without its message. */
  <T> T call(String op, Supplier<T> call) {
    try {
      return call.get();
    } catch (ImException e) {
      throw e;
    } catch (RuntimeException e) {
      // Its message may quote anything the provider held, a secret included: only the type is shown.
      throw new ImException("the provider failed unexpectedly (" + e.getClass().getName() + ")",
          inputs.details(op), e);
    }
  }

  void run(String op, Runnable call) {
    call(op, () -> {
      call.run();
      return null;
    });
  }

  @Override
  public String provider() {
    return metadata.id();
  }

  @Override
  public Set<Capability> capabilities() {
    return metadata.capabilities();
  }

  @Override
  public UserProfileService profiles() {
    return profiles;
  }

  @Override
  public GroupMemberAttributes groupMemberAttributes() {
    return members;
  }

  @Override
  public ContactGraph contacts() {
    return contacts;
  }

  @Override
  public ProviderMetadata metadata() {
    return metadata;
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(raw)) {
      return type.cast(raw);
    }
    throw new InvalidRequestException("type", "this " + metadata.id() + " client is not a " + type.getName(),
        inputs.details("unwrap"), null);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      raw.close();
    } catch (ImException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("closing the {} client failed", metadata.id(), e);
    }
  }

  @Override
  public String toString() {
    return "ImClient{provider=" + metadata.id() + (closed ? ", closed" : "") + ", " + raw + '}';
  }
}
