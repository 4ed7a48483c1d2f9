package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume proven against a real crash: {@code imfacade migrate} runs in its own JVM (NetEase
 * simulator to Easemob simulator, both in this JVM), is killed with {@code destroyForcibly} (SIGKILL:
 * no shutdown hook, no last checkpoint) once in the users phase and once in the relations phase,
 * and resumed with {@code --resume} each time. At the end nothing is missing, no group exists twice
 * and the failures file holds each failure once.
 */
class MigrationKillTest {

  @RegisterExtension
  static final NeteaseSimulatorExtension NETEASE =
      NeteaseSimulatorExtension.app("killappkey", "kill-netease-secret").requestsPerSecond(0).build();
  @RegisterExtension
  static final EasemobSimulatorExtension EASEMOB =
      EasemobSimulatorExtension.easemob("org", "app").clientCredentials("kill-client", "kill-easemob-secret").build();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int USERS = 120;

  @TempDir
  Path dir;

  @Test
  void aMigrationKilledTwiceMidwayAndResumedEndsWithNothingMissingAndNoDuplicate() throws Exception {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      users.add(String.format("u%03d", i));
    }
    List<String> teams;
    try (ImClient netease = ImFacade.open(neteaseConfig("5000"))) {
      teams = seed(netease, users);
    }
    List<String> listed = new ArrayList<>(users);
    listed.add("ghost"); // not at the source: exactly one failure, however often the run is resumed
    Files.write(dir.resolve("users.txt"), listed, StandardCharsets.UTF_8);
    Files.write(dir.resolve("groups.tsv"), teams.stream().map(t -> t + "\tteam").toList(), StandardCharsets.UTF_8);
    // Slow enough to be killed in the phase chosen: 40 requests a second read, 20 written, and two
    // workers, so that units are committed one after the other rather than all at the end.
    Path source = properties("source.properties", neteaseConfig("40"));
    Path target = properties("target.properties", easemobConfig("20"));
    Path checkpoint = dir.resolve("migrate.checkpoint");
    List<String> args = List.of("--config", source.toString(), "migrate", "--to", target.toString(),
        "--users", "users.txt", "--groups", "groups.tsv", "--json", "--progress", "lines", "--parallelism", "2");

    List<String> killedIn = new ArrayList<>();
    killedIn.add(killWhen(start(args, "run1"), checkpoint, "USERS", 20));
    killedIn.add(killWhen(start(plus(args, "--resume"), "run2"), checkpoint, "RELATIONS", 20));
    Process last = start(plus(args, "--resume"), "run3");
    assertThat(last.waitFor(3, TimeUnit.MINUTES)).as("the last run finishes").isTrue();

    assertThat(killedIn).as("killed midway, where the checkpoint said").containsExactly("USERS", "RELATIONS");
    JsonNode summary = JSON.readTree(dir.resolve("run3.out").toFile());
    assertThat(last.exitValue()).as("exit code: the ghost is not found at the source; %s", summary).isEqualTo(1);
    assertThat(summary.get("phase").asText()).isEqualTo("done");
    assertThat(summary.get("runs").asInt()).isEqualTo(3);
    assertThat(summary.get("failures").asInt()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("migrate.failures.ndjson"))).singleElement().asString()
        .contains("\"user\":\"ghost\"");

    // Nothing missing.
    try (ImClient netease = ImFacade.open(neteaseConfig("5000")); ImClient easemob = ImFacade.open(easemobConfig("5000"))) {
      for (String user : users) {
        assertThat(easemob.profiles().get(user)).as(user).isEqualTo(netease.profiles().get(user));
        assertThat(contacts(easemob, user)).as(user).isEqualTo(contacts(netease, user));
        assertThat(Set.copyOf(easemob.contacts().allBlocked(user).toList()))
            .isEqualTo(Set.copyOf(netease.contacts().allBlocked(user).toList()));
      }
      // No duplicate: the target holds exactly the groups the summary maps, once each.
      Map<String, String> mapping = new LinkedHashMap<>();
      summary.get("groups").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asText()));
      assertThat(mapping.keySet()).containsExactlyInAnyOrderElementsOf(teams);
      assertThat(EASEMOB.simulator().groupIds()).containsExactlyInAnyOrderElementsOf(mapping.values());
      for (String team : teams) {
        String copy = mapping.get(team);
        List<String> members = netease.groups().allMembers(team).toList();
        assertThat(Set.copyOf(easemob.groups().allMembers(copy).toList())).isEqualTo(Set.copyOf(members));
        assertThat(easemob.groupMemberAttributes().get(copy, members, List.of()))
            .isEqualTo(netease.groupMemberAttributes().get(team, members, List.of()));
      }
    }
  }

  private static List<String> seed(ImClient im, List<String> users) {
    assertThat(im.accounts().registerAll(users.stream().map(Registration::of).toList()).failed()).isEmpty();
    for (int i = 0; i < users.size(); i++) {
      String u = users.get(i);
      im.profiles().update(u, ProfileUpdate.builder().nickname("Name " + i + " 🌸").sign("签名 " + i).build());
      im.contacts().addContact(u, users.get((i + 1) % users.size()));
      if (i % 3 == 0) {
        im.contacts().setRemark(u, users.get((i + 1) % users.size()), "friend ✨ " + i);
      }
      if (i % 10 == 0) {
        im.contacts().block(u, List.of(users.get((i + 5) % users.size())));
      }
    }
    List<String> teams = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      String tid = im.groups().create(NewGroup.of(users.get(t), "Team " + t, users.subList(10 + t * 20, 30 + t * 20)))
          .groupId();
      im.groupMemberAttributes().set(tid, users.get(10 + t * 20), Map.of("nick", "member " + t));
      teams.add(tid);
    }
    return teams;
  }

  /** Waits until the checkpoint is in {@code phase} with at least {@code done} records, then kills the run. */
  private String killWhen(Process p, Path checkpoint, String phase, long done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline && p.isAlive()) {
      JsonNode cp = read(checkpoint);
      if (cp != null && cp.path("phase").asText().equals(phase) && cp.path("done").asLong() >= done) {
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return read(checkpoint).path("phase").asText();
      }
      Thread.sleep(20);
    }
    p.destroyForcibly();
    throw new AssertionError("the run never reached " + phase + " " + done + " (alive: " + p.isAlive() + "); stderr: "
        + Files.readString(dir.resolve("run1.err")));
  }

  private static JsonNode read(Path checkpoint) {
    try {
      return Files.exists(checkpoint) ? JSON.readTree(checkpoint.toFile()) : null;
    } catch (IOException e) {
      return null; // replaced while read: try again
    }
  }

  private Process start(List<String> args, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
    b.environment().put("IMFACADE_HOME", dir.toString());
    b.environment().remove("IMFACADE_CONFIG");
    return b.start();
  }

  private static Map<String, String> contacts(ImClient im, String user) {
    return im.contacts().allContacts(user)
        .collect(Collectors.toMap(Contact::userId, c -> String.valueOf(c.remark()), (a, b) -> a, TreeMap::new));
  }

  private static List<String> plus(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  private Path properties(String name, Map<String, String> config) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
        StandardCharsets.UTF_8);
    return file;
  }

  private static Map<String, String> neteaseConfig(String rate) {
    return Map.of("provider", "netease", "netease.baseUrl", NETEASE.baseUrl(), "netease.appKey", "killappkey",
        "netease.appSecret", "kill-netease-secret", "rateLimit.requestsPerSecond", rate);
  }

  private static Map<String, String> easemobConfig(String rate) {
    return Map.of("provider", "easemob", "easemob.baseUrl", EASEMOB.baseUrl(), "easemob.orgName", "org",
        "easemob.appName", "app", "easemob.clientId", "kill-client", "easemob.clientSecret", "kill-easemob-secret",
        "rateLimit.requestsPerSecond", rate);
  }
}
