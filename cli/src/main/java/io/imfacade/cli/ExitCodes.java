package io.imfacade.cli;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ConflictException;
import io.imfacade.error.FeatureNotEnabledException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.RateLimitedException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.migrate.MigrationInterruptedException;
import picocli.CommandLine;

/**
 * The exit codes of the {@code imfacade} command, and the mapping from a failure to its code and
 * its stable {@code type} name (the {@code type} field of a {@code --json} error object).
 */
public final class ExitCodes {

  /** The command did what was asked. */
  public static final int OK = 0;
  /** The profile, group, member or relation asked for does not exist. */
  public static final int NOT_FOUND = 1;
  /**
   * The input or the configuration is wrong: a usage error, a value over a vendor limit, an unknown
   * provider, an operation the provider does not offer. Repeating the same command will not help.
   */
  public static final int INVALID = 2;
  /** The provider failed: authentication, rate limit, outage, conflict, or an unexpected error. */
  public static final int FAILURE = 3;

  private ExitCodes() {}

  /** The exit code for a failure. */
  public static int of(Throwable failure) {
    if (failure instanceof MigrationInterruptedException stopped && stopped.getCause() != null) {
      return of(stopped.getCause()); // an outage is a provider failure, a bad file an invalid input
    }
    if (failure instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (failure instanceof CommandLine.ParameterException
        || failure instanceof InvalidRequestException
        || failure instanceof ConfigurationException
        || failure instanceof UnsupportedCapabilityException
        // A quota is hit by input that is too big for the vendor: fix the input, do not retry.
        || failure instanceof QuotaExceededException) {
      return INVALID;
    }
    return FAILURE;
  }

  /**
   * The exit code for a failure known by the simple name of its neutral exception type, such as
   * {@code InvalidRequestException} in a migration's failures file.
   */
  static int ofType(String simpleName) {
    return switch (simpleName) {
      case "NotFoundException" -> NOT_FOUND;
      case "InvalidRequestException", "ConfigurationException", "UnsupportedCapabilityException",
          "QuotaExceededException" -> INVALID;
      default -> FAILURE;
    };
  }

  /**
   * A stable, lower-case name for the kind of failure, such as {@code not_found}. A provider's own
   * exception subclass gets the name of the built-in kind it extends.
   */
  public static String type(Throwable failure) {
    if (failure instanceof CommandLine.ParameterException) {
      return "usage";
    }
    if (failure instanceof NotFoundException) {
      return "not_found";
    }
    if (failure instanceof InvalidRequestException) {
      return "invalid_request";
    }
    if (failure instanceof ConfigurationException) {
      return "configuration";
    }
    if (failure instanceof UnsupportedCapabilityException) {
      return "unsupported_capability";
    }
    if (failure instanceof QuotaExceededException) {
      return "quota_exceeded";
    }
    if (failure instanceof AuthenticationException) {
      return "authentication";
    }
    if (failure instanceof FeatureNotEnabledException) {
      return "feature_not_enabled";
    }
    if (failure instanceof RateLimitedException) {
      return "rate_limited";
    }
    if (failure instanceof ConflictException) {
      return "conflict";
    }
    if (failure instanceof ProviderUnavailableException) {
      return "provider_unavailable";
    }
    if (failure instanceof ImException) {
      return "error";
    }
    return "internal";
  }
}
