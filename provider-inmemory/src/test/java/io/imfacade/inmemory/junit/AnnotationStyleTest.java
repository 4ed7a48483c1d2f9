package io.imfacade.inmemory.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImClient;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.inmemory.vendors.VendorA;
import io.imfacade.inmemory.vendors.VendorB;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Style 2: the composed {@code @InMemoryIm} annotation with settings. */
@InMemoryIm(limits = "vendor-a", users = {"alice", "Bob"})
class AnnotationStyleTest {

  @Test
  void classSettingsApply(InMemoryImClient im) {
    assertThat(im.limits()).isSameAs(VendorA.LIMITS);
    assertThat(im.accounts().exists("alice")).isTrue();
    assertThat(im.accounts().exists("bob")).isTrue();
    assertThat(im.accounts().exists("carol")).isFalse();
    im.contacts().addContact("alice", "bob");
  }

  @Test
  @InMemoryIm(limits = "vendor-b", autoUsers = true)
  void methodSettingsReplaceClassSettings(ImClient im) {
    assertThat(InMemoryImClient.of(im).limits()).isSameAs(VendorB.LIMITS);
    im.contacts().addContact("carol@example", "dave");
    assertThat(im.contacts().allContacts("dave")).hasSize(1);
  }

  @Nested
  class Inner {
    @Test
    void enclosingClassSettingsApply(InMemoryImClient im) {
      assertThat(im.limits()).isSameAs(VendorA.LIMITS);
      assertThat(im.accounts().exists("bob")).isTrue();
      assertThat(im.contacts().allContacts("alice")).as("fresh client").isEmpty();
    }
  }
}
