/**
 * Implementation only, not an API: the neutral guard that {@link io.imfacade.ImFacade#open} puts
 * around every provider's client. May change in any release.
 */
@NullMarked
package io.imfacade.internal;

import org.jspecify.annotations.NullMarked;
