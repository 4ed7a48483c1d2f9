package io.imfacade.tenant.internal;

import io.imfacade.contact.Contact;
import io.imfacade.contact.ContactGraph;
import io.imfacade.contact.Page;
import io.imfacade.contact.PageRequest;
import io.imfacade.error.ErrorDetails;
import io.imfacade.internal.GuardPages;
import io.imfacade.spi.VendorLimits;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A tenant's contacts: each call on the tenant's current client. The streams read each page on the
 * client current at that moment: a stream must not pin a client that a rotation retired (an
 * abandoned stream would keep it open forever), and a cursor stays valid across a rotation of the
 * same vendor app's credentials. They page like the guard's ({@link GuardPages}).
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
    return GuardPages.stream(page -> contacts(owner, page), limits, limits.contactsMax(),
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
    return GuardPages.stream(page -> blocked(owner, page), limits, limits.blockListMax(),
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

  private ErrorDetails details(String operation) {
    return ErrorDetails.builder().provider(tenant.provider()).tenant(tenant.tenantId()).operation(operation).build();
  }
}
