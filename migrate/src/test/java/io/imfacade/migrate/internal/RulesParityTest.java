package io.imfacade.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.account.Registration;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileField;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A dry run is only as good as {@link Rules}: for every kind of value a migration writes, Rules
 * refuses exactly what the neutral guard and the in-memory provider emulating each vendor refuse
 * (lengths around every limit, in ASCII, CJK and emoji, and text no vendor can store).
 */
class RulesParityTest {

  private static final int[] LENGTHS = {1, 15, 16, 17, 32, 33, 50, 64, 65, 100, 101, 128, 129, 256, 257, 512, 513,
      1024, 1025, 2040, 2048, 2049};

  static List<String> values() {
    List<String> values = new ArrayList<>();
    for (int n : LENGTHS) {
      values.add("a".repeat(n));
      values.add("中".repeat(Math.max(1, n / 3)));
      values.add("中".repeat(n));
      values.add("😀".repeat(Math.max(1, n / 4)));
      values.add("😀".repeat(Math.max(1, n / 2)));
    }
    values.add("nul\u0000inside");
    values.add("lone \uD800 surrogate");
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"netease", "easemob", "portable"})
  void rulesRefuseExactlyWhatTheGuardRefuses(String vendor) {
    try (ImClient client = ImFacade.open(Map.of("provider", "inmemory", "inmemory.limits", vendor))) {
      Rules rules = new Rules(client.metadata());
      client.accounts().registerAll(List.of(Registration.of("u1"), Registration.of("u2")));
      client.contacts().addContact("u1", "u2");
      String group = client.groups().create(NewGroup.of("u1", "g", List.of("u2"))).groupId();
      List<String> mismatches = new ArrayList<>();

      for (String v : values()) {
        for (ProfileField f : ProfileField.values()) {
          if (f != ProfileField.GENDER) {
            UserProfile p = UserProfile.builder("u1").set(f, v).build();
            check(mismatches, f + "=" + describe(v), !rules.profile(p).refusals().isEmpty(),
                () -> client.profiles().update("u1", ProfileUpdate.builder().set(f, v).build()));
            client.profiles().delete("u1");
          }
        }
        UserProfile custom = UserProfile.builder("u1").customAttribute("level", v).build();
        check(mismatches, "custom=" + describe(v), !rules.profile(custom).refusals().isEmpty(),
            () -> client.profiles().update("u1", ProfileUpdate.builder().customAttribute("level", v).build()));
        client.profiles().delete("u1");
        check(mismatches, "remark=" + describe(v), rules.remark("u2", v) != null,
            () -> client.contacts().setRemark("u1", "u2", v));
        for (Map<String, String> attrs : List.of(Map.of("k", v), Map.of(v, "x"))) {
          check(mismatches, "member " + describe(attrs.toString()), !rules.memberAttributes("u1", attrs).refusals().isEmpty(),
              () -> client.groupMemberAttributes().set(group, "u1", attrs));
          attrs.keySet().forEach(k -> {
            if (rules.memberAttributes("u1", attrs).refusals().isEmpty()) {
              client.groupMemberAttributes().set(group, "u1", Map.of(k, ""));
            }
          });
        }
        check(mismatches, "groupName=" + describe(v), rules.groupNameProblem(v) != null,
            () -> client.groups().delete(client.groups().create(NewGroup.of("u1", v, List.of())).groupId()));
        check(mismatches, "description=" + describe(v), rules.groupDescriptionProblem(v) != null,
            () -> client.groups().delete(client.groups().create(
                new NewGroup("u1", "g", v, List.of(), 0)).groupId()));
      }
      for (String id : List.of("ok_1", "a".repeat(32), "a".repeat(33), "a".repeat(64), "a".repeat(65), "x+plus",
          "a.b-c@d", "ünï", "with space")) {
        check(mismatches, "userId=" + id, rules.userIdProblem(id) != null,
            () -> client.accounts().register(Registration.of(id)));
      }
      assertThat(mismatches).as("values where Rules and the %s guard disagree", vendor).isEmpty();
    }
  }

  private static void check(List<String> mismatches, String what, boolean rulesRefuse, Executable write) {
    boolean guardRefuses;
    try {
      write.execute();
      guardRefuses = false;
    } catch (InvalidRequestException | QuotaExceededException | UnsupportedCapabilityException e) {
      guardRefuses = true;
    } catch (ImException e) {
      throw new AssertionError(what + ": unexpected " + e, e);
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
    if (rulesRefuse != guardRefuses) {
      mismatches.add(what + (rulesRefuse ? " refused by Rules only" : " refused by the guard only"));
    }
  }

  private static String describe(String v) {
    return v.length() <= 12 ? v : v.substring(0, 3) + "...(" + v.length() + " units)";
  }
}
