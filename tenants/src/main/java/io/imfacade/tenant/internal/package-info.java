/**
 * The implementation of {@link io.imfacade.tenant.ImTenants}: the Caffeine-backed registry, the
 * reference-counted generations of a tenant's client and the stable per-tenant handle. Not an API:
 * it may change in any release.
 */
@NullMarked
package io.imfacade.tenant.internal;

import org.jspecify.annotations.NullMarked;
