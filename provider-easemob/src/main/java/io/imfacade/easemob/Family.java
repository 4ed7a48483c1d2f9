package io.imfacade.easemob;

import io.imfacade.Capability;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.ProviderUnavailableException;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.http.InputChecks;
import io.imfacade.http.Operation;
import io.imfacade.http.RestExecutor;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spi.VendorLimits;
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
  /** The input checks, with this provider and the operation attached to their failures. */
  final InputChecks checks;
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
    this.checks = new InputChecks(provider, limits);
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

  NotFoundException notFound(Operation op, String message) {
    return new NotFoundException(message, checks.details(op));
  }

  ProviderUnavailableException unexpected(Operation op, String message) {
    return new ProviderUnavailableException(message, checks.details(op).toBuilder().retryable(true).build());
  }
}
