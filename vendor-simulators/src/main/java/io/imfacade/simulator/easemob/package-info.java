/**
 * The Easemob-family simulator: {@link io.imfacade.simulator.easemob.EasemobSimulator} (a WireMock
 * extension for Easemob and Shengwang apps) and {@link
 * io.imfacade.simulator.easemob.EasemobSimulatorExtension} (its JUnit 5 extension).
 */
package io.imfacade.simulator.easemob;
