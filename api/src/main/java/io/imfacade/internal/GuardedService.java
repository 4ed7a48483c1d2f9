package io.imfacade.internal;

/**
 * What the guard of each service holds: the client's guard (closed state, capabilities, call
 * context), its argument checks, and the provider's service {@code S} (or what supplies it).
 */
abstract class GuardedService<S> {

  final GuardedClient guard;
  final Inputs inputs;
  final S raw;

  GuardedService(GuardedClient guard, S raw) {
    this.guard = guard;
    this.inputs = guard.inputs();
    this.raw = raw;
  }
}
