package io.imfacade.spi;

import io.imfacade.ImConfig;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One configuration key a provider reads, as its {@link ProviderMetadata} declares it.
 *
 * @param name the key, starting with the provider id and a dot, such as {@code easemob.baseUrl}
 * @param required whether a client cannot be opened without it (a key needed only in one of two
 *     alternatives, such as a secret or a fixed token, is not required here: the provider says
 *     which combination it needs)
 * @param description what it means, for help texts
 * @param defaultValue the value used when it is absent, or null
 */
public record ConfigKey(String name, boolean required, String description, @Nullable String defaultValue) {

  /** Checks the name and description. */
  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (name.isBlank() || name.indexOf('.') < 1) {
      throw new IllegalArgumentException("a provider's key is namespaced, such as 'acme.baseUrl': " + name);
    }
  }

  /** A required key. */
  public static ConfigKey required(String name, String description) {
    return new ConfigKey(name, true, description, null);
  }

  /** An optional key without default. */
  public static ConfigKey optional(String name, String description) {
    return new ConfigKey(name, false, description, null);
  }

  /** An optional key with a default value. */
  public static ConfigKey withDefault(String name, String defaultValue, String description) {
    return new ConfigKey(name, false, description, Objects.requireNonNull(defaultValue, "defaultValue"));
  }

  /** Whether its value is a secret: never shown in messages, logs or {@code toString()}. */
  public boolean secret() {
    return ImConfig.isSecretKey(name);
  }
}
