package io.imfacade.http;

import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.spi.Validation;
import io.imfacade.spi.VendorLimits;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The shared {@link Validation} checks of a remote provider, bound to its vendor's limits, with the
 * provider and the operation attached to every failure. User ids come out in lower case: every
 * built-in vendor treats them case-insensitively. Immutable and thread-safe.
 */
public final class InputChecks {

  private final String provider;
  private final VendorLimits limits;

  /** Checks for {@code provider} against {@code limits}. */
  public InputChecks(String provider, VendorLimits limits) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** The limits checked against. */
  public VendorLimits limits() {
    return limits;
  }

  /** A valid user id, in lower case. */
  public String user(Operation op, String field, String id) {
    try {
      return Validation.userId(field, id, limits).toLowerCase(Locale.ROOT);
    } catch (ImException e) {
      throw attach(op, e);
    }
  }

  /** Valid user ids in lower case, in order, duplicates (ignoring case) removed. */
  public List<String> users(Operation op, String field, Collection<String> ids) {
    if (ids == null) {
      throw invalid(op, field, field + " must not be null");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      distinct.add(user(op, field + " element", id));
    }
    return List.copyOf(distinct);
  }

  /** A valid group id, as given (group ids are the vendor's). */
  public String group(Operation op, String groupId) {
    try {
      return Validation.groupId("groupId", groupId, limits);
    } catch (ImException e) {
      throw attach(op, e);
    }
  }

  /** Runs one of the shared {@link Validation} checks, attaching the operation to its failure. */
  public void check(Operation op, Runnable validation) {
    try {
      validation.run();
    } catch (ImException e) {
      throw attach(op, e);
    }
  }

  /** Details naming this provider and {@code op}. */
  public ErrorDetails details(Operation op) {
    return ErrorDetails.builder().provider(provider).operation(op.name()).build();
  }

  /** A refusal of one named input. */
  public InvalidRequestException invalid(Operation op, String field, String message) {
    return new InvalidRequestException(message, field, details(op), null);
  }

  /**
   * The same failure with this provider and operation attached: the shared {@link Validation}
   * raises its exceptions without details, and a caller should still see who refused the input.
   */
  public ImException attach(Operation op, ImException e) {
    if (e.provider().isPresent()) {
      return e;
    }
    if (e instanceof InvalidRequestException) {
      return new InvalidRequestException(e.plainMessage(), ((InvalidRequestException) e).field().orElse(null),
          details(op), e);
    }
    if (e instanceof QuotaExceededException) {
      return new QuotaExceededException(e.plainMessage(), details(op), e);
    }
    return e;
  }
}
