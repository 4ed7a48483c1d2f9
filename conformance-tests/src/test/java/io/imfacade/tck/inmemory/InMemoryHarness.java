package io.imfacade.tck.inmemory;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.tck.ProviderHarness;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs the TCK against the in-memory provider in one {@code inmemory.limits} mode. Each test gets
 * its own client, hence its own empty store; seeding goes through the client's admin.
 */
public final class InMemoryHarness implements ProviderHarness {

  private final String limits;
  private InMemoryImClient client;

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
    // Through ImFacade, so that ServiceLoader registration and configuration checks take part.
    ImClient opened = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", limits));
    client = (InMemoryImClient) opened;
    return opened;
  }

  @Override
  public void createUsers(Collection<String> userIds) {
    client().admin().createUsers(userIds);
  }

  @Override
  public void createGroup(String groupId, String owner, Collection<String> members) {
    client().admin().createGroup(groupId, owner, members);
  }

  @Override
  public boolean enforcesLimits() {
    return !"none".equals(limits);
  }

  @Override
  public OptionalInt blockListMax() {
    int max = client().limits().blockListMax();
    return max == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(max);
  }

  private InMemoryImClient client() {
    if (client == null) {
      throw new IllegalStateException("openClient() was not called");
    }
    return client;
  }
}
