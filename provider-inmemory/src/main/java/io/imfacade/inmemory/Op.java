package io.imfacade.inmemory;

import io.imfacade.error.ConflictException;
import io.imfacade.error.ErrorDetails;
import io.imfacade.error.ImException;
import io.imfacade.error.InvalidRequestException;
import io.imfacade.error.NotFoundException;
import io.imfacade.error.QuotaExceededException;

/**
 * The neutral operations of the in-memory client. Each one carries its {@link ErrorDetails},
 * built once, so that raising an exception costs no more than the exception itself.
 */
enum Op {
  PROFILES_GET("profiles.get"),
  PROFILES_GET_ALL("profiles.getAll"),
  PROFILES_UPDATE("profiles.update"),
  PROFILES_DELETE("profiles.delete"),
  PROFILES_TOTAL_SIZE("profiles.totalSizeBytes"),
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

  /**
   * The same failure with this operation's details. The shared {@link io.imfacade.spi.Validation}
   * raises its exceptions without details; a caller should still see which provider and operation
   * refused the input, as with the remote providers.
   */
  ImException attach(ImException e) {
    if (e.provider().isPresent()) {
      return e;
    }
    if (e instanceof InvalidRequestException) {
      return invalid(((InvalidRequestException) e).field().orElse(null), e.plainMessage());
    }
    if (e instanceof QuotaExceededException) {
      return quotaExceeded(e.plainMessage());
    }
    if (e instanceof NotFoundException) {
      return notFound(e.plainMessage());
    }
    return e;
  }
}
