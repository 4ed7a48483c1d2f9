/**
 * The imfacade TCK: behavioural contracts every provider must pass, as abstract JUnit Jupiter test
 * classes. The same test code runs for every provider; what differs is a small {@link
 * io.imfacade.tck.ProviderHarness} that opens a client and seeds users and groups.
 *
 * <h2>Running the TCK against your provider</h2>
 *
 * <ol>
 *   <li>Add {@code io.imfacade:imfacade-conformance-tests} with {@code test} scope (it brings JUnit
 *       Jupiter and AssertJ), and your provider jar, whose {@code
 *       META-INF/services/io.imfacade.spi.ImProvider} registers it.
 *   <li>Implement {@link io.imfacade.tck.ProviderHarness}: {@code openClient()} returns a client
 *       (open it through {@link io.imfacade.ImFacade#open(java.util.Map)} so that the service
 *       registration is exercised too) talking to a test app or a simulator; {@code createUsers}
 *       and {@code createGroup} make users and groups exist there. Override {@code
 *       blockListMax()} if your vendor caps block lists.
 *   <li>Write one test class:
 *       <pre>{@code
 * class AcmeConformanceTest extends ImConformanceSuite {
 *   @Override
 *   protected ProviderHarness harness() {
 *     return new AcmeHarness();
 *   }
 * }
 * }</pre>
 *       or, to run only some contracts, one subclass per contract ({@code class AcmeProfilesTest
 *       extends UserProfileContract}). Surefire's default includes pick up {@code *Test}; no
 *       {@code dependenciesToScan} is needed, and the abstract classes of the TCK jar never run
 *       on their own.
 * </ol>
 *
 * <h2>How results read</h2>
 *
 * <ul>
 *   <li>A contract for a {@link io.imfacade.Capability} your client does not declare is
 *       <em>skipped</em>, with the reason your {@link io.imfacade.error.UnsupportedCapabilityException}
 *       gives, but only after checking that the operation really throws that exception: doing it
 *       anyway, or failing differently, is a failure.
 *   <li>A harness that returns null, throws, or opens a client whose {@code provider()} is not
 *       {@code providerId()} makes every test <em>fail</em>, never skip.
 *   <li>Ids are unique per test (a run token and a sequence number), lower case, at most 32
 *       characters, letters, digits, {@code -} and {@code _}; group ids are digits only. A
 *       simulator may keep its state across tests.
 *   <li>Limits are tested with values over <em>every</em> built-in vendor's limit, so a contract
 *       holds whatever your vendor's own limits are. A harness for a deliberately unlimited fake
 *       answers {@code enforcesLimits() == false} and those contracts are skipped with that reason.
 * </ul>
 */
package io.imfacade.tck;
