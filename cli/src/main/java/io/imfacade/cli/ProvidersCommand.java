package io.imfacade.cli;

import io.imfacade.ImFacade;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code imfacade providers}: the provider ids found on the class path. */
@Command(name = "providers", description = "List the providers found (one id per line).")
final class ProvidersCommand extends BaseCommand {

  @Override
  public Integer call() {
    Set<String> ids = ImFacade.providers();
    Output out = root().output();
    if (out.json()) {
      out.json(Views.object().set("providers", Views.strings(ids)));
    } else {
      ids.forEach(out::line);
    }
    return ExitCodes.OK;
  }
}
