package io.imfacade.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.Capability;
import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract of contacts and remarks in {@link ContactGraph}: contacts are two-way, adding and
 * removing are idempotent, paging visits every contact once in a stable order, and remarks (with
 * {@link Capability#CONTACT_REMARK}) belong to one side only.
 */
public abstract class ContactGraphContract extends ContractSupport {

  private ContactGraph contacts() {
    return client().contacts();
  }

  private List<String> contactIds(String owner) {
    return contacts().allContacts(owner).map(Contact::userId).collect(Collectors.toList());
  }

  private Contact contactOf(String owner, String friend) {
    return contacts().allContacts(owner)
        .filter(c -> c.userId().equals(friend))
        .findFirst()
        .orElseThrow(() -> new AssertionError(friend + " is not in the contact list of " + owner));
  }

  @Test
  void newUserHasNoContacts() {
    Page<Contact> page = contacts().contacts(alice(), PageRequest.first(50));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextCursor()).isEmpty();
    assertThat(contacts().allContacts(alice())).isEmpty();
  }

  @Test
  void addingAContactIsTwoWay() {
    contacts().addContact(alice(), bob());

    assertThat(contacts().allContacts(alice())).containsExactly(Contact.of(bob()));
    assertThat(contacts().allContacts(bob())).containsExactly(Contact.of(alice()));
    assertThat(contacts().allContacts(carol())).as("a third user's list").isEmpty();
  }

  @Test
  void addingAContactTwiceChangesNothing() {
    contacts().addContact(alice(), bob());
    contacts().addContact(alice(), bob());
    contacts().addContact(bob(), alice());

    assertThat(contactIds(alice())).containsExactly(bob());
    assertThat(contactIds(bob())).containsExactly(alice());
  }

  @Test
  void removingAContactEndsBothSides() {
    contacts().addContact(alice(), bob());
    contacts().addContact(alice(), carol());

    contacts().removeContact(alice(), bob());

    assertThat(contactIds(alice())).containsExactly(carol());
    assertThat(contactIds(bob())).isEmpty();
    assertThat(contactIds(carol())).containsExactly(alice());
  }

  @Test
  void removingFromTheFriendsSideEndsBothSides() {
    contacts().addContact(alice(), bob());

    contacts().removeContact(bob(), alice());

    assertThat(contactIds(alice())).isEmpty();
    assertThat(contactIds(bob())).isEmpty();
  }

  @Test
  void removingANonContactSucceeds() {
    contacts().removeContact(alice(), bob());
    contacts().addContact(alice(), bob());
    contacts().removeContact(alice(), bob());
    contacts().removeContact(alice(), bob());

    assertThat(contactIds(alice())).isEmpty();
  }

  @Test
  void contactIdsAreCaseInsensitiveAndReadInLowerCase() {
    contacts().addContact(alice().toUpperCase(Locale.ROOT), bob().toUpperCase(Locale.ROOT));

    assertThat(contactIds(alice())).containsExactly(bob());
    assertThat(contactIds(bob().toUpperCase(Locale.ROOT))).containsExactly(alice());
  }

  @Test
  void addingAnUnknownUserIsNotFound() {
    assertThatThrownBy(() -> contacts().addContact(alice(), unknownUser())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts().addContact(unknownUser(), alice())).isInstanceOf(NotFoundException.class);

    assertThat(contactIds(alice())).isEmpty();
  }

  @Test
  void addingYourselfIsRefused() {
    assertThatThrownBy(() -> contacts().addContact(bob(), bob())).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> contacts().addContact(bob(), bob().toUpperCase(Locale.ROOT)))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(contactIds(bob())).isEmpty();
  }

  /** 120 contacts read 50 at a time: three pages, the last one short and without a cursor. */
  @Test
  void pagingVisitsEveryContactOnceAndEndsWithoutCursor() {
    List<String> friends = createUsers("f", 120);
    friends.forEach(f -> contacts().addContact(alice(), f));

    List<Page<Contact>> pages = Paging.pages(p -> contacts().contacts(alice(), p), 50);

    assertThat(pages).hasSize(3);
    assertThat(pages.get(0).items()).hasSize(50);
    assertThat(pages.get(1).items()).hasSize(50);
    assertThat(pages.get(2).items()).hasSize(20);
    assertThat(pages.get(0).nextCursor()).isPresent();
    assertThat(pages.get(1).nextCursor()).isPresent();
    assertThat(pages.get(2).nextCursor()).as("cursor of the last page").isEmpty();
    List<String> ids = Paging.items(pages).stream().map(Contact::userId).collect(Collectors.toList());
    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(friends);
  }

  @Test
  void pagingOrderIsStable() {
    List<String> friends = createUsers("f", 120);
    friends.forEach(f -> contacts().addContact(alice(), f));

    List<Contact> first = Paging.items(Paging.pages(p -> contacts().contacts(alice(), p), 50));
    List<Contact> second = Paging.items(Paging.pages(p -> contacts().contacts(alice(), p), 50));
    List<Contact> smallPages = Paging.items(Paging.pages(p -> contacts().contacts(alice(), p), 7));

    assertThat(second).as("a second traversal").isEqualTo(first);
    assertThat(smallPages).as("a traversal with pages of 7").isEqualTo(first);
  }

  @Test
  void allContactsStreamsThePagedUnion() {
    List<String> friends = createUsers("f", 120);
    friends.forEach(f -> contacts().addContact(alice(), f));

    List<Contact> paged = Paging.items(Paging.pages(p -> contacts().contacts(alice(), p), 50));

    assertThat(contacts().allContacts(alice()).collect(Collectors.toList())).isEqualTo(paged);
    assertThat(contacts().allContacts(alice()).limit(3)).as("a partly consumed stream").hasSize(3);
  }

  @Test
  void remarkIsSetReadAndClearedOnOneSideOnly() {
    requireCapability(Capability.CONTACT_REMARK);
    contacts().addContact(alice(), bob());
    contacts().addContact(alice(), carol());

    contacts().setRemark(alice(), bob(), "老板 Bob 👔");
    assertThat(contactOf(alice(), bob()).remark()).isEqualTo("老板 Bob 👔");
    assertThat(contactOf(alice(), carol()).remark()).as("another contact's remark").isNull();
    assertThat(contactOf(bob(), alice()).remark()).as("the friend's side").isNull();
    assertThat(contacts().contacts(alice(), PageRequest.first(50)).items()).contains(Contact.of(bob(), "老板 Bob 👔"));

    contacts().setRemark(alice(), bob(), "boss");
    assertThat(contactOf(alice(), bob()).remark()).as("after a second setRemark").isEqualTo("boss");

    contacts().setRemark(alice(), bob(), "");
    assertThat(contactOf(alice(), bob()).remark()).as("after setRemark(\"\")").isNull();

    contacts().setRemark(alice(), bob(), "again");
    contacts().setRemark(alice(), bob(), null);
    assertThat(contactOf(alice(), bob()).remark()).as("after setRemark(null)").isNull();
    assertThat(contactIds(alice())).as("clearing a remark keeps the contact").containsExactlyInAnyOrder(bob(), carol());
  }

  @Test
  void remarkForANonContactIsNotFound() {
    requireCapability(Capability.CONTACT_REMARK);

    assertThatThrownBy(() -> contacts().setRemark(alice(), bob(), "stranger")).isInstanceOf(NotFoundException.class);
    assertThat(contactIds(alice())).as("setRemark must not add a contact").isEmpty();
  }
}
