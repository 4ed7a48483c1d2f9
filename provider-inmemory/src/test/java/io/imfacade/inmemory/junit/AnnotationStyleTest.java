package io.imfacade.inmemory.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImClient;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.spi.VendorLimits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Style 2: the composed {@code @InMemoryIm} annotation with settings. */
@InMemoryIm(limits = "easemob", users = {"alice", "Bob"})
class AnnotationStyleTest {

  @Test
  void classSettingsApply(InMemoryImClient im) {
    assertThat(im.limits()).isSameAs(VendorLimits.EASEMOB);
    assertThat(im.admin().userExists("alice")).isTrue();
    assertThat(im.admin().userExists("bob")).isTrue();
    assertThat(im.admin().userExists("carol")).isFalse();
    im.contacts().addContact("alice", "bob");
  }

  @Test
  @InMemoryIm(limits = "netease", autoUsers = true)
  void methodSettingsReplaceClassSettings(ImClient im) {
    assertThat(((InMemoryImClient) im).limits()).isSameAs(VendorLimits.NETEASE);
    im.contacts().addContact("carol@example", "dave");
    assertThat(im.contacts().allContacts("dave")).hasSize(1);
  }

  @Nested
  class Inner {
    @Test
    void enclosingClassSettingsApply(InMemoryImClient im) {
      assertThat(im.limits()).isSameAs(VendorLimits.EASEMOB);
      assertThat(im.admin().userExists("bob")).isTrue();
      assertThat(im.contacts().allContacts("alice")).as("fresh client").isEmpty();
    }
  }
}
