package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every contract: opens a client through the {@link ProviderHarness} before each test,
 * seeds three users ({@link #alice()}, {@link #bob()}, {@link #carol()}), and closes both after the
 * test.
 *
 * <p>The harness is checked here once for all contracts: a null harness, an {@code openClient()}
 * that throws or returns null, a client of another provider, or seeding that fails makes the test
 * <em>fail</em> with a message that says what is wrong. It never makes a test skip, so a broken
 * harness cannot pass for a provider that lacks features.
 */
public abstract class ContractSupport {

  /**
   * A password every built-in vendor accepts: ASCII letters, digits and {@code -}, 12 characters
   * (Easemob allows letters, digits and some punctuation, up to 64; NetEase's login token up to 128).
   */
  protected static final String TCK_PASSWORD = "Tck-pw-2025x";

  private ProviderHarness harness;
  private ImClient client;
  private String providerId;
  private String alice;
  private String bob;
  private String carol;

  /** The harness of the provider under test; called once per test. */
  protected abstract ProviderHarness harness();

  /**
   * Gets the harness, opens the client, checks that it belongs to the harness's provider, and
   * seeds {@link #alice()}, {@link #bob()} and {@link #carol()}. Any problem fails the test.
   */
  @BeforeEach
  protected final void openClientThroughHarness() {
    String testClass = getClass().getName();
    ProviderHarness h = harnessCall(() -> harness(), testClass + ".harness()");
    if (h == null) {
      throw misconfigured(testClass + ".harness() returned null: the TCK needs a ProviderHarness", null);
    }
    harness = h;
    String id = harnessCall(h::providerId, "harness.providerId()");
    if (id == null || id.isBlank()) {
      throw misconfigured("harness.providerId() of " + h.getClass().getName() + " returned '" + id + "'", null);
    }
    providerId = id;
    ImClient c = harnessCall(h::openClient, "harness.openClient() for provider '" + id + "'");
    if (c == null) {
      throw misconfigured("harness.openClient() for provider '" + id + "' returned null", null);
    }
    client = c;
    String actual = c.provider();
    if (!id.equals(actual)) {
      throw misconfigured("the harness is for provider '" + id + "' but openClient() returned a client of provider '"
          + actual + "' (" + c.getClass().getName() + ")", null);
    }
    Set<Capability> capabilities = c.capabilities();
    assertThat(capabilities).as("client.capabilities() of provider '%s'", id).isNotNull();
    // The contracts read limits and capabilities from here: a provider without it cannot be tested.
    ProviderMetadata metadata = c.metadata();
    assertThat(metadata).as("client.metadata() of provider '%s'", id).isNotNull();
    assertThat(metadata.limits()).as("client.metadata().limits() of provider '%s'", id).isNotNull();
    alice = TestIds.user("alice");
    bob = TestIds.user("bob");
    carol = TestIds.user("carol");
    seedUsers(List.of(alice, bob, carol));
  }

  /** Closes the client, then the harness. */
  @AfterEach
  protected final void closeClientAndHarness() {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (harness != null) {
        harness.close();
      }
    }
  }

  /** The client of this test. */
  protected final ImClient client() {
    return client;
  }

  /** The harness of this test (the one {@link #harness()} returned). */
  protected final ProviderHarness activeHarness() {
    return harness;
  }

  /** What the client declares: its capabilities and the limits it enforces ({@link ImClient#metadata()}). */
  protected final ProviderMetadata metadata() {
    return client.metadata();
  }

  /** The limits the client declares, in the vendor's units. */
  protected final VendorLimits limits() {
    return client.metadata().limits();
  }

  /** The id of the provider under test. */
  protected final String providerId() {
    return providerId;
  }

  /** A user that exists, unique to this test. */
  protected final String alice() {
    return alice;
  }

  /** A second user that exists, unique to this test. */
  protected final String bob() {
    return bob;
  }

  /** A third user that exists, unique to this test. */
  protected final String carol() {
    return carol;
  }

  /** A well-formed user id that was never created. */
  protected final String unknownUser() {
    return TestIds.user("ghost");
  }

  /** A well-formed user id, unique to this test, of a user not created yet: for registering. */
  protected final String newUserId(String label) {
    return TestIds.user(label);
  }

  /** A well-formed group id that was never created. */
  protected final String unknownGroup() {
    return TestIds.group();
  }

  /**
   * Creates {@code count} new users, unique to this test, through the harness.
   *
   * @param label a few lower-case letters that show in the ids, for the reader of a failure
   */
  protected final List<String> createUsers(String label, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(TestIds.user(label));
    }
    seedUsers(ids);
    return ids;
  }

  /**
   * Creates a new group owned by {@code owner} with these members through the harness, and
   * returns the id it was given.
   */
  protected final String createGroup(String owner, Collection<String> members) {
    String what = "harness.createGroup(" + owner + ", " + members.size() + " members)";
    String groupId = harnessCall(() -> harness.createGroup(owner, List.copyOf(members)), what);
    if (groupId == null || groupId.isBlank()) {
      throw misconfigured(what + " returned '" + groupId + "': it must return the id of the group", null);
    }
    return groupId;
  }

  /**
   * Goes on only if the client declares {@code capability}. Otherwise the operation must be refused
   * with an {@link UnsupportedCapabilityException} for that capability, and the test is skipped
   * with the provider's reason. A provider that performs the operation anyway, or fails in another
   * way, fails the test.
   */
  protected final void requireCapability(Capability capability) {
    if (client.capabilities().contains(capability)) {
      return;
    }
    UnsupportedCapabilityException refusal = assertRefused(capability);
    Assumptions.abort("provider '" + providerId + "' does not offer " + capability + ": " + refusal.plainMessage());
  }

  /**
   * Calls an operation of {@code capability}, which the client does not declare, and checks that
   * it is refused the documented way.
   */
  final UnsupportedCapabilityException assertRefused(Capability capability) {
    AtomicReference<UnsupportedCapabilityException> refusal = new AtomicReference<>();
    assertThatThrownBy(probe(capability),
            "provider '%s' does not declare %s, so %s must throw UnsupportedCapabilityException",
            providerId, capability, capability.operation())
        .isInstanceOfSatisfying(UnsupportedCapabilityException.class, e -> {
          assertThat(e.capability()).as("capability of the UnsupportedCapabilityException").isEqualTo(capability);
          refusal.set(e);
        });
    return refusal.get();
  }

  /** One call of an operation of {@code capability}, with well-formed arguments. */
  private ThrowingCallable probe(Capability capability) {
    switch (capability) {
      case PROFILE_TOTAL_SIZE:
        return () -> client.profiles().totalSizeBytes();
      case PROFILE_CUSTOM_ATTRIBUTES:
        return () -> client.profiles().update(alice, ProfileUpdate.builder().customAttribute("tck_probe", "x").build());
      case GROUP_MEMBER_ATTRIBUTES:
        return () -> client.groupMemberAttributes().get(unknownGroup(), alice);
      case CONTACT_REMARK:
        return () -> client.contacts().setRemark(alice, bob, "probe");
      case BLOCK_LIST:
        return () -> client.contacts().blocked(alice, PageRequest.first(10));
      case ACCOUNT_DELETE:
        return () -> client.accounts().delete(unknownUser());
      case ACCOUNT_PASSWORD:
        return () -> client.accounts().setPassword(alice, TCK_PASSWORD);
      case ACCOUNT_TOKEN:
        return () -> client.accounts().issueToken(alice, Duration.ofMinutes(10));
      default:
        throw new AssertionError("the TCK has no probe for " + capability + ": update the TCK");
    }
  }

  /**
   * The bound of a count limit the client declares; skips the test, naming the limit, when the
   * client declares none ({@link Integer#MAX_VALUE}): what is not declared cannot be checked, and
   * a contract must never pass without checking.
   *
   * @param name the limit's name in {@link VendorLimits}, such as {@code blockListMax}
   */
  protected final int requireBounded(String name, int bound) {
    if (bound == Integer.MAX_VALUE) {
      Assumptions.abort(noLimit(name));
    }
    return bound;
  }

  /** A length limit the client declares; skips the test, naming the limit, when it is unbounded. */
  protected final LengthLimit requireBounded(String name, LengthLimit limit) {
    if (limit.isUnbounded()) {
      Assumptions.abort(noLimit(name));
    }
    return limit;
  }

  private String noLimit(String name) {
    return "provider '" + providerId + "' declares no " + name + " limit (its metadata's limits are '"
        + limits().name() + "'), so a value at and over it cannot be checked";
  }

  /**
   * Asserts that {@code call} throws an {@link InvalidRequestException} whose {@code field()} is
   * {@code field}.
   */
  protected static void assertInvalid(ThrowingCallable call, String field) {
    assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.field()).as("field() of %s", e.getMessage()).contains(field));
  }

  private void seedUsers(List<String> ids) {
    harnessCall(() -> {
      harness.createUsers(List.copyOf(ids));
      return null;
    }, "harness.createUsers(" + ids.size() + " users: " + ids.get(0) + (ids.size() > 1 ? ", ..." : "") + ")");
  }

  /**
   * Runs a call into the harness. Anything it throws, an assumption failure included, becomes an
   * {@link AssertionError}: a broken harness must fail the TCK, not skip it.
   */
  private static <T> T harnessCall(Supplier<T> call, String what) {
    try {
      return call.get();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      throw misconfigured(what + " failed: " + t, t);
    }
  }

  private static AssertionError misconfigured(String message, Throwable cause) {
    return new AssertionError("misconfigured TCK harness: " + message, cause);
  }
}
