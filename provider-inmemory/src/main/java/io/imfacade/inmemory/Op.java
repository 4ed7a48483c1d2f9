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
  ADMIN_CREATE_USERS("admin.createUsers"),
  ADMIN_USER_EXISTS("admin.userExists"),
  ADMIN_CREATE_GROUP("admin.createGroup"),
  ADMIN_ADD_MEMBERS("admin.addMembers"),
  ADMIN_REMOVE_MEMBERS("admin.removeMembers"),
  ADMIN_DELETE_GROUP("admin.deleteGroup");

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
