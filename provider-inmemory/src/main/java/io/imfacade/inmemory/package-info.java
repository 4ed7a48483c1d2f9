/**
 * The in-memory provider ({@code provider=inmemory}): a thread-safe fake of the vendors that
 * enforces the limits and capabilities of the vendor providers on the classpath ({@link
 * io.imfacade.inmemory.InMemoryProvider}), behind the same neutral guard as they are, plus fixtures
 * for tests ({@link io.imfacade.inmemory.InMemoryImClient}).
 */
@NullMarked
package io.imfacade.inmemory;

import org.jspecify.annotations.NullMarked;
