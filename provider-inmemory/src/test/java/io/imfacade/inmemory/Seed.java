package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImClient;
import io.imfacade.account.Registration;
import io.imfacade.group.NewGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Users and groups made through the neutral services, as an application's test makes them. */
final class Seed {

  private Seed() {}

  /** Registers users that do not exist yet. */
  static void users(ImClient im, String... userIds) {
    users(im, Arrays.asList(userIds));
  }

  /** Registers users that do not exist yet. */
  static void users(ImClient im, Collection<String> userIds) {
    List<Registration> registrations = new ArrayList<>();
    userIds.forEach(id -> registrations.add(Registration.of(id)));
    assertThat(im.accounts().registerAll(registrations).failed()).as("users that could not be registered").isEmpty();
  }

  /** Creates a group of {@code owner} with these other members; returns the id the fake issued. */
  static String group(ImClient im, String owner, String... members) {
    return im.groups().create(NewGroup.of(owner, "team", List.of(members))).groupId();
  }
}
