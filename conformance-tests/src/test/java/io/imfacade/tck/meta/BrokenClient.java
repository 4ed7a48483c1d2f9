package io.imfacade.tck.meta;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.group.BatchResult;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.profile.UserProfileService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
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
    SET_ALL_DROPS_FAILURES
  }

  private final ImClient delegate;
  private final Fault fault;

  BrokenClient(ImClient delegate, Fault fault) {
    this.delegate = delegate;
    this.fault = fault;
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public Set<Capability> capabilities() {
    EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
    caps.addAll(delegate.capabilities());
    if (fault == Fault.UNDECLARED_CAPABILITY_WORKS) {
      caps.remove(Capability.PROFILE_CUSTOM_ATTRIBUTES);
    } else if (fault == Fault.WRONG_REFUSAL) {
      caps.remove(Capability.BLOCK_LIST);
    }
    return caps;
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
  public void close() {
    delegate.close();
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
    public Map<String, UserProfile> getAll(Collection<String> userIds) {
      if (fault == Fault.GET_ALL_FIRST_BATCH_ONLY && userIds != null) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(userIds));
        return d.getAll(distinct.subList(0, Math.min(100, distinct.size())));
      }
      if (fault == Fault.GET_ALL_SORTED) {
        return new TreeMap<>(d.getAll(userIds));
      }
      return call(() -> d.getAll(userIds));
    }

    @Override
    public void update(String userId, ProfileUpdate update) {
      if (fault == Fault.UPDATE_REPLACES && update != null && !update.isEmpty()) {
        d.delete(userId);
      }
      if (fault == Fault.ASCII_ONLY && update != null) {
        ProfileUpdate.Builder b = ProfileUpdate.builder();
        update.values().forEach((field, value) -> {
          if (field != ProfileField.GENDER) {
            b.set(field, ascii(value));
          }
        });
        Optional.ofNullable(update.values().get(ProfileField.GENDER))
            .ifPresent(g -> b.gender(Gender.fromWire(Integer.parseInt(g))));
        update.customAttributes().forEach((k, v) -> b.customAttribute(k, ascii(v)));
        d.update(userId, b.build());
        return;
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
      return call(() -> d.get(groupId, userIds, keys));
    }

    @Override
    public Map<String, String> set(String groupId, String userId, Map<String, String> attributes) {
      return call(() -> d.set(groupId, userId, attributes));
    }

    @Override
    public BatchResult setAll(String groupId, Map<String, Map<String, String>> attributesByUser) {
      BatchResult result = call(() -> d.setAll(groupId, attributesByUser));
      return fault == Fault.SET_ALL_DROPS_FAILURES ? new BatchResult(result.succeeded(), Map.of()) : result;
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
