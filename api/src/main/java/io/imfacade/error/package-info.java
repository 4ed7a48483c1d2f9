/**
 * The neutral error hierarchy. Every failure is an unchecked {@link io.imfacade.error.ImException}
 * whose subclass names the kind of failure and whose {@link io.imfacade.error.ErrorDetails} keep the
 * provider, operation, HTTP status and vendor code. Secrets never appear in messages.
 */
@NullMarked
package io.imfacade.error;

import org.jspecify.annotations.NullMarked;
