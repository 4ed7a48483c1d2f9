package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.QuotaExceededException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of block lists in {@link ContactGraph} ({@link Capability#BLOCK_LIST}): blocking and
 * unblocking are idempotent and one-sided, block lists are independent of contacts, paging visits
 * every blocked user once in a stable order, and a full block list refuses more.
 */
public abstract class BlockListContract extends ContractSupport {

  /** Skips every test of this contract, with the reason, unless the client declares {@link Capability#BLOCK_LIST}. */
  @BeforeEach
  protected final void requireBlockList() {
    requireCapability(Capability.BLOCK_LIST);
  }

  private ContactGraph contacts() {
    return client().contacts();
  }

  private List<String> blocked(String owner) {
    return contacts().allBlocked(owner).collect(Collectors.toList());
  }

  @Test
  void newUserBlocksNobody() {
    Page<String> page = contacts().blocked(alice(), PageRequest.first(50));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextCursor()).isEmpty();
    assertThat(contacts().allBlocked(alice())).isEmpty();
  }

  @Test
  void blockedUsersAreListed() {
    contacts().block(alice(), List.of(bob(), carol()));

    assertThat(blocked(alice())).containsExactlyInAnyOrder(bob(), carol());
    Page<String> page = contacts().blocked(alice(), PageRequest.first(50));
    assertThat(page.items()).containsExactlyInAnyOrder(bob(), carol());
    assertThat(page.nextCursor()).isEmpty();
  }

  @Test
  void blockingTwiceChangesNothing() {
    contacts().block(alice(), List.of(bob()));
    contacts().block(alice(), List.of(bob(), carol()));
    contacts().block(alice(), List.of(carol(), carol()));

    assertThat(blocked(alice())).containsExactlyInAnyOrder(bob(), carol());
  }

  @Test
  void unblockRemovesOnlyThatUser() {
    contacts().block(alice(), List.of(bob(), carol()));

    contacts().unblock(alice(), bob());

    assertThat(blocked(alice())).containsExactly(carol());
  }

  @Test
  void unblockingAUserNotBlockedSucceeds() {
    contacts().unblock(alice(), bob());
    contacts().block(alice(), List.of(bob()));
    contacts().unblock(alice(), bob());
    contacts().unblock(alice(), bob());

    assertThat(blocked(alice())).isEmpty();
  }

  @Test
  void blockingIsOneSided() {
    contacts().block(alice(), List.of(bob()));

    assertThat(blocked(bob())).isEmpty();
  }

  @Test
  void blockedFriendStaysAContact() {
    contacts().addContact(alice(), bob());

    contacts().block(alice(), List.of(bob()));

    assertThat(contacts().allContacts(alice()).map(Contact::userId)).containsExactly(bob());
    assertThat(contacts().allContacts(bob()).map(Contact::userId)).containsExactly(alice());
    contacts().unblock(alice(), bob());
    assertThat(contacts().allContacts(alice()).map(Contact::userId)).as("after unblock").containsExactly(bob());
  }

  @Test
  void blockingDoesNotMakeAContactAndContactsDoNotChangeTheBlockList() {
    contacts().block(alice(), List.of(bob()));
    assertThat(contacts().allContacts(alice())).isEmpty();

    contacts().addContact(alice(), bob());
    contacts().removeContact(alice(), bob());

    assertThat(blocked(alice())).containsExactly(bob());
  }

  @Test
  void blockIdsAreCaseInsensitiveAndReadInLowerCase() {
    contacts().block(alice().toUpperCase(Locale.ROOT), List.of(bob().toUpperCase(Locale.ROOT)));

    assertThat(blocked(alice())).containsExactly(bob());
    contacts().unblock(alice(), bob().toUpperCase(Locale.ROOT));
    assertThat(blocked(alice())).isEmpty();
  }

  /** 120 blocked users read 50 at a time: three pages, the last one short and without a cursor. */
  @Test
  void pagingVisitsEveryBlockedUserOnceAndEndsWithoutCursor() {
    List<String> users = createUsers("k", 120);
    contacts().block(alice(), users);

    List<Page<String>> pages = Paging.pages(p -> contacts().blocked(alice(), p), 50);

    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).items()).hasSize(50);
    assertThat(pages.get(1).items()).hasSize(50);
    assertThat(pages.get(2).items()).hasSize(20);
    assertThat(pages.get(2).nextCursor()).as("cursor of the last page").isEmpty();
    assertThat(Paging.items(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(users);
  }

  @Test
  void pagingOrderIsStableAndAllBlockedStreamsThePagedUnion() {
    List<String> users = createUsers("k", 120);
    contacts().block(alice(), users.subList(0, 60));
    contacts().block(alice(), users.subList(60, 120));

    List<String> first = Paging.items(Paging.pages(p -> contacts().blocked(alice(), p), 50));
    List<String> second = Paging.items(Paging.pages(p -> contacts().blocked(alice(), p), 50));

    assertThat(second).as("a second traversal").isEqualTo(first);
    assertThat(blocked(alice())).as("allBlocked").isEqualTo(first);
    assertThat(first).containsExactlyInAnyOrderElementsOf(users);
  }

  @Test
  void blockListOverItsLimitIsQuotaExceeded() {
    OptionalInt limit = activeHarness().blockListMax();
    if (limit.isEmpty()) {
      Assumptions.abort("the harness of provider '" + providerId() + "' declares no block list limit");
    }
    int max = limit.getAsInt();
    List<String> users = createUsers("q", max + 1);
    List<String> fits = new ArrayList<>(users.subList(0, max));
    String oneTooMany = users.get(max);

    contacts().block(alice(), fits);
    assertThat(contacts().allBlocked(alice()).count()).isEqualTo(max);
    expect(QuotaExceededException.class, () -> contacts().block(alice(), List.of(oneTooMany)));
    assertThat(contacts().allBlocked(alice()).count()).as("a full block list after the refusal").isEqualTo(max);
    contacts().unblock(alice(), fits.get(0));
    contacts().block(alice(), List.of(oneTooMany));
    assertThat(contacts().allBlocked(alice()).count()).as("after unblocking one and blocking another").isEqualTo(max);
  }

  @Test
  void malformedIdIsRefusedBeforeAnyoneIsBlocked() {
    expect(InvalidRequestException.class, () -> contacts().block(alice(), Arrays.asList(bob(), "a/b")));
    expect(InvalidRequestException.class, () -> contacts().block(alice(), Arrays.asList(bob(), null)));
    expect(InvalidRequestException.class, () -> contacts().block("a#b", List.of(bob())));
    expect(InvalidRequestException.class, () -> contacts().unblock(alice(), "a?b"));
    expect(InvalidRequestException.class, () -> contacts().blocked("", PageRequest.first(10)));

    assertThat(blocked(alice())).isEmpty();
  }

  @Test
  void pageSizeOverEveryVendorsLimitIsRefused() {
    requireLimits("the page size");

    InvalidRequestException e = expect(InvalidRequestException.class,
        () -> contacts().blocked(alice(), PageRequest.first(1000)));

    assertThat(e.field()).as("field()").contains("page");
  }
}
