/**
 * A registry of per-tenant clients for multi-tenant backends, free of any framework: {@link
 * io.imfacade.tenant.ImTenants} opens each tenant's client on first use from a {@link
 * io.imfacade.tenant.TenantConfigSource} the app provides, caches it (Caffeine), closes it when
 * idle, swaps it without failing calls in flight when the tenant's configuration changes, and
 * closes everything with the registry.
 */
@NullMarked
package io.imfacade.tenant;

import org.jspecify.annotations.NullMarked;
