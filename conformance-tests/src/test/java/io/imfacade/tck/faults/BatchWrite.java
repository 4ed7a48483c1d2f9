package io.imfacade.tck.faults;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.account.Registration;
import io.imfacade.spi.VendorLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The batch writes that report every member's outcome and send more than one request when the
 * batch is larger than the vendor's chunk: what a test seeds for them, which request writes a
 * chunk, and whether the vendor's state shows a member's write.
 */
enum BatchWrite {

  SET_ALL("groupMemberAttributes.setAll"),
  REGISTER_ALL("accounts.registerAll"),
  ADD_MEMBERS("groups.addMembers"),
  REMOVE_MEMBERS("groups.removeMembers");

  private static final String KEY = "seat";

  private final String label;

  BatchWrite(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** How many members one request of {@code vendor} carries. */
  int chunkSize(Vendor vendor) {
    VendorLimits limits = ImFacade.metadata(vendor.id()).orElseThrow().limits();
    return switch (this) {
      case SET_ALL -> limits.memberSetBatch();
      case REGISTER_ALL -> limits.accountBatch();
      case ADD_MEMBERS, REMOVE_MEMBERS -> limits.groupMembersBatch();
    };
  }

  /**
   * Whether {@code chunks} chunks fit one call on {@code vendor}: a group's members (the owner
   * besides) must fit the vendor's largest group. NetEase adds or removes up to 200 members per
   * request, its whole team size: one chunk only, which the fault matrix covers.
   */
  boolean fits(Vendor vendor, int chunks) {
    if (this == ADD_MEMBERS || this == REMOVE_MEMBERS) {
      VendorLimits limits = ImFacade.metadata(vendor.id()).orElseThrow().limits();
      return chunks * chunkSize(vendor) < limits.groupSizeMax();
    }
    return true;
  }

  /** The members of a call of {@code chunks} chunks (the last one holding a single member): users 1 to n. */
  List<String> members(Vendor vendor, CaseIds ids, int chunks) {
    return ids.users(1, 1 + (chunks - 1) * chunkSize(vendor) + 1);
  }

  /** Seeds what the call needs: the group (of user 0) and the users. */
  void seed(Simulated sim, CaseIds ids, List<String> members) {
    switch (this) {
      case SET_ALL, REMOVE_MEMBERS -> {
        sim.createUsers(ids.users(0, 1));
        sim.createUsers(members);
        sim.createGroup(ids.group(), ids.user(0), members);
      }
      case ADD_MEMBERS -> {
        sim.createUsers(ids.users(0, 1));
        sim.createUsers(members);
        sim.createGroup(ids.group(), ids.user(0), List.of());
      }
      case REGISTER_ALL -> {
        // nobody: they are being registered
      }
    }
  }

  /** Calls the batch write; its BatchResult or BatchOutcome. */
  Object call(ImClient client, CaseIds ids, List<String> members) {
    return switch (this) {
      case SET_ALL -> {
        Map<String, Map<String, String>> byUser = new LinkedHashMap<>();
        members.forEach(m -> byUser.put(m, Map.of(KEY, value(m))));
        yield client.groupMemberAttributes().setAll(ids.group(), byUser);
      }
      case REGISTER_ALL -> client.accounts().registerAll(
          members.stream().map(m -> Registration.of(m, ids.password())).toList());
      case ADD_MEMBERS -> client.groups().addMembers(ids.group(), members);
      case REMOVE_MEMBERS -> client.groups().removeMembers(ids.group(), members);
    };
  }

  /** Whether {@code request} is a request of {@code vendor} that writes a chunk of this batch. */
  boolean writesAChunk(Vendor vendor, SentRequest request) {
    String path = request.path();
    String method = request.method();
    if (vendor.family() == Vendor.Family.NETEASE) {
      return switch (this) {
        case SET_ALL -> path.endsWith("/team/updateTeamNick.action");
        case REGISTER_ALL -> path.endsWith("/user/create.action");
        case ADD_MEMBERS -> path.endsWith("/team/add.action");
        case REMOVE_MEMBERS -> path.endsWith("/team/kick.action");
      };
    }
    String api = Pattern.quote(vendor.apiPath());
    return switch (this) {
      case SET_ALL -> method.equals("PUT") && path.matches(".*" + api + "/metadata/chatgroup/[^/]+/users/batch");
      case REGISTER_ALL -> method.equals("POST") && path.matches(".*" + api + "/users");
      case ADD_MEMBERS -> method.equals("POST") && path.matches(".*" + api + "/chatgroups/[^/]+/users");
      case REMOVE_MEMBERS -> method.equals("DELETE") && path.matches(".*" + api + "/chatgroups/[^/]+/users/.+");
    };
  }

  /**
   * Whether the vendor answers the chunk's write with a status only, so that a 200 whose other
   * fields have the wrong type still says "done": NetEase's {@code team/updateTeamNick}.
   */
  boolean statusOnly(Vendor vendor) {
    return this == SET_ALL && vendor.family() == Vendor.Family.NETEASE;
  }

  /** Whether the vendor's state shows {@code member}'s write. */
  boolean applied(Simulated sim, CaseIds ids, String member) {
    return switch (this) {
      case SET_ALL -> value(member).equals(sim.memberAttribute(ids.group(), member, KEY));
      case REGISTER_ALL -> sim.registered(member);
      case ADD_MEMBERS -> sim.members(ids.group()).contains(member);
      case REMOVE_MEMBERS -> !sim.members(ids.group()).contains(member);
    };
  }

  private static String value(String member) {
    return "s" + member.substring(member.length() - 3);
  }
}
