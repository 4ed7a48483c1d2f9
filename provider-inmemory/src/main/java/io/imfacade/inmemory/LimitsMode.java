package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.error.UnsupportedCapabilityException;
import io.imfacade.spi.VendorLimits;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The values of {@code inmemory.limits}: a limits table plus the capabilities the emulated vendor
 * offers, so that a test of code that needs, say, custom profile attributes fails under {@code
 * portable} as it would on NetEase.
 */
enum LimitsMode {
  PORTABLE(VendorLimits.PORTABLE,
      "NetEase user cards have no custom attributes; inmemory.limits=portable emulates what every vendor offers",
      "NetEase has no query for the storage all user attributes take; inmemory.limits=portable emulates what every vendor offers"),
  EASEMOB(VendorLimits.EASEMOB, null, null),
  SHENGWANG(VendorLimits.SHENGWANG, null, null),
  NETEASE(VendorLimits.NETEASE,
      "NetEase user cards have no custom attributes (inmemory.limits=netease)",
      "NetEase has no query for the storage all user attributes take (inmemory.limits=netease)"),
  NONE(VendorLimits.NONE, null, null);

  private final VendorLimits limits;
  private final Map<Capability, String> missing;
  private final Set<Capability> capabilities;

  LimitsMode(VendorLimits limits, String noCustomAttributes, String noTotalSize) {
    this.limits = limits;
    EnumMap<Capability, String> reasons = new EnumMap<>(Capability.class);
    if (noCustomAttributes != null) {
      reasons.put(Capability.PROFILE_CUSTOM_ATTRIBUTES, noCustomAttributes);
    }
    if (noTotalSize != null) {
      reasons.put(Capability.PROFILE_TOTAL_SIZE, noTotalSize);
    }
    this.missing = Collections.unmodifiableMap(reasons);
    EnumSet<Capability> offered = EnumSet.allOf(Capability.class);
    offered.removeAll(reasons.keySet());
    this.capabilities = Collections.unmodifiableSet(offered);
  }

  /** The configuration value, such as {@code portable}. */
  String configValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static LimitsMode ofConfigValue(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  VendorLimits limits() {
    return limits;
  }

  Set<Capability> capabilities() {
    return capabilities;
  }

  /** Refuses an operation the emulated vendor does not offer, saying why. */
  void require(Capability capability) {
    String reason = missing.get(capability);
    if (reason != null) {
      throw new UnsupportedCapabilityException(InMemoryProvider.ID, capability, reason);
    }
  }
}
