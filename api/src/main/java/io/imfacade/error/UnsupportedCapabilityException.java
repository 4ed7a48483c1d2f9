package io.imfacade.error;

import io.imfacade.Capability;
import java.util.Objects;

/**
 * The provider does not offer this operation at all: it is missing from
 * {@link io.imfacade.ImClient#capabilities()}. The message says why, so that a test report or a log
 * explains the gap.
 */
public class UnsupportedCapabilityException extends ImException {

  private static final long serialVersionUID = 1L;

  private final Capability capability;

  /** A provider's refusal of {@code capability}, with the reason. */
  public UnsupportedCapabilityException(String provider, Capability capability, String reason) {
    super(
        capability + " is not supported: " + reason,
        ErrorDetails.builder().provider(provider).operation(capability.operation()).build());
    this.capability = Objects.requireNonNull(capability, "capability");
  }

  /** The missing capability. */
  public Capability capability() {
    return capability;
  }
}
