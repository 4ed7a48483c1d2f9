/**
 * The Easemob REST family (Easemob and Shengwang) as a library for providers: {@link
 * io.imfacade.easemob.family.EasemobFamily} builds a provider's client over the family's one
 * implementation, and {@link io.imfacade.easemob.family.EasemobFamilyLimits} holds the vendors'
 * documented limits for their metadata. The module registers no provider: {@code
 * provider-easemob} and {@code provider-shengwang} are thin providers on it.
 */
@NullMarked
package io.imfacade.easemob.family;

import org.jspecify.annotations.NullMarked;
