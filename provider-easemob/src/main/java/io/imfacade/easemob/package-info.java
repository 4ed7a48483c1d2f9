/**
 * The Easemob (环信) provider: a thin provider on the Easemob family ({@code
 * io.imfacade.easemob.family}), registered for {@link java.util.ServiceLoader}.
 */
@NullMarked
package io.imfacade.easemob;

import org.jspecify.annotations.NullMarked;
