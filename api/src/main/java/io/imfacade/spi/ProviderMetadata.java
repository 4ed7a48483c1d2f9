package io.imfacade.spi;

import io.imfacade.Capability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a provider declares about itself, in one immutable value (jclouds' {@code
 * ProviderMetadata} is the model): its id and name, its configuration keys, the capabilities it
 * lacks with the reason for each, the vendor's input limits and the vendor's documented request
 * rate. {@link io.imfacade.ImFacade}, the neutral guard, the in-memory provider, the CLI and the
 * conformance suite all read it, so that a fact about a vendor is stated once.
 *
 * <pre>{@code
 * ProviderMetadata.builder("acme")
 *     .name("Acme Chat")
 *     .configKey(ConfigKey.required("acme.baseUrl", "REST host with scheme"))
 *     .unsupported(Capability.PROFILE_TOTAL_SIZE, "Acme has no storage query")
 *     .limits(ACME_LIMITS)
 *     .defaultRequestsPerSecond(100)
 *     .build();
 * }</pre>
 */
public final class ProviderMetadata {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

  private final String id;
  private final String name;
  private final List<ConfigKey> configKeys;
  private final Map<Capability, String> unsupported;
  private final Set<Capability> capabilities;
  private final VendorLimits limits;
  private final double defaultRequestsPerSecond;

  private ProviderMetadata(Builder b) {
    this.id = b.id;
    this.name = b.name == null ? b.id : b.name;
    this.configKeys = List.copyOf(b.configKeys);
    this.unsupported = Collections.unmodifiableMap(new EnumMap<>(b.unsupported));
    EnumSet<Capability> offered = EnumSet.allOf(Capability.class);
    offered.removeAll(b.unsupported.keySet());
    this.capabilities = Collections.unmodifiableSet(offered);
    this.limits = b.limits;
    this.defaultRequestsPerSecond = b.defaultRequestsPerSecond;
  }

  /** A builder for the provider {@code id}: lower case letters, digits and '-', no dots. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this metadata, to derive a narrower one (fewer capabilities, other limits). */
  public Builder toBuilder() {
    Builder b = new Builder(id).name(name);
    b.configKeys.addAll(configKeys);
    b.unsupported.putAll(unsupported);
    b.limits = limits;
    b.defaultRequestsPerSecond = defaultRequestsPerSecond;
    return b;
  }

  /** The id users put in {@code provider=...}. */
  public String id() {
    return id;
  }

  /** A human-readable name, such as {@code Easemob (环信)}. */
  public String name() {
    return name;
  }

  /** The provider's configuration keys, each starting with {@code id() + "."}. */
  public List<ConfigKey> configKeys() {
    return configKeys;
  }

  /** The names of {@link #configKeys()}. */
  public Set<String> configKeyNames() {
    Set<String> names = new LinkedHashSet<>();
    configKeys.forEach(k -> names.add(k.name()));
    return Collections.unmodifiableSet(names);
  }

  /** The capabilities offered: every {@link Capability} not in {@link #unsupported()}. */
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /** Each capability the provider lacks, with the reason users see when they call it. */
  public Map<Capability, String> unsupported() {
    return unsupported;
  }

  /** The vendor's input limits, in the vendor's units. */
  public VendorLimits limits() {
    return limits;
  }

  /** The vendor's documented request rate per app, the default of {@code rateLimit.requestsPerSecond}. */
  public OptionalDouble defaultRequestsPerSecond() {
    return defaultRequestsPerSecond > 0 ? OptionalDouble.of(defaultRequestsPerSecond) : OptionalDouble.empty();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ProviderMetadata)) {
      return false;
    }
    ProviderMetadata m = (ProviderMetadata) o;
    return id.equals(m.id) && name.equals(m.name) && configKeys.equals(m.configKeys)
        && unsupported.equals(m.unsupported) && limits.equals(m.limits)
        && Double.compare(defaultRequestsPerSecond, m.defaultRequestsPerSecond) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, configKeys, unsupported, limits);
  }

  @Override
  public String toString() {
    return "ProviderMetadata{id=" + id + ", capabilities=" + capabilities + ", limits=" + limits.name() + '}';
  }

  /** Builds {@link ProviderMetadata}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String name;
    private final List<ConfigKey> configKeys = new ArrayList<>();
    private final EnumMap<Capability, String> unsupported = new EnumMap<>(Capability.class);
    private VendorLimits limits = VendorLimits.NONE;
    private double defaultRequestsPerSecond;

    private Builder(String id) {
      Objects.requireNonNull(id, "id");
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("a provider id is lower case letters, digits and '-': " + id);
      }
      this.id = id;
    }

    /** The human-readable name (default: the id). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Declares a configuration key, which must start with the id and a dot. */
    public Builder configKey(ConfigKey key) {
      if (!key.name().startsWith(id + ".")) {
        throw new IllegalArgumentException("key " + key.name() + " must start with '" + id + ".'");
      }
      configKeys.removeIf(k -> k.name().equals(key.name()));
      configKeys.add(key);
      return this;
    }

    /** Declares a capability the provider lacks, with the reason users will see. */
    public Builder unsupported(Capability capability, String reason) {
      Objects.requireNonNull(capability, "capability");
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a missing capability needs a reason");
      }
      unsupported.put(capability, reason);
      return this;
    }

    /** Declares that the provider offers {@code capability} (undoes {@link #unsupported}). */
    public Builder supported(Capability capability) {
      unsupported.remove(capability);
      return this;
    }

    /** The vendor's limits (default {@link VendorLimits#NONE}). */
    public Builder limits(VendorLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The vendor's documented request rate per app; none when the provider makes no request. */
    public Builder defaultRequestsPerSecond(double requestsPerSecond) {
      if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException("requestsPerSecond must be a positive number");
      }
      this.defaultRequestsPerSecond = requestsPerSecond;
      return this;
    }

    /** The immutable metadata. */
    public ProviderMetadata build() {
      return new ProviderMetadata(this);
    }
  }
}
