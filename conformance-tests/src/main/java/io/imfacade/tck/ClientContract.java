package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.account.Credential;
import io.imfacade.account.Registration;
import io.imfacade.account.UserAccounts;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.group.GroupMemberAttributes;
import io.imfacade.group.Groups;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfileService;
import io.imfacade.spi.ProviderMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link ImClient} itself: what it says about itself ({@link ImClient#provider()},
 * {@link ImClient#capabilities()}, {@link ImClient#metadata()}) matches what it does, and after
 * {@link ImClient#close()} every call fails with an {@link IllegalStateException}.
 */
public abstract class ClientContract extends ContractSupport {

  @Test
  void providerIdIsLowerCaseWithoutDots() {
    assertThat(client().provider()).matches("[a-z0-9_-]+");
  }

  /**
   * A declared capability works; an undeclared one is refused with an {@link
   * UnsupportedCapabilityException} that names it and the provider. Both halves are assertions:
   * this test never skips.
   */
  @ParameterizedTest
  @EnumSource(Capability.class)
  void capabilityDeclarationMatchesBehaviour(Capability capability) {
    if (!client().capabilities().contains(capability)) {
      UnsupportedCapabilityException refusal = assertRefused(capability);
      assertThat(refusal.provider()).as("provider of the refusal").contains(providerId());
      assertThat(refusal.getMessage()).as("message of the refusal").contains(capability.name());
      return;
    }
    switch (capability) {
      case PROFILE_TOTAL_SIZE:
        assertThat(client().profiles().totalSizeBytes()).isNotNegative();
        break;
      case PROFILE_CUSTOM_ATTRIBUTES:
        client().profiles().update(alice(), ProfileUpdate.builder().customAttribute("tck_k", "v").build());
        assertThat(client().profiles().get(alice()).orElseThrow().customAttributes()).containsEntry("tck_k", "v");
        break;
      case GROUP_MEMBER_ATTRIBUTES:
        String group = createGroup(alice(), List.of(bob()));
        assertThat(client().groupMemberAttributes().get(group, bob())).isEmpty();
        break;
      case CONTACT_REMARK:
        client().contacts().addContact(alice(), bob());
        client().contacts().setRemark(alice(), bob(), "r");
        break;
      case BLOCK_LIST:
        assertThat(client().contacts().blocked(alice(), PageRequest.first(10)).items()).isEmpty();
        break;
      case ACCOUNT_DELETE:
        String doomed = newUserId("del");
        client().accounts().register(Registration.of(doomed, TCK_PASSWORD));
        client().accounts().delete(doomed);
        assertThat(client().accounts().exists(doomed)).as("a deleted user exists").isFalse();
        break;
      case ACCOUNT_PASSWORD:
        client().accounts().setPassword(alice(), TCK_PASSWORD);
        break;
      case ACCOUNT_TOKEN:
        assertThat(client().accounts().issueToken(alice(), Duration.ofMinutes(10)).kind())
            .isEqualTo(Credential.Kind.TOKEN);
        break;
      default:
        throw new AssertionError("the TCK does not know " + capability + ": update the TCK");
    }
  }

  @Test
  void servicesAreAvailable() {
    assertThat(client().profiles()).isNotNull();
    assertThat(client().groupMemberAttributes()).isNotNull();
    assertThat(client().contacts()).isNotNull();
    assertThat(client().accounts()).isNotNull();
    assertThat(client().groups()).isNotNull();
  }

  /** The metadata the contracts read the limits from is the client's own, and agrees with it. */
  @Test
  void metadataDescribesThisClient() {
    ProviderMetadata m = client().metadata();

    assertThat(m.id()).as("metadata().id()").isEqualTo(client().provider());
    assertThat(m.capabilities()).as("metadata().capabilities()").isEqualTo(client().capabilities());
    m.unsupported().forEach((capability, reason) ->
        assertThat(reason).as("the reason %s is not offered", capability).isNotBlank());
    assertThat(m.limits()).as("metadata().limits()").isNotNull();
  }

  @Test
  void closingTwiceIsHarmlessAndLaterCallsThrowIllegalStateException() {
    ImClient c = client();
    c.close();
    c.close();

    assertClosed(() -> c.profiles().get(alice()), "profiles().get");
  }

  /**
   * Every operation of every service fails with an {@link IllegalStateException} after {@code
   * close()}, the services fetched before it included, whatever the capabilities (a closed client
   * is closed before it is unsupported).
   */
  @Test
  void everyServiceThrowsIllegalStateExceptionAfterClose() {
    ImClient c = client();
    UserProfileService profiles = c.profiles();
    GroupMemberAttributes members = c.groupMemberAttributes();
    ContactGraph contacts = c.contacts();
    UserAccounts accounts = c.accounts();
    Groups groups = c.groups();
    String group = unknownGroup();
    c.close();

    for (UserProfileService p : List.of(profiles, c.profiles())) {
      assertClosed(() -> p.get(alice()), "profiles().get");
      assertClosed(() -> p.getAll(List.of(alice(), bob())), "profiles().getAll");
      assertClosed(() -> p.update(alice(), ProfileUpdate.builder().nickname("x").build()), "profiles().update");
      assertClosed(() -> p.delete(alice()), "profiles().delete");
      assertClosed(p::totalSizeBytes, "profiles().totalSizeBytes");
    }
    for (GroupMemberAttributes g : List.of(members, c.groupMemberAttributes())) {
      assertClosed(() -> g.get(group, alice()), "groupMemberAttributes().get");
      assertClosed(() -> g.get(group, List.of(alice()), List.of()), "groupMemberAttributes().get(users, keys)");
      assertClosed(() -> g.set(group, alice(), Map.of("a", "1")), "groupMemberAttributes().set");
      assertClosed(() -> g.setAll(group, Map.of(alice(), Map.of("a", "1"))), "groupMemberAttributes().setAll");
    }
    for (ContactGraph g : List.of(contacts, c.contacts())) {
      assertClosed(() -> g.addContact(alice(), bob()), "contacts().addContact");
      assertClosed(() -> g.removeContact(alice(), bob()), "contacts().removeContact");
      assertClosed(() -> g.setRemark(alice(), bob(), "r"), "contacts().setRemark");
      assertClosed(() -> g.contacts(alice(), PageRequest.first(10)), "contacts().contacts");
      assertClosed(() -> g.allContacts(alice()).count(), "contacts().allContacts");
      assertClosed(() -> g.block(alice(), List.of(bob())), "contacts().block");
      assertClosed(() -> g.unblock(alice(), bob()), "contacts().unblock");
      assertClosed(() -> g.blocked(alice(), PageRequest.first(10)), "contacts().blocked");
      assertClosed(() -> g.allBlocked(alice()).count(), "contacts().allBlocked");
    }
    for (UserAccounts a : List.of(accounts, c.accounts())) {
      assertClosed(() -> a.register(Registration.of(newUserId("late"), TCK_PASSWORD)), "accounts().register");
      assertClosed(() -> a.registerAll(List.of(Registration.of(newUserId("late")))), "accounts().registerAll");
      assertClosed(() -> a.get(alice()), "accounts().get");
      assertClosed(() -> a.exists(alice()), "accounts().exists");
      assertClosed(() -> a.delete(alice()), "accounts().delete");
      assertClosed(() -> a.setPassword(alice(), TCK_PASSWORD), "accounts().setPassword");
      assertClosed(() -> a.issueToken(alice(), Duration.ofMinutes(10)), "accounts().issueToken");
    }
    for (Groups g : List.of(groups, c.groups())) {
      assertClosed(() -> g.create(NewGroup.of(alice(), "late", List.of(bob()))), "groups().create");
      assertClosed(() -> g.get(group), "groups().get");
      assertClosed(() -> g.addMembers(group, List.of(bob())), "groups().addMembers");
      assertClosed(() -> g.removeMembers(group, List.of(bob())), "groups().removeMembers");
      assertClosed(() -> g.members(group, PageRequest.first(10)), "groups().members");
      assertClosed(() -> g.allMembers(group).count(), "groups().allMembers");
      assertClosed(() -> g.delete(group), "groups().delete");
    }
  }

  private static void assertClosed(ThrowingCallable call, String operation) {
    assertThatThrownBy(call, "%s after close()", operation).isInstanceOf(IllegalStateException.class);
  }
}
