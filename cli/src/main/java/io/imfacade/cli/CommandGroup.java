package io.imfacade.cli;

/** A command that only groups subcommands, such as {@code imfacade profile}. */
abstract class CommandGroup extends BaseCommand {

  /** Run without a subcommand: a usage error that lists the subcommands. */
  @Override
  public Integer call() {
    throw usage("missing subcommand; choose one of: " + String.join(", ", spec.subcommands().keySet()));
  }
}
