package io.imfacade.error;

/**
 * The configuration is missing a key, has an unknown key or a bad value, or names a provider that is
 * not on the classpath. The message names the key and never echoes a secret's value.
 */
public class ConfigurationException extends ImException {

  private static final long serialVersionUID = 1L;

  /** A failure with a message and no further details. */
  public ConfigurationException(String message) {
    super(message);
  }

  /** A failure with a message and details. */
  public ConfigurationException(String message, ErrorDetails details) {
    super(message, details);
  }

  /** A failure with a message, details and the cause. */
  public ConfigurationException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }
}
