package io.imfacade.netease.internal;

import io.imfacade.error.AuthenticationException;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;
import io.imfacade.http.Operation;
import io.imfacade.http.RemoteCore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads what an undocumented refusal meant. NetEase does not say which code a friend, block-list or
 * user-card endpoint answers for an unknown account, a missing relation, a full list or a write
 * already in place (netease-facts §1-§3: 404, 414, 403, 417, 419 and 200 are all plausible; 414 is
 * the catch-all parameter error). So the services never decide from a refusal's code or {@code
 * desc}: they read the state back (the friend list, the block list) and, where that cannot tell,
 * ask whether the accounts exist.
 *
 * <p>Existence comes from {@code user/userOnlineStatus.action}: its {@code data.invalidAccids}
 * lists the accids that are not registered; the official SDK's test asserts exactly that for a
 * never-created accid (netease-facts §3). {@code getUinfos} is not used for it: its answer for an
 * unknown accid is not documented.
 */
final class Accounts {

  /**
   * The codes a read-back decides: 403 illegal operation, 404 object does not exist, 414 parameter
   * error, 417 repeated operation, 431 HTTP request repeated (netease-facts §8). Every other code
   * means what the table says (419 quantity over limit, 416 rate limited, 5xx...).
   */
  private static final Set<String> UNDOCUMENTED_MEANING = Set.of("403", "404", "414", "417", "431");
  /** No count limit is documented for userOnlineStatus: the documented one of getUinfos. */
  private static final int PROBE_BATCH = 200;

  private final RemoteCore<NeteaseApi> core;

  Accounts(RemoteCore<NeteaseApi> core) {
    this.core = core;
  }

  /**
   * Whether {@code e} is a business refusal (HTTP 200 with a body code) whose meaning a read-back
   * must decide, rather than a transport failure or a code that says what it means.
   */
  static boolean isUndocumentedRefusal(ImException e) {
    if (e instanceof AuthenticationException || (e instanceof InvalidRequestException invalid && invalid.field().isPresent())) {
      return false; // a 414 that says what it means: the signature, or a named field ("<value> not email")
    }
    return e.httpStatus().orElse(0) == 200 && e.vendorCode().map(UNDOCUMENTED_MEANING::contains).orElse(false);
  }

  /**
   * Refused because {@code users} do not exist: a {@link NotFoundException} keeping the vendor's
   * code and desc of the refusal.
   */
  static NotFoundException notFound(ImException refusal, String message) {
    return new NotFoundException(message, refusal.details().toBuilder().retryable(false).build(), refusal);
  }

  /** Refused because a list is full: a {@link QuotaExceededException} keeping the vendor's code and desc. */
  static QuotaExceededException quotaExceeded(ImException refusal, String message) {
    return new QuotaExceededException(message, refusal.details().toBuilder().retryable(false).build(), refusal);
  }

  /**
   * The accids among {@code accids} (lower case) that are not registered accounts.
   *
   * @throws io.imfacade.error.ProviderUnavailableException if the answer has no {@code data} or an
   *     item that is not an accid
   */
  Set<String> unknown(Operation op, Collection<String> accids) {
    Operation read = Operation.idempotent(op.name());
    List<String> all = new ArrayList<>(new LinkedHashSet<>(accids));
    Set<String> unknown = new HashSet<>();
    for (int from = 0; from < all.size(); from += PROBE_BATCH) {
      String json = Wire.jsonArray(all.subList(from, Math.min(all.size(), from + PROBE_BATCH)));
      Wire.OnlineStatus answer = core.call(read, tag -> core.api().userOnlineStatus(tag, json));
      if (answer.data() == null) {
        throw core.malformed(read, "userOnlineStatus answered code 200 without 'data'");
      }
      List<String> invalid = answer.data().invalidAccids();
      if (invalid == null) {
        continue; // the official SDK reads a missing list as empty
      }
      for (String accid : invalid) {
        if (Wire.isBlank(accid)) {
          throw core.malformed(read, "an 'invalidAccids' item of userOnlineStatus is not an accid");
        }
        unknown.add(accid.toLowerCase(Locale.ROOT));
      }
    }
    // Only what was asked: a server that names more must not make other users unknown.
    unknown.retainAll(all);
    return unknown;
  }
}
