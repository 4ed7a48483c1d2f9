package io.imfacade.tck.meta;

import io.imfacade.BatchOutcome;
import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.account.Account;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ConflictException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.Group;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A provider with one deliberate bug, on top of a working in-memory client: the proof that the
 * contracts can fail. Each {@link Fault} is a mistake a real provider could make.
 */
final class BrokenClient implements ImClient {

  /** The bug this client has. */
  enum Fault {
    /** getAll reads only the first vendor batch (100 ids): no chunking. */
    GET_ALL_FIRST_BATCH_ONLY,
    /** getAll answers sorted by id instead of in input order. */
    GET_ALL_SORTED,
    /** update replaces the whole profile instead of patching it. */
    UPDATE_REPLACES,
    /** Every non-ASCII character is stored as '?'. */
    ASCII_ONLY,
    /** Each page after the first skips its first item. */
    PAGES_LOSE_ITEMS,
    /** Custom profile attributes are left out of capabilities() but work anyway. */
    UNDECLARED_CAPABILITY_WORKS,
    /** The block list is left out of capabilities() and refused with the wrong exception. */
    WRONG_REFUSAL,
    /** Validation errors come out as IllegalArgumentException. */
    OWN_EXCEPTIONS,
    /** setAll leaves the failed members out of its result. */
    SET_ALL_DROPS_FAILURES,
    /** The metadata declares limits that nothing enforces. */
    UNENFORCED_LIMITS,
    /** Profile field lengths are checked against the declared bound, counted in code points. */
    COUNTS_CODE_POINTS,
    /** Profile field lengths are checked against the declared bound, counted in UTF-8 bytes. */
    COUNTS_BYTES,
    /** Batch reads answer under the lower-case ids, not the ids as the caller spelled them. */
    LOWER_CASE_KEYS,
    /** setAll of no member and block of no user do nothing instead of refusing. */
    EMPTY_BATCHES_ARE_NOOPS,
    /** close() is ignored: the client keeps working. */
    CLOSE_IGNORED,
    /** Registering an existing user answers as if it had worked. */
    DUPLICATE_REGISTRATION_SUCCEEDS,
    /** The member list leaves the owner out. */
    MEMBERS_WITHOUT_OWNER
  }

  private final ImClient delegate;
  private final Fault fault;
  private final ProviderMetadata metadata;

  /**
   * A client with {@code fault} on top of {@code delegate}, declaring {@code claimed} (the limits it
   * says it enforces; for the limit faults, {@code delegate} enforces none), or the delegate's own
   * metadata when null.
   */
  BrokenClient(ImClient delegate, Fault fault, ProviderMetadata claimed) {
    this.delegate = delegate;
    this.fault = fault;
    ProviderMetadata m = claimed == null ? delegate.metadata() : claimed;
    if (fault == Fault.UNDECLARED_CAPABILITY_WORKS) {
      m = m.toBuilder().unsupported(Capability.PROFILE_CUSTOM_ATTRIBUTES, "not declared (fixture)").build();
    } else if (fault == Fault.WRONG_REFUSAL) {
      m = m.toBuilder().unsupported(Capability.BLOCK_LIST, "not declared (fixture)").build();
    }
    this.metadata = m;
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public Set<Capability> capabilities() {
    return metadata.capabilities();
  }

  /** What this client declares, consistent with {@link #capabilities()}: the contracts read limits here. */
  @Override
  public ProviderMetadata metadata() {
    return metadata;
  }

  @Override
  public UserProfileService profiles() {
    return new Profiles(delegate.profiles());
  }

  @Override
  public GroupMemberAttributes groupMemberAttributes() {
    return new MemberAttributes(delegate.groupMemberAttributes());
  }

  @Override
  public ContactGraph contacts() {
    return new Contacts(delegate.contacts());
  }

  @Override
  public UserAccounts accounts() {
    return new Accounts(delegate.accounts());
  }

  @Override
  public Groups groups() {
    return new GroupsService(delegate.groups());
  }

  @Override
  public void close() {
    if (fault != Fault.CLOSE_IGNORED) {
      delegate.close();
    }
  }

  /** {@code result} keyed by the lower-case ids: the mistake of {@link Fault#LOWER_CASE_KEYS}. */
  private <V> Map<String, V> keyed(Map<String, V> result) {
    if (fault != Fault.LOWER_CASE_KEYS) {
      return result;
    }
    Map<String, V> lower = new LinkedHashMap<>();
    result.forEach((id, v) -> lower.putIfAbsent(id.toLowerCase(Locale.ROOT), v));
    return lower;
  }

  private <T> T call(Supplier<T> call) {
    if (fault != Fault.OWN_EXCEPTIONS) {
      return call.get();
    }
    try {
      return call.get();
    } catch (InvalidRequestException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private void run(Runnable call) {
    call(() -> {
      call.run();
      return null;
    });
  }

  private static String ascii(String s) {
    return s.replaceAll("[^\\x00-\\x7f]", "?");
  }

  private final class Profiles implements UserProfileService {
    private final UserProfileService d;

    Profiles(UserProfileService d) {
      this.d = d;
    }

    @Override
    public Optional<UserProfile> get(String userId) {
      return call(() -> d.get(userId));
    }

    @Override
    public Map<String, UserProfile> getAll(Collection<String> userIds, Collection<String> customAttributeKeys) {
      if (fault == Fault.GET_ALL_FIRST_BATCH_ONLY && userIds != null) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(userIds));
        return d.getAll(distinct.subList(0, Math.min(100, distinct.size())), customAttributeKeys);
      }
      if (fault == Fault.GET_ALL_SORTED) {
        return new TreeMap<>(d.getAll(userIds, customAttributeKeys));
      }
      return keyed(call(() -> d.getAll(userIds, customAttributeKeys)));
    }

    @Override
    public void update(String userId, ProfileUpdate update) {
      if (fault == Fault.UPDATE_REPLACES && update != null && !update.isEmpty()) {
        d.delete(userId);
      }
      if (fault == Fault.ASCII_ONLY && update != null) {
        ProfileUpdate.Builder b = ProfileUpdate.builder();
        update.values().forEach((field, value) -> b.set(field, ascii(value)));
        update.gender().ifPresent(b::gender);
        update.customAttributes().forEach((k, v) -> b.customAttribute(k, ascii(v)));
        d.update(userId, b.build());
        return;
      }
      if ((fault == Fault.COUNTS_CODE_POINTS || fault == Fault.COUNTS_BYTES) && update != null) {
        LengthUnit counted = fault == Fault.COUNTS_BYTES ? LengthUnit.BYTES : LengthUnit.CODE_POINTS;
        update.values().forEach((field, value) -> {
          LengthLimit limit = metadata.limits().profileField(field);
          // The mistake: the smallest declared bound, whatever its unit, applied to the wrong unit.
          int max = Math.min(limit.maxBytes(), Math.min(limit.maxUtf16Units(), limit.maxCodePoints()));
          if (counted.measure(value) > max) {
            throw new InvalidRequestException(field.fieldName(), field.fieldName() + " is too long");
          }
        });
      }
      run(() -> d.update(userId, update));
    }

    @Override
    public void delete(String userId) {
      run(() -> d.delete(userId));
    }

    @Override
    public long totalSizeBytes() {
      return d.totalSizeBytes();
    }
  }

  private final class MemberAttributes implements GroupMemberAttributes {
    private final GroupMemberAttributes d;

    MemberAttributes(GroupMemberAttributes d) {
      this.d = d;
    }

    @Override
    public Map<String, String> get(String groupId, String userId) {
      return call(() -> d.get(groupId, userId));
    }

    @Override
    public Map<String, Map<String, String>> get(String groupId, Collection<String> userIds, Collection<String> keys) {
      return keyed(call(() -> d.get(groupId, userIds, keys)));
    }

    @Override
    public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
      return call(() -> d.set(groupId, userId, attributes));
    }

    @Override
    public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
      if (fault == Fault.EMPTY_BATCHES_ARE_NOOPS && attributesByUser != null && attributesByUser.isEmpty()) {
        return new BatchResult(Map.of(), Map.of());
      }
      BatchResult result = call(() -> d.setAll(groupId, attributesByUser));
      return fault == Fault.SET_ALL_DROPS_FAILURES ? new BatchResult(result.succeeded(), Map.of()) : result;
    }
  }

  private final class Accounts implements UserAccounts {
    private final UserAccounts d;

    Accounts(UserAccounts d) {
      this.d = d;
    }

    @Override
    public Account register(Registration registration) {
      try {
        return call(() -> d.register(registration));
      } catch (ConflictException e) {
        if (fault == Fault.DUPLICATE_REGISTRATION_SUCCEEDS) {
          return Account.of(registration.userId().toLowerCase(Locale.ROOT), null);
        }
        throw e;
      }
    }

    @Override
    public BatchOutcome<Account> registerAll(Collection<Registration> registrations) {
      return call(() -> d.registerAll(registrations));
    }

    @Override
    public Optional<Account> get(String userId) {
      return call(() -> d.get(userId));
    }

    @Override
    public void delete(String userId) {
      run(() -> d.delete(userId));
    }

    @Override
    public void setPassword(String userId, String password) {
      run(() -> d.setPassword(userId, password));
    }

    @Override
    public Credential issueToken(String userId, Duration validity) {
      return call(() -> d.issueToken(userId, validity));
    }
  }

  private final class GroupsService implements Groups {
    private final Groups d;

    GroupsService(Groups d) {
      this.d = d;
    }

    @Override
    public Group create(NewGroup group) {
      return call(() -> d.create(group));
    }

    @Override
    public Optional<Group> get(String groupId) {
      return call(() -> d.get(groupId));
    }

    @Override
    public BatchOutcome<MemberChange> addMembers(String groupId, Collection<String> userIds) {
      return call(() -> d.addMembers(groupId, userIds));
    }

    @Override
    public BatchOutcome<MemberChange> removeMembers(String groupId, Collection<String> userIds) {
      return call(() -> d.removeMembers(groupId, userIds));
    }

    @Override
    public Page<String> members(String groupId, PageRequest page) {
      Page<String> p = call(() -> d.members(groupId, page));
      if (fault != Fault.MEMBERS_WITHOUT_OWNER) {
        return p;
      }
      String owner = d.get(groupId).map(Group::owner).orElse(null);
      List<String> items = new ArrayList<>(p.items());
      items.remove(owner);
      return Page.of(items, p.nextCursor().orElse(null));
    }

    @Override
    public void delete(String groupId) {
      run(() -> d.delete(groupId));
    }
  }

  private final class Contacts implements ContactGraph {
    private final ContactGraph d;

    Contacts(ContactGraph d) {
      this.d = d;
    }

    private void refuseBlockList() {
      if (fault == Fault.WRONG_REFUSAL) {
        throw new IllegalStateException("block lists are not supported");
      }
    }

    @Override
    public void addContact(String owner, String friend) {
      run(() -> d.addContact(owner, friend));
    }

    @Override
    public void removeContact(String owner, String friend) {
      run(() -> d.removeContact(owner, friend));
    }

    @Override
    public void setRemark(String owner, String friend, String remark) {
      run(() -> d.setRemark(owner, friend, remark));
    }

    @Override
    public Page<Contact> contacts(String owner, PageRequest page) {
      Page<Contact> p = call(() -> d.contacts(owner, page));
      if (fault == Fault.PAGES_LOSE_ITEMS && page.cursor().isPresent() && !p.items().isEmpty()) {
        return Page.of(p.items().subList(1, p.items().size()), p.nextCursor().orElse(null));
      }
      return p;
    }

    @Override
    public void block(String owner, Collection<String> users) {
      if (fault == Fault.EMPTY_BATCHES_ARE_NOOPS && users != null && users.isEmpty()) {
        return;
      }
      refuseBlockList();
      run(() -> d.block(owner, users));
    }

    @Override
    public void unblock(String owner, String user) {
      refuseBlockList();
      run(() -> d.unblock(owner, user));
    }

    @Override
    public Page<String> blocked(String owner, PageRequest page) {
      refuseBlockList();
      return call(() -> d.blocked(owner, page));
    }
  }
}
