/**
 * Plumbing shared by the simulators: request decoding, answers, the fault schedule and the HTTP
 * front that applies it ({@link io.imfacade.simulator.internal.SimulatorFront}), rate windows and
 * the WireMock wiring. Public only because Java has no friend packages: not an API, and it may
 * change in any release.
 */
package io.imfacade.simulator.internal;
