/**
 * A Jackson 2 module for imfacade's model and errors: {@link io.imfacade.jackson.ImfacadeModule}.
 */
@NullMarked
package io.imfacade.jackson;

import org.jspecify.annotations.NullMarked;
