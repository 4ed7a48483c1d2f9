/**
 * The NetEase Yunxin (网易云信) provider over the v1 server API ({@code /nimserver/...action}):
 * user cards, friends and block lists, and group member attributes kept in team members' {@code
 * custom} strings. Start at {@link io.imfacade.netease.NeteaseProvider}.
 */
package io.imfacade.netease;
