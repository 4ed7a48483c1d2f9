package io.imfacade.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imfacade.Capability;
import io.imfacade.ImFacade;
import io.imfacade.spi.ConfigKey;
import io.imfacade.spi.ProviderMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code imfacade providers}: what each provider found on the class path declares in its {@link
 * ProviderMetadata}: id, name, capabilities (and why one is missing), default rate and
 * configuration keys. It reads the metadata only, never the configuration, so no configured value
 * (a secret least of all) can reach its output; secret keys are flagged as such.
 */
@Command(name = "providers", description = {
    "List the providers found, with their capabilities and configuration keys.",
    "Each provider starts with a line holding its id alone; --ids prints only those lines."})
final class ProvidersCommand extends BaseCommand {

  @Option(names = "--ids", description = "Print only the provider ids, one per line.")
  boolean idsOnly;

  @Override
  public Integer call() {
    Map<String, ProviderMetadata> all = ImFacade.metadata();
    Output out = root().output();
    if (out.json()) {
      ArrayNode providers = Views.array();
      all.values().forEach(m -> {
        if (idsOnly) {
          providers.add(m.id());
        } else {
          providers.add(json(m));
        }
      });
      out.json(Views.object().set("providers", providers));
    } else {
      all.values().forEach(m -> {
        out.line(m.id());
        if (!idsOnly) {
          human(m).forEach(out::line);
        }
      });
    }
    return ExitCodes.OK;
  }

  private static ObjectNode json(ProviderMetadata m) {
    ObjectNode node = Views.object().put("id", m.id()).put("name", m.name());
    node.set("capabilities", Views.strings(m.capabilities().stream().map(Capability::name).toList()));
    ObjectNode unsupported = Views.object();
    m.unsupported().forEach((capability, reason) -> unsupported.put(capability.name(), reason));
    node.set("unsupported", unsupported);
    m.defaultRequestsPerSecond().ifPresent(rate -> node.put("defaultRequestsPerSecond", rate));
    ArrayNode keys = Views.array();
    for (ConfigKey key : m.configKeys()) {
      ObjectNode k = Views.object().put("name", key.name()).put("required", key.required()).put("secret", key.secret());
      if (key.defaultValue() != null && !key.secret()) {
        k.put("default", key.defaultValue());
      }
      k.put("description", key.description());
      keys.add(k);
    }
    node.set("configKeys", keys);
    return node;
  }

  /** The lines after the id: indented, so that the id lines stay easy to pick out. */
  private static List<String> human(ProviderMetadata m) {
    List<String> lines = new ArrayList<>();
    lines.add("  name: " + m.name());
    lines.add("  capabilities: " + (m.capabilities().isEmpty() ? "(none)"
        : String.join(", ", m.capabilities().stream().map(Capability::name).toList())));
    m.unsupported().forEach((capability, reason) -> lines.add("  not offered: " + capability.name() + ": " + reason));
    m.defaultRequestsPerSecond().ifPresent(rate ->
        lines.add("  default rate: " + String.format(Locale.ROOT, "%.0f", rate) + " requests/s per app"));
    if (m.configKeys().isEmpty()) {
      lines.add("  configuration keys: (none)");
    } else {
      lines.add("  configuration keys:");
      for (ConfigKey key : m.configKeys()) {
        List<String> flags = new ArrayList<>();
        flags.add(key.required() ? "required" : "optional");
        if (key.secret()) {
          flags.add("secret");
        }
        if (key.defaultValue() != null && !key.secret()) {
          flags.add("default " + key.defaultValue());
        }
        lines.add("    " + key.name() + " (" + String.join(", ", flags) + "): " + key.description());
      }
    }
    return lines;
  }
}
