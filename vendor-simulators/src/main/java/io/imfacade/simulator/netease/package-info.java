/**
 * The NetEase Yunxin v1 simulator: {@link io.imfacade.simulator.netease.NeteaseSimulator} (a
 * WireMock extension) and {@link io.imfacade.simulator.netease.NeteaseSimulatorExtension} (its
 * JUnit 5 extension).
 */
package io.imfacade.simulator.netease;
