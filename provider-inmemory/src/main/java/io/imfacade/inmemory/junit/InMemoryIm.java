package io.imfacade.inmemory.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test a fresh in-memory {@link io.imfacade.ImClient}, closed after the test: declare a
 * parameter of type {@code ImClient} or {@code InMemoryImClient} on the test method (or on a
 * {@code @BeforeEach} / {@code @AfterEach} method).
 *
 * <pre>{@code
 * @InMemoryIm(users = {"alice", "bob"})
 * class FriendsTest {
 *   @Test
 *   void addsFriend(ImClient im) {
 *     im.contacts().addContact("alice", "bob");
 *   }
 * }
 * }</pre>
 *
 * <p>Equivalent to {@code @ExtendWith(InMemoryImExtension.class)}, plus the settings below. On a
 * method, it replaces the settings of the class for that test.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InMemoryImExtension.class)
public @interface InMemoryIm {

  /**
   * The {@code inmemory.limits} value: {@code portable} (the strictest of the vendor providers on
   * the classpath), {@code none}, or the id of a vendor provider on the classpath, such as {@code
   * netease}.
   */
  String limits() default "portable";

  /** Users to register before each test, through {@code accounts().registerAll}, as a test would. */
  String[] users() default {};

  /** Whether every valid id is an existing user ({@code inmemory.users=auto}). */
  boolean autoUsers() default false;
}
