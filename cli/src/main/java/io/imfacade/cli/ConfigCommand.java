package io.imfacade.cli;

import io.imfacade.ImConfig;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code imfacade config}: the effective configuration. */
@Command(name = "config", description = "Inspect the effective configuration.",
    subcommands = ConfigCommand.Show.class)
final class ConfigCommand extends CommandGroup {

  /** {@code imfacade config show}: every key and value, secrets masked. */
  @Command(name = "show", description = {
      "Print the effective configuration, one KEY=VALUE per line, sources and defaults applied.",
      "The values of secret keys (*Secret, *Token, *Certificate, *Password) print as ****."})
  static final class Show extends BaseCommand {

    private static final String MASK = "****";

    @Override
    public Integer call() {
      ImConfig config = root().config();
      Output out = root().output();
      if (out.json()) {
        var values = Views.object();
        config.asMap().forEach((k, v) -> values.put(k, shown(k, v)));
        out.json(Views.object().set("config", values));
      } else {
        for (Map.Entry<String, String> e : config.asMap().entrySet()) {
          out.line(e.getKey() + "=" + shown(e.getKey(), e.getValue()));
        }
      }
      return ExitCodes.OK;
    }

    private static String shown(String key, String value) {
      return ImConfig.isSecretKey(key) && !value.isEmpty() ? MASK : value;
    }
  }
}
