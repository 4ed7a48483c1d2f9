/**
 * The entry point: {@link io.imfacade.ImFacade} opens an {@link io.imfacade.ImClient} for the
 * provider named in an {@link io.imfacade.ImConfig}.
 */
@NullMarked
package io.imfacade;

import org.jspecify.annotations.NullMarked;
