package io.imfacade.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.imfacade.contact.Contact;
import io.imfacade.contact.Page;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.NotFoundException;
import io.imfacade.group.BatchResult;
import io.imfacade.profile.Gender;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a plain ObjectMapper does with the model: why the module exists (and a proof that it fixes it). */
class WithoutTheModuleTest {

  private final ObjectMapper plain = new ObjectMapper();
  private final ObjectMapper withModule = new ObjectMapper().registerModule(new ImfacadeModule());

  private final UserProfile alice = UserProfile.builder("alice").nickname("Alice").gender(Gender.FEMALE).build();

  @Test
  void aProfileGetsAnEmptyPropertyAndNullsAndCannotBeReadBack() throws Exception {
    String json = plain.writeValueAsString(alice);
    assertThat(json).contains("\"empty\":false").contains("\"avatarUrl\":null");
    assertThatThrownBy(() -> plain.readValue(json, UserProfile.class)).isInstanceOf(UnrecognizedPropertyException.class);

    assertThat(withModule.writeValueAsString(alice)).isEqualTo("{\"userId\":\"alice\",\"nickname\":\"Alice\",\"gender\":\"FEMALE\"}");
  }

  @Test
  void aPageABatchResultAndErrorDetailsCannotBeWritten() throws Exception {
    Page<Contact> page = Page.of(List.of(Contact.of("bob")), "c2");
    BatchResult result = new BatchResult(Map.of("alice", Map.of("k", "v")), Map.of());
    for (Object value : new Object[] {page, result, ErrorDetails.builder().provider("easemob").build()}) {
      assertThatThrownBy(() -> plain.writeValueAsString(value)).isInstanceOf(InvalidDefinitionException.class)
          .hasMessageContaining("no properties discovered");
    }

    assertThat(withModule.writeValueAsString(page)).isEqualTo("{\"items\":[{\"userId\":\"bob\"}],\"nextCursor\":\"c2\"}");
  }

  @Test
  void aProfileUpdateLosesItsFields() throws Exception {
    ProfileUpdate update = ProfileUpdate.builder().nickname("Alice").build();
    assertThat(plain.writeValueAsString(update)).isEqualTo("{\"empty\":false}");
    assertThat(withModule.writeValueAsString(update)).isEqualTo("{\"nickname\":\"Alice\"}");
  }

  @Test
  void anExceptionShowsItsStackTraceAndCannotBeReadBack() throws Exception {
    NotFoundException e = new NotFoundException("no user bob", ErrorDetails.builder().provider("easemob").build());
    String json = plain.writeValueAsString(e);
    assertThat(json).contains("\"stackTrace\"");
    assertThatThrownBy(() -> plain.readValue(json, NotFoundException.class)).isInstanceOf(UnrecognizedPropertyException.class);

    assertThat(withModule.writeValueAsString(e)).doesNotContain("stackTrace");
  }
}
