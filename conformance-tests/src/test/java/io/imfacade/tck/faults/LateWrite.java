package io.imfacade.tck.faults;

import io.imfacade.ImClient;
import io.imfacade.group.NewGroup;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a provider sends after reads on some vendor — NetEase reads the team before it writes a
 * member's {@code custom}, and the accounts before it creates a team — so that the fault matrix,
 * whose every request fails, never reaches them: here only the write meets the fault. Both are
 * declared non-idempotent there: a replay could overwrite another writer's attributes or create a
 * second team.
 */
enum LateWrite {

  MEMBERS_SET("groupMemberAttributes.set"),
  GROUPS_CREATE("groups.create");

  private final String label;

  LateWrite(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Seeds users 0 to 2, and for {@link #MEMBERS_SET} the group of user 0 with user 1. */
  void seed(Simulated sim, CaseIds ids) {
    sim.createUsers(ids.users(0, 3));
    if (this == MEMBERS_SET) {
      sim.createGroup(ids.group(), ids.user(0), List.of(ids.user(1)));
    }
  }

  /** Calls the operation. */
  Object call(ImClient client, CaseIds ids) {
    return switch (this) {
      case MEMBERS_SET -> client.groupMemberAttributes().set(ids.group(), ids.user(1), Map.of("seat", "s001"));
      case GROUPS_CREATE -> client.groups().create(NewGroup.of(ids.user(0), "Fault club", ids.users(1, 3)));
    };
  }

  /** Whether {@code request} is the write. */
  boolean isTheWrite(Vendor vendor, SentRequest request) {
    String path = request.path();
    if (vendor.family() == Vendor.Family.NETEASE) {
      return path.endsWith(this == MEMBERS_SET ? "/team/updateTeamNick.action" : "/team/create.action");
    }
    String api = Pattern.quote(vendor.apiPath());
    return this == MEMBERS_SET
        ? request.method().equals("PUT") && path.matches(".*" + api + "/metadata/chatgroup/[^/]+/user/[^/]+")
        : request.method().equals("POST") && path.matches(".*" + api + "/chatgroups");
  }

  /** Whether the vendor answers the write with a status only (NetEase's {@code team/updateTeamNick}). */
  boolean statusOnly(Vendor vendor) {
    return this == MEMBERS_SET && vendor.family() == Vendor.Family.NETEASE;
  }

  /** Whether the vendor's state shows the write ({@link #MEMBERS_SET} only; a created group has an id nobody knows). */
  boolean applied(Simulated sim, CaseIds ids) {
    return this == MEMBERS_SET && "s001".equals(sim.memberAttribute(ids.group(), ids.user(1), "seat"));
  }
}
