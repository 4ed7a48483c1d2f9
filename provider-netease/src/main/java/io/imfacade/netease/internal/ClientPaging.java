package io.imfacade.netease.internal;

import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pages a list that NetEase returns whole (friends, block list) on the client side, with a cursor
 * that stays correct while the list changes between pages.
 *
 * <p>The list is sorted by user id and the cursor is the last id of the page, Base64url-encoded
 * (opaque to callers). The next page holds the ids strictly after it. So an entry that stays in
 * the list is visited exactly once however the list changes between two pages; an entry added
 * behind the cursor meanwhile is not visited by this traversal (a new traversal sees it), and a
 * removed one is simply no longer there. The last page has no cursor.
 */
final class ClientPaging {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  /** Far above any accid (32 characters): a cursor is never longer than the id it holds. */
  private static final int MAX_ID_LENGTH = 1024;

  private ClientPaging() {}

  /**
   * The id after which a request's page starts, or null for the first page. The id is only
   * compared with the list's ids, never sent, so any non-empty text without control characters
   * is accepted.
   *
   * @throws InvalidRequestException if the cursor is not one this provider returned
   */
  static @Nullable String after(PageRequest page, ErrorDetails details) {
    String cursor = page.cursor().orElse(null);
    if (cursor == null) {
      return null;
    }
    String id;
    try {
      id = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(DECODER.decode(cursor)))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      id = "";
    }
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
      // Not echoed: a cursor is opaque, and what was passed may be anything.
      throw new InvalidRequestException("the page cursor is not one this provider returned", "page", details, null);
    }
    return id;
  }

  /**
   * One page of {@code items}: sorted by id (duplicates collapsed, the first kept), the ones after
   * {@code afterId}, at most {@code size}, with a cursor when more follow.
   */
  static <T> Page<T> page(List<T> items, Function<T, String> id, @Nullable String afterId, int size) {
    Map<String, T> distinct = new LinkedHashMap<>();
    items.forEach(item -> distinct.putIfAbsent(id.apply(item), item));
    List<T> sorted = new ArrayList<>(distinct.values());
    sorted.sort(Comparator.comparing(id));
    int start = 0;
    while (afterId != null && start < sorted.size() && id.apply(sorted.get(start)).compareTo(afterId) <= 0) {
      start++;
    }
    int end = Math.min(sorted.size(), start + size);
    String next = end < sorted.size() ? ENCODER.encodeToString(id.apply(sorted.get(end - 1)).getBytes(StandardCharsets.UTF_8)) : null;
    return Page.of(sorted.subList(start, end), next);
  }
}
