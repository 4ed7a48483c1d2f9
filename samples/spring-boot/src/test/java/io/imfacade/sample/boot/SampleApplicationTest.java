package io.imfacade.sample.boot;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The sample as a user would call it: its three lines of YAML, the in-memory provider, MockMvc. */
@SpringBootTest
@AutoConfigureMockMvc
class SampleApplicationTest {

  @Autowired
  MockMvc mvc;

  @Test
  void putThenGetAProfile() throws Exception {
    mvc.perform(put("/users/alice/profile").contentType(MediaType.APPLICATION_JSON)
            .content("{\"nickname\":\"Alice\",\"gender\":\"FEMALE\",\"customAttributes\":{\"city\":\"Hangzhou\"}}"))
        .andExpect(status().isOk())
        .andExpect(content().json(
            "{\"userId\":\"alice\",\"nickname\":\"Alice\",\"gender\":\"FEMALE\",\"customAttributes\":{\"city\":\"Hangzhou\"}}",
            JsonCompareMode.STRICT));

    mvc.perform(get("/users/ALICE/profile"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userId").value("alice"))
        .andExpect(jsonPath("$.nickname").value("Alice"));
  }

  @Test
  void aUserWithoutProfileIsAProblem404() throws Exception {
    mvc.perform(get("/users/nobody/profile"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:imfacade:problem:not-found"))
        .andExpect(jsonPath("$.provider").value("inmemory"));
  }

  @Test
  void aBadRequestIsAProblem400NamingTheField() throws Exception {
    mvc.perform(put("/users/bob/profile").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:imfacade:problem:invalid-request"))
        .andExpect(jsonPath("$.provider").value("inmemory"))
        .andExpect(jsonPath("$.operation").value("profiles.update"));
  }

  @Test
  void theHealthOfTheClientIsUp() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
  }
}
