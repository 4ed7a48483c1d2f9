package io.imfacade.event;

/**
 * Hears every neutral call of the clients opened with a {@link io.imfacade.spi.ProviderContext} it
 * is added to ({@link io.imfacade.spi.ProviderContext#addListener}): the hook for metrics and
 * auditing without a framework (the optional {@code imfacade-metrics-micrometer} module is one).
 *
 * <p>Called on the caller's thread after each call, success or failure. It must be quick and
 * thread-safe; whatever it throws is logged once and never fails the call.
 */
@FunctionalInterface
public interface ImListener {

  /** A call ended. */
  void onCall(CallEvent event);
}
