package io.imfacade.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.group.Group;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The data every migration test moves: users with unicode and emoji in their profiles, custom
 * attributes, contacts with remarks, block lists, and two groups with member attributes. Seeded
 * and read back through the neutral API only, so that it works on every provider.
 */
final class Fixture {

  /** 40 characters: within Easemob's 64, over NetEase's 16. */
  static final String LONG_BIRTH = "1990-01-01 (农历腊月初四, year of the snake🐍)";
  static final String ALICE_NICK = "Ålice 🌸🚀";
  static final String BOB_REMARK = "Bobby 🐻";

  static final List<String> NAMED = List.of("alice", "bob", "carol", "dave", "eve");

  private Fixture() {}

  /** The named users and {@code fillers} more, user_00 ... (in lower case, sorted as a run walks them). */
  static List<String> users(int fillers) {
    List<String> users = new ArrayList<>(NAMED);
    for (int i = 0; i < fillers; i++) {
      users.add(String.format("user_%02d", i));
    }
    return users;
  }

  /**
   * Seeds {@code client}, which must offer every capability: returns the ids of the two groups it
   * created.
   */
  static List<String> seed(ImClient client, List<String> users) {
    assertThat(LONG_BIRTH.length()).isEqualTo(40);
    List<Registration> registrations = users.stream().map(Registration::of).collect(Collectors.toList());
    assertThat(client.accounts().registerAll(registrations).failed()).isEmpty();
    client.profiles().update("alice", ProfileUpdate.builder().nickname(ALICE_NICK).gender(Gender.FEMALE)
        .sign("你好，世界 👋").avatarUrl("https://cdn.example.com/a/ålice.png").email("alice@example.com")
        .customAttribute("level", "3").customAttribute("city", "Zürich").build());
    client.profiles().update("bob", ProfileUpdate.builder().nickname("Боб").gender(Gender.MALE).phone("+86 138 0000 0000")
        .ext("{\"tier\":\"gold\",\"emoji\":\"🎉\"}").customAttribute("vip", "true").build());
    client.profiles().update("carol", ProfileUpdate.builder().nickname("キャロル").birth("1985-05-05").build());
    client.profiles().update("dave", ProfileUpdate.builder().nickname("Dave").birth(LONG_BIRTH).build());
    // eve: an account without any profile value.
    for (int i = 5; i < users.size(); i++) {
      client.profiles().update(users.get(i), ProfileUpdate.builder().nickname("Filler " + i).build());
    }
    client.contacts().addContact("alice", "bob");
    client.contacts().addContact("alice", "carol");
    client.contacts().addContact("bob", "dave");
    client.contacts().setRemark("alice", "bob", BOB_REMARK);
    client.contacts().setRemark("bob", "alice", "爱丽丝");
    client.contacts().setRemark("dave", "bob", "B.");
    for (int i = 5; i + 1 < users.size(); i++) {
      client.contacts().addContact(users.get(i), users.get(i + 1));
    }
    client.contacts().block("alice", List.of("eve"));
    client.contacts().block("carol", List.of("dave", "eve"));
    Group team = client.groups().create(NewGroup.of("alice", "Team ✨", List.of("bob", "carol", "dave")));
    client.groupMemberAttributes().set(team.groupId(), "alice", Map.of("nick", "Boss 👑"));
    client.groupMemberAttributes().set(team.groupId(), "bob", Map.of("nick", "Bobby", "role", "dev"));
    Group fillers = client.groups().create(NewGroup.of("bob", "Fillers", users.subList(5, users.size())));
    if (users.size() > 5) {
      client.groupMemberAttributes().set(fillers.groupId(), users.get(5), Map.of("badge", "🥇"));
    }
    return List.of(team.groupId(), fillers.groupId());
  }

  /**
   * Everything the fixture moves, as read back from {@code client}: per user the profile (custom
   * attributes read with {@code get}), the contacts with remarks and the block list; per group
   * (keyed by {@code names}, as ids differ between vendors) its name, owner, members and their
   * attributes. Comparable with {@code equals}.
   */
  static Map<String, Object> read(ImClient client, List<String> users, Map<String, String> groupsByName) {
    Map<String, Object> all = new TreeMap<>();
    for (String user : users) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("profile", client.profiles().get(user).map(Fixture::withoutId).orElse(null));
      u.put("contacts", client.contacts().allContacts(user)
          .collect(Collectors.toMap(Contact::userId, c -> String.valueOf(c.remark()), (a, b) -> a, TreeMap::new)));
      u.put("blocked", client.capabilities().contains(Capability.BLOCK_LIST)
          ? new TreeSet<>(client.contacts().allBlocked(user).collect(Collectors.toList())) : null);
      all.put("user " + user, u);
    }
    groupsByName.forEach((name, id) -> {
      Map<String, Object> g = new LinkedHashMap<>();
      Group group = client.groups().get(id).orElseThrow();
      g.put("name", group.name());
      g.put("owner", group.owner());
      List<String> members = client.groups().allMembers(id).collect(Collectors.toList());
      g.put("members", new TreeSet<>(members));
      g.put("attributes", new TreeMap<>(client.groupMemberAttributes().get(id, members, List.of())));
      all.put("group " + name, g);
    });
    return all;
  }

  private static UserProfile withoutId(UserProfile p) {
    return p;
  }
}
