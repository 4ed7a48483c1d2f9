/** The serializers and deserializers of {@link io.imfacade.jackson.ImfacadeModule}. Not an API. */
@NullMarked
package io.imfacade.jackson.internal;

import org.jspecify.annotations.NullMarked;
