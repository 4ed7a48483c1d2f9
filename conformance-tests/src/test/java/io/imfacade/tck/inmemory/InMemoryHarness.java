package io.imfacade.tck.inmemory;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.account.Registration;
import io.imfacade.error.ImException;
import io.imfacade.group.NewGroup;
import io.imfacade.tck.ProviderHarness;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs the TCK against the in-memory provider in one {@code inmemory.limits} mode. Each test gets
 * its own client, hence its own empty store; seeding goes through the client's own neutral
 * services ({@code accounts().registerAll}, {@code groups().create}), as an application's test
 * seeds the fake. What the client enforces is its metadata's business: the harness declares
 * nothing.
 */
public final class InMemoryHarness implements ProviderHarness {

  private final String limits;
  private ImClient client;

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
    client = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", limits));
    return client;
  }

  /** Registers the users; the TCK only asks for new ones, so any failure is the harness's. */
  @Override
  public void createUsers(Collection<String> userIds) {
    List<Registration> registrations = new ArrayList<>(userIds.size());
    userIds.forEach(id -> registrations.add(Registration.of(id)));
    Map<String, ImException> failed = client().accounts().registerAll(registrations).failed();
    if (!failed.isEmpty()) {
      throw new IllegalStateException("could not register " + failed.keySet(), failed.values().iterator().next());
    }
  }

  @Override
  public String createGroup(String owner, Collection<String> members) {
    return client().groups().create(NewGroup.of(owner, "tck", List.copyOf(members))).groupId();
  }

  private ImClient client() {
    if (client == null) {
      throw new IllegalStateException("openClient() was not called");
    }
    return client;
  }
}
