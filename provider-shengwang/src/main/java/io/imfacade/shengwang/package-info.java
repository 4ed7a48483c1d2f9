/**
 * The Shengwang (声网, Agora Chat China) provider: the Easemob REST family under {@code
 * /app-id/{appId}}, authenticated with an Agora AccessToken2 app token built locally.
 */
package io.imfacade.shengwang;
