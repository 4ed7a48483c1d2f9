package io.imfacade.error;

import io.imfacade.spi.CallContext;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where and how a failure happened: the provider, the neutral operation, and what the vendor said.
 *
 * <p>Immutable. Built with {@link #builder()}; every field is optional. A vendor's token, signature
 * or secret never belongs here: callers put only the vendor's error code, its message and its
 * request id.
 */
public final class ErrorDetails {

  private static final ErrorDetails NONE = new ErrorDetails(builder(), false);

  private final String provider;
  private final String tenant;
  private final String operation;
  private final int httpStatus;
  private final String vendorCode;
  private final String vendorMessage;
  private final String requestId;
  private final boolean retryable;

  private ErrorDetails(Builder b, boolean tenantOfTheCall) {
    this.provider = b.provider;
    this.tenant = b.tenant != null || !tenantOfTheCall ? b.tenant : CallContext.currentTenant();
    this.operation = b.operation;
    this.httpStatus = b.httpStatus;
    this.vendorCode = b.vendorCode;
    this.vendorMessage = b.vendorMessage;
    this.requestId = b.requestId;
    this.retryable = b.retryable;
  }

  /** Details that say nothing beyond the exception's message. */
  public static ErrorDetails none() {
    return NONE;
  }

  /** A new builder with no field set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this object's fields, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .provider(provider)
        .tenant(tenant)
        .operation(operation)
        .httpStatus(httpStatus)
        .vendorCode(vendorCode)
        .vendorMessage(vendorMessage)
        .requestId(requestId)
        .retryable(retryable);
  }

  /** The provider id, such as {@code easemob}. */
  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * The tenant label of the client that failed ({@code tenant} in its configuration). Taken from
   * the call in progress when the exception was built, so every failure of a call names it.
   */
  public Optional<String> tenant() {
    return Optional.ofNullable(tenant);
  }

  /** The neutral operation, such as {@code profiles.update}. */
  public Optional<String> operation() {
    return Optional.ofNullable(operation);
  }

  /** The HTTP status of the vendor's answer, if there was one. */
  public OptionalInt httpStatus() {
    return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
  }

  /** The vendor's error code: Easemob's {@code error}, NetEase's body {@code code}. */
  public Optional<String> vendorCode() {
    return Optional.ofNullable(vendorCode);
  }

  /** The vendor's error text: Easemob's {@code error_description}, NetEase's {@code desc}. */
  public Optional<String> vendorMessage() {
    return Optional.ofNullable(vendorMessage);
  }

  /** The vendor's request or trace id, for support tickets. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Whether the same call may succeed if tried again later. */
  public boolean retryable() {
    return retryable;
  }

  /** A one-line summary such as {@code [easemob] profiles.update: HTTP 400 metadata_error "..."}. */
  String describe(String message) {
    StringBuilder sb = new StringBuilder();
    if (provider != null || operation != null) {
      sb.append('[').append(provider == null ? "?" : provider);
      if (tenant != null) {
        sb.append(" tenant=").append(tenant);
      }
      sb.append(']');
      if (operation != null) {
        sb.append(' ').append(operation);
      }
      sb.append(": ");
    }
    sb.append(message == null ? "failed" : message);
    if (httpStatus > 0) {
      sb.append(" (HTTP ").append(httpStatus).append(')');
    }
    if (vendorCode != null) {
      sb.append(" [vendor code ").append(vendorCode);
      if (vendorMessage != null) {
        sb.append(": ").append(vendorMessage);
      }
      sb.append(']');
    } else if (vendorMessage != null) {
      sb.append(" [vendor message: ").append(vendorMessage).append(']');
    }
    if (requestId != null) {
      sb.append(" [request id ").append(requestId).append(']');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ErrorDetails)) {
      return false;
    }
    ErrorDetails that = (ErrorDetails) o;
    return httpStatus == that.httpStatus
        && retryable == that.retryable
        && Objects.equals(provider, that.provider)
        && Objects.equals(tenant, that.tenant)
        && Objects.equals(operation, that.operation)
        && Objects.equals(vendorCode, that.vendorCode)
        && Objects.equals(vendorMessage, that.vendorMessage)
        && Objects.equals(requestId, that.requestId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, tenant, operation, httpStatus, vendorCode, vendorMessage, requestId, retryable);
  }

  @Override
  public String toString() {
    return "ErrorDetails" + describe("");
  }

  /** Builds {@link ErrorDetails}. Not thread-safe. */
  public static final class Builder {
    private String provider;
    private String tenant;
    private String operation;
    private int httpStatus;
    private String vendorCode;
    private String vendorMessage;
    private String requestId;
    private boolean retryable;

    private Builder() {}

    /** The provider id. */
    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    /** The tenant label (default: the tenant of the call in progress on this thread). */
    public Builder tenant(String tenant) {
      this.tenant = tenant;
      return this;
    }

    /** The neutral operation name. */
    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    /** The HTTP status; 0 or less means none. */
    public Builder httpStatus(int httpStatus) {
      this.httpStatus = Math.max(0, httpStatus);
      return this;
    }

    /** The vendor's error code. */
    public Builder vendorCode(String vendorCode) {
      this.vendorCode = vendorCode;
      return this;
    }

    /** The vendor's error message. */
    public Builder vendorMessage(String vendorMessage) {
      this.vendorMessage = vendorMessage;
      return this;
    }

    /** The vendor's request id. */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** Whether a later retry may succeed. */
    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /** The immutable details. */
    public ErrorDetails build() {
      return new ErrorDetails(this, true);
    }
  }
}
