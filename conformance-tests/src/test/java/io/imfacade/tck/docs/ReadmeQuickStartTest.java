package io.imfacade.tck.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.account.Account;
import io.imfacade.account.Registration;
import io.imfacade.contact.Contact;
import io.imfacade.group.Group;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;
import io.imfacade.tck.remote.EasemobFamilyHarness;
import io.imfacade.tck.remote.NeteaseHarness;
import io.imfacade.tck.remote.Simulators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's quick start (issue 11: "the same code passes against in-memory and both vendor
 * simulators"): two users sign up, get a group, member attributes, profiles and each other as
 * contacts, and it is all read back. The code between the {@code README quick start} markers is
 * the README's, line for line (a check in the build compares them); it uses nothing but {@code
 * ImClient im}, so it runs unchanged on every provider. The lines it prints are the README's
 * comments, checked here.
 */
class ReadmeQuickStartTest {

  @RegisterExtension
  static final EasemobSimulatorExtension EASEMOB = Simulators.easemob();

  @RegisterExtension
  static final NeteaseSimulatorExtension NETEASE = Simulators.netease();

  /** What the quick start prints, as the README's comments say. */
  private static final List<String> PRINTED = List.of("[alice, bob]", "{role=member}", "Bob", "[alice]");

  @SuppressWarnings("unused")  // alice: the README shows where the credential is
  static void quickStart(ImClient im) {
    // README quick start: begin
    // Sign-up: each user gets an account at the vendor. Without a password, the provider
    // generates one, or the vendor issues a login token: alice.credential(), given only here.
    Account alice = im.accounts().register(Registration.of("alice"));
    im.accounts().register(Registration.of("bob", "Bob-pw-2025"));

    // Alice creates a club with Bob in it; the vendor issues the group's id.
    Group club = im.groups().create(NewGroup.of("alice", "Hiking club", List.of("bob")));

    // Their roles in the club, their profiles, and each other as contacts.
    im.groupMemberAttributes().set(club.groupId(), "alice", Map.of("role", "organiser"));
    im.groupMemberAttributes().set(club.groupId(), "bob", Map.of("role", "member"));
    im.profiles().update("alice", ProfileUpdate.builder().nickname("Alice").build());
    im.profiles().update("bob", ProfileUpdate.builder().nickname("Bob").build());
    im.contacts().addContact("alice", "bob");

    // Read it back.
    System.out.println(im.groups().allMembers(club.groupId()).sorted().toList());       // [alice, bob]
    System.out.println(im.groupMemberAttributes().get(club.groupId(), "bob"));          // {role=member}
    System.out.println(im.profiles().get("bob").orElseThrow().nickname());              // Bob
    System.out.println(im.contacts().allContacts("bob").map(Contact::userId).toList()); // [alice]
    // README quick start: end
  }

  @Test
  void theQuickStartRunsOnTheInMemoryProvider() {
    try (ImClient im = ImFacade.open(Map.of("provider", "inmemory"))) {
      assertTheStoryHolds(im);
    }
  }

  /** Needs the easemob provider's accounts and groups (issue 11). */
  @Test
  void theQuickStartRunsOnTheEasemobSimulator() {
    try (ImClient im = EasemobFamilyHarness.easemob(EASEMOB).openClient()) {
      assertTheStoryHolds(im);
    }
  }

  /** Needs the netease provider's accounts and groups (issue 11). */
  @Test
  void theQuickStartRunsOnTheNeteaseSimulator() {
    try (ImClient im = new NeteaseHarness(NETEASE).openClient()) {
      assertTheStoryHolds(im);
    }
  }

  /**
   * The README shows this very code: the body of its {@code quickStart} method between the {@code
   * quick start} markers equals the lines between this class's markers (indentation aside). The
   * README's class around it (imports, main) compiles as written with imfacade-api.
   */
  @Test
  void theReadmeShowsExactlyThisCode() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int block = readme.indexOf("<!-- quick start: begin -->");
    assertThat(block).as("the README's quick start markers").isNotNegative();
    int start = indexOf(readme, block, "static void quickStart(ImClient im) {") + 1;
    int end = indexOf(readme, start, "  }");
    List<String> shown = stripped(readme.subList(start, end));

    List<String> source = Files.readAllLines(
        Path.of("src/test/java/io/imfacade/tck/docs/ReadmeQuickStartTest.java"), StandardCharsets.UTF_8);
    int from = indexOf(source, 0, "// README quick start: begin") + 1;
    int to = indexOf(source, from, "// README quick start: end");
    assertThat(shown).as("README.md quick start vs ReadmeQuickStartTest").isEqualTo(stripped(source.subList(from, to)));
  }

  private static int indexOf(List<String> lines, int from, String trimmed) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(trimmed.strip()) && lines.get(i).startsWith(trimmed.startsWith("  }") ? "  }" : "")) {
        return i;
      }
    }
    throw new AssertionError("no line '" + trimmed + "' after line " + from);
  }

  private static List<String> stripped(List<String> lines) {
    return lines.stream().map(String::strip).collect(Collectors.toList());
  }

  /** Runs the quick start, checks what it printed, then reads the state back on its own. */
  private static void assertTheStoryHolds(ImClient im) {
    assertThat(printedBy(() -> quickStart(im))).isEqualTo(PRINTED);

    assertThat(im.accounts().exists("alice")).isTrue();
    assertThat(im.accounts().exists("bob")).isTrue();
    assertThat(im.profiles().get("alice").orElseThrow().nickname()).isEqualTo("Alice");
    assertThat(im.contacts().allContacts("alice").map(Contact::userId)).containsExactly("bob");
  }

  /**
   * The lines {@code action} prints on {@code System.out}. The tests of this module run one at a
   * time, so swapping the stream for the call is safe; it is put back whatever happens.
   */
  private static List<String> printedBy(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    synchronized (System.class) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        action.run();
      } finally {
        System.setOut(original);
      }
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
