/**
 * Micrometer metrics of imfacade calls: {@link io.imfacade.metrics.micrometer.ImMetrics}, an
 * {@link io.imfacade.event.ImListener} that records every neutral call of the clients of a {@link
 * io.imfacade.spi.ProviderContext} into a {@code MeterRegistry}.
 */
@NullMarked
package io.imfacade.metrics.micrometer;

import org.jspecify.annotations.NullMarked;
