package io.imfacade.inmemory;

import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;

/**
 * The operations of the in-memory client that can fail on its state (the guard has checked the
 * input already). Each carries its {@link ErrorDetails}, built once, so that a failure is as
 * complete as a remote provider's: provider, operation, message.
 */
enum Op {
  PROFILES_UPDATE("profiles.update"),
  MEMBERS_GET("groupMemberAttributes.get"),
  MEMBERS_SET("groupMemberAttributes.set"),
  MEMBERS_SET_ALL("groupMemberAttributes.setAll"),
  CONTACTS_ADD("contacts.addContact"),
  CONTACTS_REMOVE("contacts.removeContact"),
  CONTACTS_SET_REMARK("contacts.setRemark"),
  CONTACTS_LIST("contacts.contacts"),
  CONTACTS_BLOCK("contacts.block"),
  CONTACTS_UNBLOCK("contacts.unblock"),
  CONTACTS_BLOCKED("contacts.blocked"),
  ACCOUNTS_REGISTER("accounts.register"),
  ACCOUNTS_REGISTER_ALL("accounts.registerAll"),
  ACCOUNTS_SET_PASSWORD("accounts.setPassword"),
  ACCOUNTS_ISSUE_TOKEN("accounts.issueToken"),
  GROUPS_CREATE("groups.create"),
  GROUPS_ADD_MEMBERS("groups.addMembers"),
  GROUPS_REMOVE_MEMBERS("groups.removeMembers"),
  GROUPS_MEMBERS("groups.members"),
  GROUPS_DELETE("groups.delete");

  private final ErrorDetails details;

  Op(String operation) {
    this.details = ErrorDetails.builder().provider(InMemoryProvider.ID).operation(operation).build();
  }

  InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(message, field, details, null);
  }

  NotFoundException notFound(String message) {
    return new NotFoundException(message, details);
  }

  QuotaExceededException quotaExceeded(String message) {
    return new QuotaExceededException(message, details);
  }

  ConflictException conflict(String message) {
    return new ConflictException(message, details);
  }
}
