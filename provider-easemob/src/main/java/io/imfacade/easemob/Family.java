package io.imfacade.easemob;

import io.imfacade.Capability;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.http.Operation;
import io.imfacade.http.RestExecutor;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.Validation;
import io.imfacade.spi.VendorLimits;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import retrofit2.Call;

/**
 * What the three services of one client share: the vendor's limits and capabilities, the Retrofit
 * API, the executor, and the input checks with the provider and operation attached to every
 * failure. User ids leave here in lower case: every vendor of the family treats them
 * case-insensitively.
 */
final class Family {

  /** Chunks of one batch call in flight at once; the shared rate limiter paces them anyway. */
  static final int PARALLELISM = 4;

  final String provider;
  final VendorLimits limits;
  final Set<Capability> capabilities;
  final EasemobApi api;
  final ProviderContext context;
  private final RestExecutor executor;
  private volatile boolean closed;

  Family(String provider, VendorLimits limits, Set<Capability> capabilities, EasemobApi api,
      RestExecutor executor, ProviderContext context) {
    this.provider = provider;
    this.limits = limits;
    this.capabilities = capabilities;
    this.api = api;
    this.executor = executor;
    this.context = context;
  }

  void close() {
    closed = true;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
  }

  /** Runs one HTTP call through the executor (rate limit, token, retries, error mapping). */
  <T> T call(Operation op, Function<String, Call<T>> call) {
    checkOpen();
    return executor.execute(op, call);
  }

  /** Refuses an operation of a capability this client does not offer. */
  void require(Capability capability) {
    if (!capabilities.contains(capability)) {
      throw new UnsupportedCapabilityException(provider, capability, "not offered by this " + provider + " client");
    }
  }

  /** A valid user id, in lower case. */
  String user(Operation op, String field, String id) {
    try {
      return Validation.userId(field, id, limits).toLowerCase(Locale.ROOT);
    } catch (ImException e) {
      throw attach(op, e);
    }
  }

  /** Valid user ids in lower case, in order, duplicates (ignoring case) removed. */
  List<String> users(Operation op, String field, Collection<String> ids) {
    if (ids == null) {
      throw invalid(op, field, field + " must not be null");
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String id : ids) {
      distinct.add(user(op, field + " element", id));
    }
    return List.copyOf(distinct);
  }

  /** A valid group id, as given (group ids are the vendor's, digits on Easemob). */
  String group(Operation op, String groupId) {
    try {
      return Validation.groupId("groupId", groupId, limits);
    } catch (ImException e) {
      throw attach(op, e);
    }
  }

  /** Runs one of the shared {@link Validation} checks, attaching the operation to its failure. */
  void check(Operation op, Runnable validation) {
    try {
      validation.run();
    } catch (ImException e) {
      throw attach(op, e);
    }
  }

  ErrorDetails details(Operation op) {
    return ErrorDetails.builder().provider(provider).operation(op.name()).build();
  }

  InvalidRequestException invalid(Operation op, String field, String message) {
    return new InvalidRequestException(message, field, details(op), null);
  }

  NotFoundException notFound(Operation op, String message) {
    return new NotFoundException(message, details(op));
  }

  ProviderUnavailableException unexpected(Operation op, String message) {
    return new ProviderUnavailableException(message, details(op).toBuilder().retryable(true).build());
  }

  /**
   * The same failure with this provider and operation attached: the shared {@link Validation}
   * raises its exceptions without details, and a caller should still see who refused the input.
   */
  ImException attach(Operation op, ImException e) {
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
