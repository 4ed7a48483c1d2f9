/**
 * The implementation of the NetEase provider: not an API, it may change in any release. The
 * services run on one {@link io.imfacade.http.RemoteCore} per client and receive only input the
 * neutral guard has checked (lower-case ids, values within {@link
 * io.imfacade.netease.internal.NeteaseLimits}); they check nothing again.
 */
@NullMarked
package io.imfacade.netease.internal;

import org.jspecify.annotations.NullMarked;
