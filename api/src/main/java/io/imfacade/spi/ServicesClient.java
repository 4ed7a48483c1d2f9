package io.imfacade.spi;

import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.profile.UserProfileService;
import java.util.Objects;

/**
 * The client {@link ProviderClient#of} builds: the record's accessors are the client's services,
 * as given; {@code onClose} runs on {@link #close()}, and {@code label} is its {@code toString()}.
 */
record ServicesClient(String label, UserProfileService profiles, GroupMemberAttributes groupMemberAttributes,
    ContactGraph contacts, UserAccounts accounts, Groups groups, Runnable onClose) implements ProviderClient {

  ServicesClient {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(groupMemberAttributes, "members");
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(onClose, "onClose");
  }

  @Override
  public void close() {
    onClose.run();
  }

  @Override
  public String toString() {
    return label;
  }
}
