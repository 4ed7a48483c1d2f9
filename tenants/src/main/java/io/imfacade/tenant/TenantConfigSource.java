package io.imfacade.tenant;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.tenant.internal.PropertiesSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link ImTenants} finds a tenant's configuration: the app's database, a file, a config
 * server, a secrets manager. Given a tenant id, it answers that tenant's {@link ImConfig} ({@code
 * provider} and the vendor's keys), or empty when there is no such tenant.
 *
 * <pre>{@code
 * TenantConfigSource source = tenantId -> repository.findByTenantId(tenantId)
 *     .map(row -> ImConfig.builder().provider(row.provider())
 *         .set("easemob.orgName", row.org()).set("easemob.appName", row.app())
 *         .set("easemob.clientId", row.clientId()).set("easemob.clientSecret", row.secret())
 *         .build());
 * }</pre>
 *
 * <p>The registry asks it when a tenant is first used, on {@link ImTenants#refresh(String)}, and
 * every {@link ImTenants.Builder#refreshAfter refreshAfter} interval while the tenant is in use: a
 * configuration that differs from the one in use (a rotated secret) opens a new client. It is
 * called from several threads at once, so it must be thread-safe; it is called once per opening or
 * refresh, never per call, so a database query is fine. It need not set the {@code tenant} key: the
 * registry sets it to the tenant id.
 *
 * <p>An exception it throws reaches the caller of {@link ImTenants#client(String)} as a {@link
 * ConfigurationException} that names the tenant and the exception's type, not its message (which
 * may quote a connection string), with the exception as its cause.
 */
@FunctionalInterface
public interface TenantConfigSource {

  /**
   * The configuration of {@code tenantId}, or empty if there is no such tenant.
   *
   * @param tenantId a non-blank tenant id
   */
  Optional<ImConfig> config(String tenantId);

  /**
   * A source from a function that answers a tenant's flat configuration map ({@code provider},
   * {@code easemob.appName}, ...), such as a row of the app's table turned into a map. A null or
   * empty map means no such tenant.
   */
  static TenantConfigSource fromMaps(Function<String, ? extends @Nullable Map<String, String>> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    return tenantId -> {
      Map<String, String> map = lookup.apply(tenantId);
      return map == null || map.isEmpty() ? Optional.empty() : Optional.of(ImConfig.of(map));
    };
  }

  /**
   * A source over {@link Properties} with a block per tenant under {@code tenants.<id>.}:
   *
   * <pre>
   * tenants.acme.provider=easemob
   * tenants.acme.easemob.appKey=1100220101#acme
   * tenants.globex.provider=netease
   * </pre>
   *
   * <p>A tenant exists when it has at least one key. Tenant ids cannot contain a {@code .} here (it
   * would be ambiguous with the keys): such an id is unknown. The properties are read on each
   * lookup, so a change to them is picked up by the next refresh.
   */
  static TenantConfigSource fromProperties(Properties properties) {
    return fromProperties(properties, PropertiesSource.DEFAULT_PREFIX);
  }

  /**
   * Like {@link #fromProperties(Properties)}, with another prefix than {@code tenants.}; a prefix
   * that does not end with a dot gets one.
   */
  static TenantConfigSource fromProperties(Properties properties, String prefix) {
    Objects.requireNonNull(properties, "properties");
    return PropertiesSource.of(() -> properties, prefix);
  }

  /**
   * Like {@link #fromProperties(Properties)}, from a {@code .properties} file (UTF-8) that is read
   * again on each lookup, so that an edited file (a rotated secret) is picked up by the next
   * refresh.
   *
   * @throws ConfigurationException from a lookup when the file cannot be read
   */
  static TenantConfigSource fromFile(Path file) {
    return fromFile(file, PropertiesSource.DEFAULT_PREFIX);
  }

  /** Like {@link #fromFile(Path)}, with another prefix than {@code tenants.}. */
  static TenantConfigSource fromFile(Path file, String prefix) {
    Objects.requireNonNull(file, "file");
    return PropertiesSource.of(() -> PropertiesSource.load(file), prefix);
  }
}
