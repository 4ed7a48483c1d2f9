package io.imfacade.inmemory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the store keeps of a user's account: when it was created, if known (a user recorded by a
 * write in {@code inmemory.users=auto} mode, or listed in a snapshot without a date, has none).
 *
 * <p>No password and no token: no neutral operation checks one, so the fake has no use for them,
 * and a snapshot file never holds a secret.
 */
record StoredAccount(@Nullable Instant createdAt) {

  /** An account of unknown age. */
  static final StoredAccount UNDATED = new StoredAccount(null);
}
