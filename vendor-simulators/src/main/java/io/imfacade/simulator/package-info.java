/**
 * Stateful simulators of the IM vendors' server REST APIs, as WireMock extensions, for integration
 * tests: {@link io.imfacade.simulator.easemob.EasemobSimulator} (Easemob and Shengwang) and {@link
 * io.imfacade.simulator.netease.NeteaseSimulator} (NetEase Yunxin v1). This package holds what both
 * share in their public API: the {@link io.imfacade.simulator.Faults} schedule and the {@link
 * io.imfacade.simulator.Fault} kinds.
 *
 * <p>The simulators depend on nothing of imfacade: they model the vendors, not our clients.
 */
package io.imfacade.simulator;
