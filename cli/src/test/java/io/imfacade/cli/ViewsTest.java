package io.imfacade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.contact.Contact;
import io.imfacade.profile.UserProfile;
import org.junit.jupiter.api.Test;

class ViewsTest {

  @Test
  void plainValuesAreNotQuoted() {
    assertThat(Views.quote("Alice")).isEqualTo("Alice");
    assertThat(Views.quote("https://x.test/a?b=c")).isEqualTo("https://x.test/a?b=c");
    assertThat(Views.quote("爱丽丝")).isEqualTo("爱丽丝");
  }

  @Test
  void ambiguousValuesAreQuotedAndEscaped() {
    assertThat(Views.quote("")).isEqualTo("\"\"");
    assertThat(Views.quote("a b")).isEqualTo("\"a b\"");
    assertThat(Views.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    assertThat(Views.quote("a\\b")).isEqualTo("\"a\\\\b\"");
    assertThat(Views.quote("line1\nline2\t\u0001")).isEqualTo("\"line1\\nline2\\t\\u0001\"");
  }

  @Test
  void anEmptyProfileSaysSo() {
    assertThat(Views.profileLine(UserProfile.builder("alice").build())).isEqualTo("alice  (nothing set)");
    assertThat(Views.profile(UserProfile.builder("alice").build()).toString()).isEqualTo("{\"userId\":\"alice\"}");
  }

  @Test
  void contactsShowTheirRemarkWhenSet() {
    assertThat(Views.contactLine(Contact.of("bob"))).isEqualTo("bob");
    assertThat(Views.contactLine(Contact.of("bob", "my pal"))).isEqualTo("bob  remark=\"my pal\"");
    assertThat(Views.contact(Contact.of("bob")).toString()).isEqualTo("{\"userId\":\"bob\"}");
  }
}
