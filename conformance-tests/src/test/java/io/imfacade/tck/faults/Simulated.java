package io.imfacade.tck.faults;

import io.imfacade.simulator.easemob.EasemobSimulator;
import io.imfacade.simulator.netease.NeteaseSimulator;
import java.util.List;

/**
 * A vendor simulator seen the same way for both families: seeding, and the state a batch write
 * left behind, by which a test checks that what a call reported is what the vendor did.
 */
interface Simulated {

  /** Registers users. */
  void createUsers(List<String> users);

  /** Creates group {@code group} (digits) of {@code owner} with {@code members}, all registered. */
  void createGroup(String group, String owner, List<String> members);

  /** Whether the user is registered. */
  boolean registered(String user);

  /** The members of the group, the owner included. */
  List<String> members(String group);

  /** The member's attribute {@code key}, or null. */
  String memberAttribute(String group, String user, String key);

  /** The Easemob-family simulator. */
  static Simulated of(EasemobSimulator sim) {
    return new Simulated() {
      @Override
      public void createUsers(List<String> users) {
        sim.createUsers(users);
      }

      @Override
      public void createGroup(String group, String owner, List<String> members) {
        sim.createGroup(group, owner, members);
      }

      @Override
      public boolean registered(String user) {
        return sim.hasUser(user);
      }

      @Override
      public List<String> members(String group) {
        return sim.membersOf(group);
      }

      @Override
      public String memberAttribute(String group, String user, String key) {
        return sim.memberMetadata(group, user).get(key);
      }
    };
  }

  /** The NetEase simulator; member attributes are a JSON object in the member's {@code custom}. */
  static Simulated of(NeteaseSimulator sim) {
    return new Simulated() {
      @Override
      public void createUsers(List<String> users) {
        sim.createUsers(users);
      }

      @Override
      public void createGroup(String group, String owner, List<String> members) {
        sim.createTeam(group, owner, members);
      }

      @Override
      public boolean registered(String user) {
        return sim.tokenOf(user).isPresent();
      }

      @Override
      public List<String> members(String group) {
        return sim.teamMembersOf(group);
      }

      @Override
      public String memberAttribute(String group, String user, String key) {
        // The provider's own JSON ({"seat":"s1"}): enough to find a value the test wrote.
        String custom = sim.teamMemberCustom(group, user).orElse("");
        String prefix = "\"" + key + "\":\"";
        int at = custom.indexOf(prefix);
        return at < 0 ? null : custom.substring(at + prefix.length(), custom.indexOf('"', at + prefix.length()));
      }
    };
  }
}
