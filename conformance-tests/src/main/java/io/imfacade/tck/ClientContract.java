package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.profile.ProfileUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link ImClient} itself: what it says about itself ({@link ImClient#provider()},
 * {@link ImClient#capabilities()}) matches what it does, and closing is safe.
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
      default:
        throw new AssertionError("the TCK does not know " + capability + ": update the TCK");
    }
  }

  @Test
  void servicesAreAvailable() {
    assertThat(client().profiles()).isNotNull();
    assertThat(client().groupMemberAttributes()).isNotNull();
    assertThat(client().contacts()).isNotNull();
  }

  @Test
  void closingTwiceIsHarmlessAndLaterCallsFail() {
    ImClient c = client();
    c.close();
    c.close();

    Throwable thrown = catchThrowable(() -> c.profiles().get(alice()));
    assertThat(thrown).as("a call after close()").isInstanceOf(RuntimeException.class);
  }
}
