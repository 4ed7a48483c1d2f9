package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.imfacade.ImClient;
import io.imfacade.error.AuthenticationException;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.tenant.ImTenants;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code imfacade.tenants.refresh-after}, a secret rotated in the database is picked up by the
 * tenant's own use, with no call to {@code refresh}.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
    "spring.sql.init.schema-locations=classpath:tenants-schema.sql",
    "spring.sql.init.data-locations=classpath:tenants-data.sql",
    "imfacade.tenants.refresh-after=100ms"})
@Import(JdbcTenantRepository.class)
class TenantRefreshAfterTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("acme-org", "acme-app")
      .clientCredentials("YXA6acme-client", "acme-secret")
      .build();

  @Autowired
  ImTenants tenants;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aRotatedSecretIsPickedUpByUseAlone() {
    jdbc.update("UPDATE im_tenant SET base_url = ? WHERE tenant_id = 'acme'", SIM.baseUrl());
    SIM.simulator().createUsers("wile");
    ImClient acme = tenants.client("acme");
    assertThatThrownBy(() -> acme.profiles().get("wile")).isInstanceOf(AuthenticationException.class);

    jdbc.update("UPDATE im_tenant SET client_secret = 'acme-secret' WHERE tenant_id = 'acme'");

    // Each use at least 100 ms after the last read starts a background read of the database.
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreException(AuthenticationException.class)
        .untilAsserted(() -> assertThat(acme.profiles().get("wile")).isEmpty());
  }
}
