package io.imfacade.internal;

import io.imfacade.BatchOutcome;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.group.Group;
import io.imfacade.group.Groups;
import io.imfacade.group.MemberChange;
import io.imfacade.group.NewGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The guard of {@link Groups}. */
final class GuardedGroups extends GuardedService<Supplier<Groups>> implements Groups {

  GuardedGroups(GuardedClient guard, Supplier<Groups> raw) {
    super(guard, raw);
  }

  @Override
  public Group create(NewGroup group) {
    String op = "groups.create";
    return guard.call(op, () -> {
      if (group == null) {
        throw inputs.invalid(op, "group", "group must not be null");
      }
      String owner = inputs.user(op, "owner", group.owner());
      if (group.name() == null || group.name().isBlank()) {
        throw inputs.invalid(op, "name", "a group's name must not be null or blank");
      }
      inputs.text(op, "name", group.name(), inputs.limits().groupName());
      if (group.description() != null) {
        inputs.text(op, "description", group.description(), inputs.limits().groupDescription());
      }
      List<String> members = new ArrayList<>(inputs.users(op, "members", group.members()));
      members.remove(owner);
      int max = inputs.limits().groupSizeMax();
      if (group.maxMembers() > max) {
        throw inputs.invalid(op, "maxMembers", "maxMembers " + group.maxMembers() + " is over the "
            + inputs.limits().name() + " limit of " + max);
      }
      int size = members.size() + 1;
      int cap = group.maxMembers() > 0 ? group.maxMembers() : max;
      if (size > cap) {
        throw inputs.quota(op, "the group would have " + size + " members with its owner, over its limit of " + cap);
      }
      return raw.get().create(new NewGroup(owner, group.name(), group.description(), members, group.maxMembers()));
    });
  }

  @Override
  public Optional<Group> get(String groupId) {
    String op = "groups.get";
    return guard.call(op, () -> raw.get().get(inputs.group(op, groupId)));
  }

  @Override
  public BatchOutcome<MemberChange> addMembers(String groupId, Collection<String> userIds) {
    return changeMembers("groups.addMembers", groupId, userIds, true);
  }

  @Override
  public BatchOutcome<MemberChange> removeMembers(String groupId, Collection<String> userIds) {
    return changeMembers("groups.removeMembers", groupId, userIds, false);
  }

  private BatchOutcome<MemberChange> changeMembers(String op, String groupId, Collection<String> userIds, boolean add) {
    return guard.call(op, () -> {
      String gid = inputs.group(op, groupId);
      if (userIds == null || userIds.isEmpty()) {
        throw inputs.invalid(op, "userIds", "userIds must name at least one user");
      }
      Map<String, String> callerIds = new LinkedHashMap<>();
      for (String userId : userIds) {
        callerIds.putIfAbsent(inputs.user(op, "userIds element", userId), userId);
      }
      List<String> ids = List.copyOf(callerIds.keySet());
      BatchOutcome<MemberChange> outcome = add ? raw.get().addMembers(gid, ids) : raw.get().removeMembers(gid, ids);
      return CallerIds.complete(callerIds, outcome, id -> new ProviderUnavailableException(
          "the provider reported no outcome for user " + id + "; the change may or may not have happened",
          inputs.details(op).toBuilder().retryable(true).build()));
    });
  }

  @Override
  public Page<String> members(String groupId, PageRequest page) {
    String op = "groups.members";
    return guard.call(op, () -> raw.get().members(inputs.group(op, groupId), inputs.page(op, page)));
  }

  @Override
  public Stream<String> allMembers(String groupId) {
    String op = "groups.members";
    String gid = guard.check(op, () -> inputs.group(op, groupId));
    return GuardPages.stream(page -> members(gid, page), inputs.limits(), inputs.limits().groupSizeMax(),
        inputs.details(op));
  }

  @Override
  public void delete(String groupId) {
    String op = "groups.delete";
    guard.run(op, () -> raw.get().delete(inputs.group(op, groupId)));
  }
}
