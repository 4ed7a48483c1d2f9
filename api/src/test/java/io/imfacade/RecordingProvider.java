package io.imfacade;

import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.group.BatchResult;
import io.imfacade.group.Group;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.ImProvider;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderClient;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A provider for the api's own tests. Its client records every call the guard lets through (with
 * the arguments as the provider receives them) and answers what the test scripts.
 */
public final class RecordingProvider implements ImProvider {

  static final AtomicReference<ImConfig> LAST_CONFIG = new AtomicReference<>();
  static final AtomicReference<Services> LAST_CLIENT = new AtomicReference<>();

  static final VendorLimits LIMITS = VendorLimits.builder("recording")
      .userId(IdRule.ascii(32, "A-Za-z0-9_.-"))
      .groupId(IdRule.ascii(20, "0-9"))
      .profileField(ProfileField.NICKNAME, 8, LengthUnit.CODE_POINTS)
      .profileField(ProfileField.AVATAR_URL, 16, LengthUnit.BYTES)
      .profileTotalBytes(100)
      .profileKey(ProfileField.EMAIL, "mail")
      .memberAttribute(io.imfacade.spi.LengthLimit.of(4, LengthUnit.BYTES), io.imfacade.spi.LengthLimit.of(10, LengthUnit.BYTES))
      .memberTotalBytes(40)
      .remark(5, LengthUnit.UTF16_UNITS)
      .contactsMax(10)
      .blockListMax(3)
      .pageSizeMax(4)
      .accountBatch(2)
      .password(io.imfacade.spi.LengthLimit.of(8, LengthUnit.UTF16_UNITS))
      .group(io.imfacade.spi.LengthLimit.of(6, LengthUnit.CODE_POINTS), io.imfacade.spi.LengthLimit.of(10, LengthUnit.BYTES))
      .groupMembers(2, 3)
      .build();

  static final ProviderMetadata METADATA = ProviderMetadata.builder("recording")
      .name("Recording test provider")
      .configKey(ConfigKey.required("recording.endpoint", "where to record"))
      .configKey(ConfigKey.optional("recording.clientSecret", "a secret"))
      .unsupported(Capability.PROFILE_TOTAL_SIZE, "recording keeps no sizes")
      .unsupported(Capability.ACCOUNT_DELETE, "recording never forgets a user")
      .limits(LIMITS)
      .build();

  @Override
  public ProviderMetadata metadata() {
    return METADATA;
  }

  @Override
  public ProviderClient create(ImConfig config, ProviderContext context) {
    LAST_CONFIG.set(config);
    Services services = new Services();
    LAST_CLIENT.set(services);
    return services;
  }

  /** What the provider received, and what it answers. */
  static final class Services implements ProviderClient, UserProfileService, GroupMemberAttributes, ContactGraph {
    final List<String> calls = new ArrayList<>();
    final List<Object> arguments = new ArrayList<>();
    final Map<String, UserProfile> profiles = new LinkedHashMap<>();
    Function<Map<String, Map<String, String>>, BatchResult> setAllAnswer =
        requests -> new BatchResult(requests, Map.of());
    Function<PageRequest, Page<Contact>> contactPages = page -> Page.of(List.of(), null);
    RuntimeException failure;
    Runnable onCall = () -> { };
    boolean closed;

    private void record(String call, Object... args) {
      calls.add(call);
      arguments.addAll(List.of(args));
      onCall.run();
      if (failure != null) {
        throw failure;
      }
    }

    @Override
    public UserProfileService profiles() {
      return this;
    }

    @Override
    public GroupMemberAttributes groupMemberAttributes() {
      return this;
    }

    @Override
    public ContactGraph contacts() {
      return this;
    }

    @Override
    public void close() {
      calls.add("close");
      closed = true;
    }

    @Override
    public UserAccounts accounts() {
      return new UserAccounts() {
        @Override
        public Account register(Registration registration) {
          record("accounts.register", registration.userId());
          return Account.of(registration.userId(), null);
        }

        @Override
        public BatchOutcome<Account> registerAll(Collection<Registration> registrations) {
          List<String> ids = new ArrayList<>();
          registrations.forEach(r -> ids.add(r.userId()));
          record("accounts.registerAll", ids);
          Map<String, Account> ok = new LinkedHashMap<>();
          // Reports every user but the last: the guard must not drop it.
          ids.subList(0, ids.size() - 1).forEach(id -> ok.put(id, Account.of(id, null)));
          return new BatchOutcome<>(ok, Map.of());
        }

        @Override
        public Optional<Account> get(String userId) {
          record("accounts.get", userId);
          return Optional.empty();
        }

        @Override
        public void delete(String userId) {
          record("accounts.delete", userId);
        }

        @Override
        public void setPassword(String userId, String password) {
          record("accounts.setPassword", userId);
        }

        @Override
        public Credential issueToken(String userId, Duration validity) {
          record("accounts.issueToken", userId, validity);
          return new Credential(Credential.Kind.TOKEN, "t0k3n-" + userId, null);
        }
      };
    }

    @Override
    public Groups groups() {
      return new Groups() {
        @Override
        public Group create(NewGroup group) {
          record("groups.create", group);
          return new Group("1", group.name(), group.owner(), group.description(), group.members().size() + 1, 0);
        }

        @Override
        public Optional<Group> get(String groupId) {
          record("groups.get", groupId);
          return Optional.empty();
        }

        @Override
        public BatchOutcome<MemberChange> addMembers(String groupId, Collection<String> userIds) {
          record("groups.addMembers", groupId, List.copyOf(userIds));
          Map<String, MemberChange> ok = new LinkedHashMap<>();
          userIds.forEach(id -> ok.put(id, MemberChange.ADDED));
          return new BatchOutcome<>(ok, Map.of());
        }

        @Override
        public BatchOutcome<MemberChange> removeMembers(String groupId, Collection<String> userIds) {
          record("groups.removeMembers", groupId, List.copyOf(userIds));
          return new BatchOutcome<>(Map.of(), Map.of());
        }

        @Override
        public Page<String> members(String groupId, PageRequest page) {
          record("groups.members", groupId, page);
          return Page.of(List.of(), null);
        }

        @Override
        public void delete(String groupId) {
          record("groups.delete", groupId);
        }
      };
    }

    @Override
    public Optional<UserProfile> get(String userId) {
      record("profiles.get", userId);
      return Optional.ofNullable(profiles.get(userId));
    }

    @Override
    public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> keys) {
      record("profiles.getAll", List.copyOf(userIds));
      Map<String, UserProfile> found = new LinkedHashMap<>();
      userIds.forEach(id -> {
        if (profiles.containsKey(id)) {
          found.put(id, profiles.get(id));
        }
      });
      return found;
    }

    @Override
    public void update(String userId, ProfileUpdate update) {
      record("profiles.update", userId, update);
    }

    @Override
    public void delete(String userId) {
      record("profiles.delete", userId);
    }

    @Override
    public long totalSizeBytes() {
      record("profiles.totalSizeBytes");
      return 0;
    }

    @Override
    public Map<String, String> get(String groupId, String userId) {
      record("members.get", groupId, userId);
      return Map.of();
    }

    @Override
    public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
      record("members.getMany", groupId, List.copyOf(userIds), List.copyOf(keys));
      Map<String, Map<String, String>> result = new LinkedHashMap<>();
      userIds.forEach(id -> result.put(id, Map.of("k", id)));
      return result;
    }

    @Override
    public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
      record("members.set", groupId, userId, attributes);
      return attributes;
    }

    @Override
    public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
      record("members.setAll", groupId, attributesByUser);
      return setAllAnswer.apply(attributesByUser);
    }

    @Override
    public void addContact(String owner, String friend) {
      record("contacts.add", owner, friend);
    }

    @Override
    public void removeContact(String owner, String friend) {
      record("contacts.remove", owner, friend);
    }

    @Override
    public void setRemark(String owner, String friend, String remark) {
      record("contacts.setRemark", owner, friend, remark);
    }

    @Override
    public Page<Contact> contacts(String owner, PageRequest page) {
      record("contacts.contacts", owner, page);
      return contactPages.apply(page);
    }

    @Override
    public void block(String owner, Collection<String> users) {
      record("contacts.block", owner, List.copyOf(users));
    }

    @Override
    public void unblock(String owner, String user) {
      record("contacts.unblock", owner, user);
    }

    @Override
    public Page<String> blocked(String owner, PageRequest page) {
      record("contacts.blocked", owner, page);
      return Page.of(List.of(), null);
    }

    @Override
    public String toString() {
      return "Services{recording}";
    }
  }
}
