package io.imfacade.http;

import io.imfacade.error.ImException;
import java.util.Optional;

/**
 * Turns a vendor's failure into the neutral exception hierarchy, keeping status, vendor code and
 * message. One per vendor family.
 */
public interface ErrorMapper {

  /** The exception for a non-2xx answer. A non-JSON body must still keep its status. */
  ImException fromHttpFailure(HttpFailure failure);

  /**
   * The exception for a 2xx answer whose body reports a failure (NetEase: HTTP 200 with body
   * {@code code} other than 200), or empty when the body is a success.
   */
  default Optional<ImException> fromSuccessBody(String provider, Operation operation, Object body) {
    return Optional.empty();
  }
}
