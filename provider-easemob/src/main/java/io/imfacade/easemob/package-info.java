/**
 * The Easemob (环信) provider, and the Easemob-family REST implementation that the Shengwang
 * provider reuses under another path prefix and token ({@link io.imfacade.easemob.EasemobFamily}).
 */
package io.imfacade.easemob;
