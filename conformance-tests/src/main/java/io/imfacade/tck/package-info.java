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
 *       and {@code createGroup} make users and groups exist there ({@code createGroup} returns
 *       the id the group got; the simplest harness seeds through the client's own {@code
 *       accounts()} and {@code groups()}). The harness declares nothing
 *       about the provider: the contracts read capabilities and limits from the client's {@link
 *       io.imfacade.ImClient#metadata()}, that is from your provider's {@link
 *       io.imfacade.spi.ProviderMetadata}.
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
 *   <li>User ids are unique per test (a run token and a sequence number), lower case, at most 32
 *       characters, letters, digits, {@code -} and {@code _}; group ids are the ones the vendor (or
 *       the harness) issued. A simulator may keep its state across tests.
 *   <li>Limits are tested against what your metadata declares, in the declared unit ({@link
 *       io.imfacade.tck.LimitsContract}): a value exactly at each bound is accepted and one unit
 *       over it is refused. The values are made of characters that tell the units apart (emoji,
 *       CJK text), so counting the wrong unit fails. A limit your metadata leaves unbounded is
 *       <em>skipped</em>, with a reason naming it: undeclared limits are never reported as passed.
 *   <li>The neutral rules hold on every provider: user ids are case-insensitive and batch results
 *       are keyed by the ids as the caller spelled them; empty batches, blank attribute keys, a
 *       NUL character or a lone surrogate, and relations of a user with themselves are refused
 *       with an {@link io.imfacade.error.InvalidRequestException}; every call after {@code close()}
 *       throws an {@link IllegalStateException}.
 * </ul>
 */
package io.imfacade.tck;
