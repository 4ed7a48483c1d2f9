package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.ImClient;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.profile.ProfileUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code imfacade.provider=inmemory} in a test profile ({@code application-inmemory.yml}) gives the
 * fake, and Boot's {@code ObjectMapper} writes the model as plain JSON.
 */
@SpringBootTest(classes = TestApplication.class)
@ActiveProfiles("inmemory")
class InMemoryProfileTest {

  @Autowired
  ImClient client;

  @Autowired
  ObjectMapper mapper;

  @Test
  void theTestProfileGivesTheInMemoryFake() {
    client.profiles().update("alice", ProfileUpdate.builder().nickname("Alice").build());

    assertThat(client.provider()).isEqualTo("inmemory");
    assertThat(InMemoryImClient.of(client).limits()).isNotNull();
    assertThat(client.profiles().get("alice")).isPresent();
  }

  @Test
  void bootsObjectMapperHasTheImfacadeModule() throws Exception {
    client.profiles().update("bob", ProfileUpdate.builder().nickname("Bob").build());

    String json = mapper.writeValueAsString(client.profiles().get("bob").orElseThrow());

    assertThat(json).isEqualTo("{\"userId\":\"bob\",\"nickname\":\"Bob\"}");
  }
}
