package io.imfacade.spring.boot;

import io.imfacade.ImConfig;
import io.imfacade.tenant.TenantConfigSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application's own repository of tenants, on its own table ({@code tenants-schema.sql}), that
 * serves as the {@link TenantConfigSource} of the auto-configured {@code ImTenants}: the starter
 * needs nothing more from the application than this bean.
 */
public class JdbcTenantRepository implements TenantConfigSource {

  private final JdbcTemplate jdbc;

  public JdbcTenantRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ImConfig> config(String tenantId) {
    List<ImConfig> rows = jdbc.query(
        "SELECT provider, base_url, org_name, app_name, client_id, client_secret FROM im_tenant WHERE tenant_id = ?",
        (rs, row) -> toConfig(rs), tenantId);
    return rows.stream().findFirst();
  }

  private static ImConfig toConfig(ResultSet rs) throws SQLException {
    String provider = rs.getString("provider");
    ImConfig.Builder config = ImConfig.builder().provider(provider);
    if (provider.equals("inmemory")) {
      return config.set("inmemory.users", "auto").build();
    }
    return config
        .set("easemob.baseUrl", rs.getString("base_url"))
        .set("easemob.orgName", rs.getString("org_name"))
        .set("easemob.appName", rs.getString("app_name"))
        .set("easemob.clientId", rs.getString("client_id"))
        .set("easemob.clientSecret", rs.getString("client_secret"))
        .build();
  }
}
