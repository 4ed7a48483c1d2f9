package io.imfacade.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactGraphTest {

  private final InMemoryImClient client = InMemoryImClient.create();
  private final ContactGraph contacts = client.contacts();

  @BeforeEach
  void users() {
    Seed.users(client, "alice", "bob", "carol", "dave");
  }

  @AfterEach
  void close() {
    client.close();
  }

  private List<String> contactIds(String owner) {
    return contacts.allContacts(owner).map(Contact::userId).collect(Collectors.toList());
  }

  @Test
  void contactsAreTwoWayAndCaseInsensitive() {
    contacts.addContact("ALICE", "Bob");
    assertThat(contactIds("alice")).containsExactly("bob");
    assertThat(contactIds("BOB")).containsExactly("alice");

    contacts.addContact("bob", "alice");
    assertThat(contactIds("alice")).containsExactly("bob");
  }

  @Test
  void addingAnUnknownUserFails() {
    assertThatThrownBy(() -> contacts.addContact("alice", "nobody"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.operation()).contains("contacts.addContact"))
        .hasMessageContaining("nobody");
    assertThatThrownBy(() -> contacts.addContact("nobody", "alice"))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("nobody");
    assertThat(contactIds("alice")).isEmpty();
  }

  @Test
  void removeEndsBothDirectionsAndDropsBothRemarks() {
    contacts.addContact("alice", "bob");
    contacts.setRemark("alice", "bob", "Bobby");
    contacts.setRemark("bob", "alice", "Al");
    contacts.removeContact("bob", "alice");

    assertThat(contactIds("alice")).isEmpty();
    assertThat(contactIds("bob")).isEmpty();
    contacts.addContact("alice", "bob");
    assertThat(contacts.allContacts("alice")).containsExactly(Contact.of("bob"));
    assertThat(contacts.allContacts("bob")).containsExactly(Contact.of("alice"));

    contacts.removeContact("alice", "carol");
    contacts.removeContact("alice", "never-existed");
    assertThatThrownBy(() -> contacts.removeContact("nobody", "alice")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void remarksAreOneWayAndClearable() {
    contacts.addContact("alice", "bob");
    contacts.setRemark("alice", "BOB", "Bobby");
    assertThat(contacts.allContacts("alice")).containsExactly(Contact.of("bob", "Bobby"));
    assertThat(contacts.allContacts("bob")).containsExactly(Contact.of("alice"));

    contacts.setRemark("alice", "bob", "");
    assertThat(contacts.allContacts("alice")).containsExactly(Contact.of("bob"));
    contacts.setRemark("alice", "bob", "again");
    contacts.setRemark("alice", "bob", null);
    assertThat(contacts.allContacts("alice")).containsExactly(Contact.of("bob"));

    assertThatThrownBy(() -> contacts.setRemark("alice", "carol", "C"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.operation()).contains("contacts.setRemark"));
  }

  @Test
  void pagesFollowTheOrderOfAddition() {
    for (String friend : List.of("dave", "bob", "carol")) {
      contacts.addContact("alice", friend);
    }
    Page<Contact> first = contacts.contacts("alice", PageRequest.first(2));
    assertThat(first.items()).extracting(Contact::userId).containsExactly("dave", "bob");
    Page<Contact> second = contacts.contacts("alice", PageRequest.after(first.nextCursor().orElseThrow(), 2));
    assertThat(second.items()).extracting(Contact::userId).containsExactly("carol");
    assertThat(second.nextCursor()).isEmpty();

    assertThat(contacts.contacts("alice", PageRequest.first(3)).nextCursor())
        .as("no cursor to an empty page").isEmpty();
    assertThat(contacts.contacts("bob", PageRequest.first(3)).items()).extracting(Contact::userId).containsExactly("alice");
  }

  @Test
  void changesBetweenPagesNeitherRepeatNorSkipRemainingEntries() {
    Seed.users(client, "f0", "f1", "f2", "f3", "f4", "f5", "late");
    for (int i = 0; i < 6; i++) {
      contacts.addContact("alice", "f" + i);
    }
    Page<Contact> first = contacts.contacts("alice", PageRequest.first(2));
    assertThat(first.items()).extracting(Contact::userId).containsExactly("f0", "f1");

    contacts.removeContact("alice", "f0");  // before the cursor
    contacts.removeContact("alice", "f3");  // after the cursor
    contacts.addContact("alice", "late");

    List<String> rest = new ArrayList<>();
    Page<Contact> page = first;
    while (page.nextCursor().isPresent()) {
      page = contacts.contacts("alice", PageRequest.after(page.nextCursor().get(), 2));
      page.items().forEach(c -> rest.add(c.userId()));
    }
    assertThat(rest).containsExactly("f2", "f4", "f5", "late");
  }

  @Test
  void badCursorsAreInvalidRequests() {
    contacts.addContact("alice", "bob");
    contacts.addContact("alice", "carol");
    contacts.block("alice", List.of("dave", "bob"));
    String blockCursor = contacts.blocked("alice", PageRequest.first(1)).nextCursor().orElseThrow();

    for (String bad : List.of("garbage!", "Zm9v", blockCursor, "YzA", "Yy0x")) {
      assertThatThrownBy(() -> contacts.contacts("alice", PageRequest.after(bad, 1)))
          .as("cursor %s", bad)
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).contains("page"));
    }
  }

  @Test
  void listsOfUnknownOwnersAreNotFound() {
    assertThatThrownBy(() -> contacts.contacts("nobody", PageRequest.first(10))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> contacts.blocked("nobody", PageRequest.first(10))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void blockingIsOneWayAndIndependentOfContacts() {
    contacts.addContact("alice", "bob");
    contacts.block("alice", List.of("BOB", "carol", "bob"));

    assertThat(contacts.allBlocked("alice")).containsExactly("bob", "carol");
    assertThat(contacts.allBlocked("bob")).isEmpty();
    assertThat(contactIds("alice")).containsExactly("bob");

    contacts.block("alice", List.of("carol", "dave"));
    assertThat(contacts.allBlocked("alice")).containsExactly("bob", "carol", "dave");

    contacts.unblock("alice", "Carol");
    contacts.unblock("alice", "carol");
    contacts.unblock("alice", "never-blocked");
    assertThat(contacts.allBlocked("alice")).containsExactly("bob", "dave");
    assertThat(contactIds("alice")).containsExactly("bob");

    contacts.removeContact("alice", "bob");
    assertThat(contacts.allBlocked("alice")).containsExactly("bob", "dave");
  }

  @Test
  void blockOfUnknownUsersBlocksTheOthersAndNamesTheUnknown() {
    assertThatThrownBy(() -> contacts.block("alice", List.of("bob", "nobody")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("these users do not exist: nobody; the other 1 user is blocked by alice");
    assertThat(contacts.allBlocked("alice")).containsExactly("bob");
    assertThatThrownBy(() -> contacts.block("nobody", List.of("carol"))).isInstanceOf(NotFoundException.class);
    assertThat(contacts.allBlocked("carol")).isEmpty();
    assertThatThrownBy(() -> contacts.unblock("nobody", "bob")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void blockedListPages() {
    contacts.block("alice", List.of("dave", "bob", "carol"));
    Page<String> first = contacts.blocked("alice", PageRequest.first(2));
    assertThat(first.items()).containsExactly("dave", "bob");
    Page<String> second = contacts.blocked("alice", PageRequest.after(first.nextCursor().orElseThrow(), 2));
    assertThat(second.items()).containsExactly("carol");
    assertThat(second.nextCursor()).isEmpty();
    assertThatCode(() -> contacts.blocked("bob", PageRequest.first(50))).doesNotThrowAnyException();
  }
}
