package io.imfacade.http;

/**
 * Obtains a fresh token: an HTTP call to the vendor (Easemob {@code POST /token}), a local
 * computation (Shengwang AccessToken2) or a fixed configured value.
 */
@FunctionalInterface
public interface TokenSource {

  /**
   * A new token.
   *
   * @throws io.imfacade.error.ImException when it cannot be obtained (bad credentials:
   *     AuthenticationException)
   */
  IssuedToken fetch();
}
