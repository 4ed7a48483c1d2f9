/**
 * The NetEase Yunxin (网易云信) provider over the v1 server API ({@code /nimserver/...action}):
 * accounts (the login token as the password), user cards, friends and block lists, groups as
 * advanced teams, and group member attributes kept in team members' {@code custom} strings.
 * Start at {@link io.imfacade.netease.NeteaseProvider}; the implementation lives in {@code
 * io.imfacade.netease.internal}, which is not an API.
 */
@NullMarked
package io.imfacade.netease;

import org.jspecify.annotations.NullMarked;
