/** A JUnit 5 extension that gives each test a fresh in-memory client ({@link io.imfacade.inmemory.junit.InMemoryIm}). */
@NullMarked
package io.imfacade.inmemory.junit;

import org.jspecify.annotations.NullMarked;
