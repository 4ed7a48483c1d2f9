package io.imfacade.tenant.internal;

import io.imfacade.ImConfig;
import io.imfacade.error.ConfigurationException;
import io.imfacade.tenant.TenantConfigSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/** The per-tenant blocks of a {@link Properties} ({@code tenants.<id>.<key>}). */
public final class PropertiesSource implements TenantConfigSource {

  /** The prefix of the tenant blocks unless told otherwise. */
  public static final String DEFAULT_PREFIX = "tenants.";

  private final Supplier<Properties> properties;
  private final String prefix;

  private PropertiesSource(Supplier<Properties> properties, String prefix) {
    this.properties = properties;
    this.prefix = prefix;
  }

  /** A source over the properties {@code properties} supplies on each lookup. */
  public static PropertiesSource of(Supplier<Properties> properties, String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isBlank()) {
      throw new IllegalArgumentException("the tenant prefix must not be blank (such as 'tenants.')");
    }
    return new PropertiesSource(properties, prefix.endsWith(".") ? prefix : prefix + ".");
  }

  /**
   * The properties of a file, read now.
   *
   * @throws ConfigurationException if it cannot be read
   */
  public static Properties load(Path file) {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      // The exception's message names the file and the failure, never a value of it.
      throw new ConfigurationException("cannot read the tenant configuration file " + file + ": " + e);
    }
    return p;
  }

  @Override
  public Optional<ImConfig> config(String tenantId) {
    if (tenantId.indexOf('.') >= 0) {
      return Optional.empty();
    }
    ImConfig config = ImConfig.fromProperties(properties.get(), prefix + tenantId + ".");
    return config.keys().isEmpty() ? Optional.empty() : Optional.of(config);
  }

  @Override
  public String toString() {
    return "TenantConfigSource{properties, prefix=" + prefix + '}';
  }
}
