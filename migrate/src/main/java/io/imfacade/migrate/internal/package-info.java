/**
 * The implementation of {@link io.imfacade.migrate}: not an API, it changes without notice.
 */
@NullMarked
package io.imfacade.migrate.internal;

import org.jspecify.annotations.NullMarked;
