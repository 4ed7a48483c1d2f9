/** The meters behind {@link io.imfacade.metrics.micrometer.ImMetrics}. Not an API. */
@NullMarked
package io.imfacade.metrics.micrometer.internal;

import org.jspecify.annotations.NullMarked;
