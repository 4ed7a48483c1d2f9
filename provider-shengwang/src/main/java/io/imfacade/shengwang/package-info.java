/**
 * The Shengwang (声网, Agora Chat China) provider: a thin provider on the Easemob family ({@code
 * io.imfacade.easemob.family}) under {@code /app-id/{appId}}, authenticated with an Agora
 * AccessToken2 app token built locally ({@link io.imfacade.shengwang.ChatAppTokenBuilder}).
 */
@NullMarked
package io.imfacade.shengwang;

import org.jspecify.annotations.NullMarked;
