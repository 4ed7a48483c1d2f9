package io.imfacade.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.ImClient;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip of the issue: in-memory → (dump) → Easemob simulator → NetEase simulator → back to
 * in-memory, and Easemob → in-memory, with unicode and emoji, custom attributes, remarks, block
 * lists and member attributes. Every step verifies the target; what NetEase cannot take is reported
 * and nothing else is lost.
 */
class RoundTripTest {

  @RegisterExtension
  static final EasemobSimulatorExtension EASEMOB = Clients.easemobSimulator();
  @RegisterExtension
  static final NeteaseSimulatorExtension NETEASE = Clients.neteaseSimulator();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void inMemoryToEasemobToNeteaseAndBackLosesOnlyWhatNeteaseCannotTakeAndReportsIt() throws IOException {
    List<String> users = Fixture.users(8);
    try (ImClient origin = Clients.inMemory(); ImClient easemob = Clients.easemob(EASEMOB);
        ImClient netease = Clients.netease(NETEASE); ImClient back = Clients.inMemory();
        ImClient backFromEasemob = Clients.inMemory()) {
      List<String> groups = Fixture.seed(origin, users);
      Map<String, Object> original = Fixture.read(origin, users, byName(groups));

      // 1. in-memory -> dump -> Easemob: nothing reported, nothing different.
      Path dump = dir.resolve("dump.ndjson");
      Summary exported = Migration.export(origin, dump).users(users).groups(groups).build().run();
      assertThat(exported.complete()).as("%s", exported).isTrue();
      assertThat(exported.of(Item.USERS).written()).isEqualTo(users.size());
      assertThat(exported.of(Item.GROUPS).written()).isEqualTo(2);
      Summary toEasemob = Migration.importDump(dump, easemob).checkpoint(dir.resolve("easemob.checkpoint"))
          .failures(dir.resolve("easemob.failures.ndjson")).verify(true).build().run();
      assertThat(failures(toEasemob)).isEmpty();
      assertThat(toEasemob.complete()).as("%s", toEasemob).isTrue();
      Map<String, String> easemobGroups = mapped(groups, toEasemob);
      assertThat(Fixture.read(easemob, users, byName(easemobGroups))).isEqualTo(original);

      // 2. Easemob -> NetEase: custom attributes and the 40-character birth are reported, per user.
      Summary toNetease = Migration.migrate(easemob, netease).users(users).groups(easemobGroups.values())
          .checkpoint(dir.resolve("netease.checkpoint")).failures(dir.resolve("netease.failures.ndjson")).verify(true)
          .build().run();
      assertThat(toNetease.differences()).as("differences: %s", failures(toNetease)).isZero();
      assertThat(failures(toNetease)).extracting(f -> f.get("user").asText() + " " + f.get("what").asText() + " "
          + f.path("item").asText(""))
          .containsExactlyInAnyOrder("alice profile.customAttribute level", "alice profile.customAttribute city",
              "bob profile.customAttribute vip", "dave profile.birth ");
      assertThat(failures(toNetease)).filteredOn(f -> f.get("what").asText().equals("profile.birth")).singleElement()
          .satisfies(f -> {
            assertThat(f.get("reason").asText()).contains("40 UTF-16 code units", "16", "netease");
            assertThat(f.get("exception").asText()).isEqualTo("InvalidRequestException");
          });
      assertThat(toNetease.failures()).isEqualTo(4);
      assertThat(toNetease.of(Item.PROFILE_VALUES).failed()).isEqualTo(4);
      assertThat(toNetease.firstFailure()).isIn("InvalidRequestException", "UnsupportedCapabilityException");
      Map<String, String> neteaseGroups = mapped(easemobGroups, toNetease);
      Map<String, Object> expectedAtNetease = withoutWhatNeteaseCannotTake(original);
      assertThat(Fixture.read(netease, users, byName(neteaseGroups))).isEqualTo(expectedAtNetease);

      // 3. NetEase -> in-memory: everything NetEase holds comes back.
      Summary backHome = Migration.migrate(netease, back).users(users).groups(neteaseGroups.values())
          .checkpoint(dir.resolve("back.checkpoint")).failures(dir.resolve("back.failures.ndjson")).verify(true)
          .build().run();
      assertThat(failures(backHome)).isEmpty();
      assertThat(Fixture.read(back, users, byName(mapped(neteaseGroups, backHome)))).isEqualTo(expectedAtNetease);

      // 4. Easemob -> in-memory: nothing lost at all.
      Summary fromEasemob = Migration.migrate(easemob, backFromEasemob).users(users).groups(easemobGroups.values())
          .checkpoint(dir.resolve("back2.checkpoint")).failures(dir.resolve("back2.failures.ndjson")).verify(true)
          .build().run();
      assertThat(fromEasemob.complete()).as("%s", fromEasemob).isTrue();
      assertThat(Fixture.read(backFromEasemob, users, byName(mapped(easemobGroups, fromEasemob)))).isEqualTo(original);
    }
  }

  /** Group "0" is the team, "1" the fillers, whatever ids a vendor issued. */
  private static Map<String, String> byName(List<String> ids) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      m.put(Integer.toString(i), ids.get(i));
    }
    return m;
  }

  private static Map<String, String> byName(Map<String, String> mapped) {
    return byName(new ArrayList<>(mapped.values()));
  }

  /** Source id -> target id for each of {@code source}'s groups, as the summary maps them. */
  private static Map<String, String> mapped(List<String> source, Summary s) {
    Map<String, String> m = new LinkedHashMap<>();
    source.forEach(id -> m.put(id, s.groups().get(id)));
    assertThat(m.values()).doesNotContainNull();
    return m;
  }

  private static Map<String, String> mapped(Map<String, String> previous, Summary s) {
    return mapped(new ArrayList<>(previous.values()), s);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutWhatNeteaseCannotTake(Map<String, Object> original) {
    Map<String, Object> copy = new java.util.TreeMap<>();
    original.forEach((k, v) -> {
      if (v instanceof Map<?, ?> m && m.get("profile") instanceof io.imfacade.profile.UserProfile p) {
        Map<String, Object> u = new LinkedHashMap<>((Map<String, Object>) m);
        io.imfacade.profile.UserProfile.Builder b = p.toBuilder();
        p.customAttributes().keySet().forEach(key -> b.customAttribute(key, null));
        if (Fixture.LONG_BIRTH.equals(p.birth())) {
          b.birth(null);
        }
        u.put("profile", b.build());
        copy.put(k, u);
      } else {
        copy.put(k, v);
      }
    });
    return copy;
  }

  static List<JsonNode> failures(Summary s) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(s.failuresFile(), StandardCharsets.UTF_8)) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
