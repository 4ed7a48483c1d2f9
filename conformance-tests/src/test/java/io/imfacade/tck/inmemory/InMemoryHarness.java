package io.imfacade.tck.inmemory;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.inmemory.InMemoryAdmin;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.tck.ProviderHarness;
import java.util.Collection;
import java.util.Map;

/**
 * Runs the TCK against the in-memory provider in one {@code inmemory.limits} mode. Each test gets
 * its own client, hence its own empty store; seeding goes through the client's admin. What the
 * client enforces is its metadata's business: the harness declares nothing.
 */
public final class InMemoryHarness implements ProviderHarness {

  private final String limits;
  private InMemoryAdmin admin;

  /** A harness for {@code inmemory.limits=limits}. */
  public InMemoryHarness(String limits) {
    this.limits = limits;
  }

  @Override
  public String providerId() {
    return "inmemory";
  }

  @Override
  public ImClient openClient() {
    // Through ImFacade, so that ServiceLoader registration, configuration checks and the guard take part.
    ImClient opened = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", limits));
    admin = InMemoryImClient.of(opened).admin();
    return opened;
  }

  @Override
  public void createUsers(Collection<String> userIds) {
    admin().createUsers(userIds);
  }

  @Override
  public void createGroup(String groupId, String owner, Collection<String> members) {
    admin().createGroup(groupId, owner, members);
  }

  private InMemoryAdmin admin() {
    if (admin == null) {
      throw new IllegalStateException("openClient() was not called");
    }
    return admin;
  }
}
