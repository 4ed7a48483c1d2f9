package io.imfacade.inmemory;

import io.imfacade.Capability;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.error.ConfigurationException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a client enforces for each value of {@code inmemory.limits}, read from the vendor providers'
 * own {@link ProviderMetadata}, so that the fake cannot drift from the vendors it stands for:
 *
 * <ul>
 *   <li>{@code none}: every capability, {@link VendorLimits#NONE};
 *   <li>a vendor provider's id: exactly that provider's limits and missing capabilities;
 *   <li>{@code portable}: {@link VendorLimits#strictest} of all vendor providers' limits, without
 *       any capability one of them lacks.
 * </ul>
 */
final class Emulation {

  static final String PORTABLE = "portable";
  static final String NONE = "none";

  private static final ErrorDetails DETAILS = ErrorDetails.builder().provider(InMemoryProvider.ID).build();

  /** {@code portable} of the providers on the classpath, which ImFacade finds once per JVM: computed once. */
  private static final class PortableHolder {
    static final Optional<ProviderMetadata> VALUE = portableOfClasspath();

    private static Optional<ProviderMetadata> portableOfClasspath() {
      Map<String, ProviderMetadata> vendors = vendors();
      return vendors.isEmpty() ? Optional.empty() : Optional.of(portable(InMemoryProvider.METADATA, vendors));
    }
  }

  private Emulation() {}

  /** The metadata a client opened with {@code config} enforces. */
  static ProviderMetadata metadata(ProviderMetadata declared, ImConfig config) {
    String mode = config.get(InMemoryProvider.LIMITS).orElse(PORTABLE).toLowerCase(Locale.ROOT);
    if (mode.equals(NONE)) {
      return declared;
    }
    if (mode.equals(PORTABLE)) {
      return PortableHolder.VALUE.orElseThrow(Emulation::noVendor);
    }
    Map<String, ProviderMetadata> vendors = vendors();
    ProviderMetadata vendor = vendors.get(mode);
    if (vendor == null) {
      List<String> allowed = new ArrayList<>(List.of(PORTABLE, NONE));
      allowed.addAll(vendors.keySet());
      throw new ConfigurationException("configuration key '" + InMemoryProvider.LIMITS + "' must be '" + PORTABLE
          + "', '" + NONE + "' or the id of a vendor provider on the classpath: one of " + String.join(", ", allowed)
          + "; was '" + config.get(InMemoryProvider.LIMITS).orElse("") + "'", DETAILS);
    }
    return emulate(declared, vendor);
  }

  /** Every provider on the classpath but this one, by id. */
  static Map<String, ProviderMetadata> vendors() {
    Map<String, ProviderMetadata> vendors = new TreeMap<>(ImFacade.metadata());
    vendors.remove(InMemoryProvider.ID);
    return vendors;
  }

  /** {@code declared} narrowed to {@code vendor}: its limits and its missing capabilities. */
  static ProviderMetadata emulate(ProviderMetadata declared, ProviderMetadata vendor) {
    ProviderMetadata.Builder b = declared.toBuilder().limits(vendor.limits());
    vendor.unsupported().forEach((capability, reason) ->
        b.unsupported(capability, "(" + InMemoryProvider.LIMITS + "=" + vendor.id() + ") " + reason));
    return b.build();
  }

  /**
   * {@code declared} narrowed to what passes on every one of {@code vendors}: the strictest limits,
   * field by field in each vendor's unit, and no capability that one of them lacks (the reason
   * names each vendor that lacks it).
   *
   * @throws ConfigurationException if {@code vendors} is empty
   */
  static ProviderMetadata portable(ProviderMetadata declared, Map<String, ProviderMetadata> vendors) {
    if (vendors.isEmpty()) {
      throw noVendor();
    }
    List<VendorLimits> tables = new ArrayList<>();
    Map<Capability, List<String>> lacking = new EnumMap<>(Capability.class);
    vendors.forEach((id, vendor) -> {
      tables.add(vendor.limits());
      vendor.unsupported().forEach((capability, reason) ->
          lacking.computeIfAbsent(capability, c -> new ArrayList<>()).add(id + ": " + reason));
    });
    ProviderMetadata.Builder b = declared.toBuilder().limits(VendorLimits.strictest(PORTABLE, tables));
    lacking.forEach((capability, reasons) -> b.unsupported(capability, "(" + InMemoryProvider.LIMITS + "="
        + PORTABLE + " offers only what every vendor provider on the classpath offers) " + String.join("; ", reasons)));
    return b.build();
  }

  private static ConfigurationException noVendor() {
    return new ConfigurationException("configuration key '" + InMemoryProvider.LIMITS + "' is '" + PORTABLE
        + "' (the default): the strictest limits of the vendor providers on the classpath, but there is none; "
        + "add the provider jar of the vendor you ship (an imfacade-provider-* artifact; test scope is enough) "
        + "or set " + InMemoryProvider.LIMITS + "=" + NONE, DETAILS);
  }
}
