package io.imfacade.tenant.internal;

import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.contact.Pages;
import io.imfacade.error.ErrorDetails;
import io.imfacade.spi.VendorLimits;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A tenant's contacts: each call on the tenant's current client. The streams read each page on the
 * client current at that moment: a stream must not pin a client that a rotation retired (an
 * abandoned stream would keep it open forever), and a cursor stays valid across a rotation of the
 * same vendor app's credentials.
 */
final class RoutedContacts implements ContactGraph {

  private final TenantClient tenant;

  RoutedContacts(TenantClient tenant) {
    this.tenant = tenant;
  }

  @Override
  public void addContact(String owner, String friend) {
    tenant.run(c -> c.contacts().addContact(owner, friend));
  }

  @Override
  public void removeContact(String owner, String friend) {
    tenant.run(c -> c.contacts().removeContact(owner, friend));
  }

  @Override
  public void setRemark(String owner, String friend, String remark) {
    tenant.run(c -> c.contacts().setRemark(owner, friend, remark));
  }

  @Override
  public Page<Contact> contacts(String owner, PageRequest page) {
    return tenant.call(c -> c.contacts().contacts(owner, page));
  }

  @Override
  public Stream<Contact> allContacts(String owner) {
    VendorLimits limits = checked(c -> c.allContacts(owner));
    int size = pageSize(limits);
    return Pages.stream(page -> contacts(owner, page), size, maxPages(limits.contactsMax(), size),
        details("contacts.contacts"));
  }

  @Override
  public void block(String owner, Collection<String> users) {
    tenant.run(c -> c.contacts().block(owner, users));
  }

  @Override
  public void unblock(String owner, String user) {
    tenant.run(c -> c.contacts().unblock(owner, user));
  }

  @Override
  public Page<String> blocked(String owner, PageRequest page) {
    return tenant.call(c -> c.contacts().blocked(owner, page));
  }

  @Override
  public Stream<String> allBlocked(String owner) {
    VendorLimits limits = checked(c -> c.allBlocked(owner));
    int size = pageSize(limits);
    return Pages.stream(page -> blocked(owner, page), size, maxPages(limits.blockListMax(), size),
        details("contacts.blocked"));
  }

  /**
   * Runs the current client's eager checks of a stream method (the same exceptions as on a plain
   * client; its stream is lazy and dropped unread) and answers that client's limits.
   */
  private VendorLimits checked(Function<ContactGraph, Stream<?>> streamMethod) {
    return tenant.call(c -> {
      streamMethod.apply(c.contacts());
      return c.metadata().limits();
    });
  }

  /** The page size of the guard's streams: the default, within the vendor's maximum. */
  private static int pageSize(VendorLimits limits) {
    return Math.min(DEFAULT_STREAM_PAGE_SIZE, limits.pageSizeMax());
  }

  /** The guard's bound on the pages of a list of at most {@code maxItems}, with room to spare. */
  private static int maxPages(int maxItems, int pageSize) {
    long pages = (long) maxItems / pageSize + 1;
    return (int) Math.min(Pages.DEFAULT_MAX_PAGES, 2 * pages + 10);
  }

  private ErrorDetails details(String operation) {
    return ErrorDetails.builder().provider(tenant.provider()).tenant(tenant.tenantId()).operation(operation).build();
  }
}
