package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.ImClient;
import io.imfacade.error.AuthenticationException;
import io.imfacade.error.NotFoundException;
import io.imfacade.profile.ProfileUpdate;
import io.imfacade.profile.UserProfile;
import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.tenant.ImTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tenants read from a real embedded H2 database through the application's own repository bean:
 * the starter builds {@link ImTenants} on it; a secret rotated in the database is picked up by
 * {@link ImTenants#refresh}; a tenant deleted from the database is closed.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
    "spring.sql.init.schema-locations=classpath:tenants-schema.sql",
    "spring.sql.init.data-locations=classpath:tenants-data.sql"})
@Import(JdbcTenantRepository.class)
class TenantsFromDatabaseTest {

  @RegisterExtension
  static final EasemobSimulatorExtension SIM = EasemobSimulatorExtension.easemob("acme-org", "acme-app")
      .clientCredentials("YXA6acme-client", "acme-secret")
      .build();

  @Autowired
  ImTenants tenants;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ApplicationContext context;

  @Test
  void tenantsComeFromTheDatabaseAndNoSingleClientIsMadeWithoutAProvider() {
    ImClient globex = tenants.client("globex");

    globex.profiles().update("road-runner", ProfileUpdate.builder().nickname("Beep").build());

    assertThat(globex.provider()).isEqualTo("inmemory");
    assertThat(globex.profiles().get("road-runner")).get().extracting(UserProfile::nickname).isEqualTo("Beep");
    assertThat(context.getBeanNamesForType(ImClient.class)).isEmpty();
  }

  @Test
  void aSecretRotatedInTheDatabaseIsPickedUpByRefresh() {
    jdbc.update("UPDATE im_tenant SET base_url = ? WHERE tenant_id = 'acme'", SIM.baseUrl());
    SIM.simulator().createUsers("wile");
    ImClient acme = tenants.client("acme");

    assertThatThrownBy(() -> acme.profiles().get("wile"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.details().tenant()).contains("acme");
          assertThat(e.getMessage()).doesNotContain("stale-secret");
        });

    jdbc.update("UPDATE im_tenant SET client_secret = 'acme-secret' WHERE tenant_id = 'acme'");
    assertThat(tenants.refresh("acme")).isTrue();

    // The handle taken before the rotation runs on the new client.
    acme.profiles().update("wile", ProfileUpdate.builder().nickname("Coyote").build());
    assertThat(SIM.simulator().userMetadata("wile")).containsEntry("nickname", "Coyote");
    assertThat(tenants.refresh("acme")).isFalse();
  }

  @Test
  void aTenantUnknownToTheDatabaseIsNotFoundAndADeletedOneIsClosed() {
    assertThatThrownBy(() -> tenants.client("nobody")).isInstanceOf(NotFoundException.class).hasMessageContaining("nobody");

    jdbc.update("INSERT INTO im_tenant (tenant_id, provider) VALUES ('initech', 'inmemory')");
    ImClient initech = tenants.client("initech");
    initech.profiles().update("milton", ProfileUpdate.builder().nickname("Milton").build());
    assertThat(tenants.tenantIds()).contains("initech");

    jdbc.update("DELETE FROM im_tenant WHERE tenant_id = 'initech'");
    tenants.refresh("initech");

    assertThat(tenants.tenantIds()).doesNotContain("initech");
    assertThatThrownBy(() -> initech.profiles().get("milton")).isInstanceOf(NotFoundException.class);
  }
}
