package io.imfacade.tck.faults;

import io.imfacade.Capability;
import io.imfacade.ImClient;
import io.imfacade.account.Registration;
import io.imfacade.contact.PageRequest;
import io.imfacade.group.NewGroup;
import io.imfacade.profile.ProfileUpdate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Every remote operation of the five neutral services, as a fault test calls it: with valid input
 * (it passes the guard and reaches the vendor) made of the case's own ids.
 *
 * <p>{@link #statusOnly}: on that family, every request the operation makes is answered by the
 * vendor with a status only — the HTTP status (Easemob family: add or remove a contact, remark,
 * unblock, set a password, whose bodies the provider documents as not read) or NetEase's {@code
 * {"code":200}} ({@code updateUinfo}, {@code friend/*}, {@code setSpecialRelation}). A 200 with
 * unexpected fields is a success there: the vendor said so. Every other operation reads a
 * documented payload and must refuse one of the wrong shape.
 */
enum RemoteOperation {

  PROFILES_GET("profiles.get", null, (c, ids) -> c.profiles().get(ids.user(0))),
  PROFILES_GET_ALL("profiles.getAll", null, (c, ids) -> c.profiles().getAll(ids.users(0, 2))),
  PROFILES_GET_ALL_CUSTOM("profiles.getAll (custom keys)", Capability.PROFILE_CUSTOM_ATTRIBUTES,
      (c, ids) -> c.profiles().getAll(ids.users(0, 2), List.of("tier"))),
  PROFILES_UPDATE("profiles.update", null,
      (c, ids) -> run(() -> c.profiles().update(ids.user(0), ProfileUpdate.builder().nickname("Nick").build())),
      Vendor.Family.NETEASE),
  PROFILES_DELETE("profiles.delete", null, (c, ids) -> run(() -> c.profiles().delete(ids.user(0))),
      Vendor.Family.NETEASE),
  PROFILES_TOTAL_SIZE("profiles.totalSizeBytes", Capability.PROFILE_TOTAL_SIZE, (c, ids) -> c.profiles().totalSizeBytes()),

  MEMBERS_GET("groupMemberAttributes.get", Capability.GROUP_MEMBER_ATTRIBUTES,
      (c, ids) -> c.groupMemberAttributes().get(ids.group(), ids.user(0))),
  MEMBERS_GET_BATCH("groupMemberAttributes.get (batch)", Capability.GROUP_MEMBER_ATTRIBUTES,
      (c, ids) -> c.groupMemberAttributes().get(ids.group(), ids.users(0, 2), List.of("seat"))),
  MEMBERS_SET("groupMemberAttributes.set", Capability.GROUP_MEMBER_ATTRIBUTES,
      (c, ids) -> c.groupMemberAttributes().set(ids.group(), ids.user(0), Map.of("seat", "1"))),
  MEMBERS_SET_ALL("groupMemberAttributes.setAll", Capability.GROUP_MEMBER_ATTRIBUTES,
      (c, ids) -> c.groupMemberAttributes().setAll(ids.group(), attributes(ids.users(0, 3))),
      ids -> ids.users(0, 3)),

  CONTACTS_ADD("contacts.addContact", null, (c, ids) -> run(() -> c.contacts().addContact(ids.user(0), ids.user(1))),
      Vendor.Family.EASEMOB, Vendor.Family.NETEASE),
  CONTACTS_REMOVE("contacts.removeContact", null,
      (c, ids) -> run(() -> c.contacts().removeContact(ids.user(0), ids.user(1))),
      Vendor.Family.EASEMOB, Vendor.Family.NETEASE),
  CONTACTS_SET_REMARK("contacts.setRemark", Capability.CONTACT_REMARK,
      (c, ids) -> run(() -> c.contacts().setRemark(ids.user(0), ids.user(1), "best friend")),
      Vendor.Family.EASEMOB, Vendor.Family.NETEASE),
  CONTACTS_PAGE("contacts.contacts", null, (c, ids) -> c.contacts().contacts(ids.user(0), PageRequest.first(10))),
  CONTACTS_BLOCK("contacts.block", Capability.BLOCK_LIST, (c, ids) -> run(() -> c.contacts().block(ids.user(0), ids.users(1, 3)))),
  CONTACTS_UNBLOCK("contacts.unblock", Capability.BLOCK_LIST,
      (c, ids) -> run(() -> c.contacts().unblock(ids.user(0), ids.user(1))),
      Vendor.Family.EASEMOB, Vendor.Family.NETEASE),
  CONTACTS_BLOCKED("contacts.blocked", Capability.BLOCK_LIST, (c, ids) -> c.contacts().blocked(ids.user(0), PageRequest.first(10))),

  ACCOUNTS_REGISTER("accounts.register", null, (c, ids) -> c.accounts().register(Registration.of(ids.user(0), ids.password()))),
  ACCOUNTS_REGISTER_ALL("accounts.registerAll", null,
      (c, ids) -> c.accounts().registerAll(ids.users(0, 3).stream().map(u -> Registration.of(u, ids.password())).toList()),
      ids -> ids.users(0, 3)),
  ACCOUNTS_GET("accounts.get", null, (c, ids) -> c.accounts().get(ids.user(0))),
  ACCOUNTS_EXISTS("accounts.exists", null, (c, ids) -> c.accounts().exists(ids.user(0))),
  ACCOUNTS_DELETE("accounts.delete", Capability.ACCOUNT_DELETE, (c, ids) -> run(() -> c.accounts().delete(ids.user(0)))),
  ACCOUNTS_SET_PASSWORD("accounts.setPassword", Capability.ACCOUNT_PASSWORD,
      (c, ids) -> run(() -> c.accounts().setPassword(ids.user(0), ids.password())), Vendor.Family.EASEMOB),
  ACCOUNTS_ISSUE_TOKEN("accounts.issueToken", Capability.ACCOUNT_TOKEN,
      (c, ids) -> c.accounts().issueToken(ids.user(0), Duration.ofHours(1))),

  GROUPS_CREATE("groups.create", null, (c, ids) -> c.groups().create(NewGroup.of(ids.user(0), "Fault club", ids.users(1, 3)))),
  GROUPS_GET("groups.get", null, (c, ids) -> c.groups().get(ids.group())),
  GROUPS_ADD_MEMBERS("groups.addMembers", null, (c, ids) -> c.groups().addMembers(ids.group(), ids.users(1, 3)),
      ids -> ids.users(1, 3)),
  GROUPS_REMOVE_MEMBERS("groups.removeMembers", null, (c, ids) -> c.groups().removeMembers(ids.group(), ids.users(1, 3)),
      ids -> ids.users(1, 3)),
  GROUPS_MEMBERS("groups.members", null, (c, ids) -> c.groups().members(ids.group(), PageRequest.first(10))),
  GROUPS_DELETE("groups.delete", null, (c, ids) -> run(() -> c.groups().delete(ids.group())));

  private final String label;
  private final @Nullable Capability capability;
  private final BiFunction<ImClient, CaseIds, Object> call;
  private final @Nullable Function<CaseIds, List<String>> members;
  private final Set<Vendor.Family> statusOnly;

  RemoteOperation(String label, @Nullable Capability capability, BiFunction<ImClient, CaseIds, Object> call,
      Vendor.Family... statusOnly) {
    this(label, capability, call, null, statusOnly);
  }

  RemoteOperation(String label, @Nullable Capability capability, BiFunction<ImClient, CaseIds, Object> call,
      @Nullable Function<CaseIds, List<String>> members, Vendor.Family... statusOnly) {
    this.label = label;
    this.capability = capability;
    this.call = call;
    this.members = members;
    this.statusOnly = statusOnly.length == 0 ? EnumSet.noneOf(Vendor.Family.class) : EnumSet.of(statusOnly[0], statusOnly);
  }

  /** The neutral operation, as the guard names it. */
  String label() {
    return label;
  }

  /** The capability it needs, or null when every provider must offer it. */
  @Nullable Capability capability() {
    return capability;
  }

  /** Calls the operation; its result ({@code null} for a void operation). */
  @Nullable Object call(ImClient client, CaseIds ids) {
    return call.apply(client, ids);
  }

  /** For a batch write that reports each member: the members of its request; else null. */
  @Nullable List<String> members(CaseIds ids) {
    return members == null ? null : members.apply(ids);
  }

  /** Whether every answer the operation reads on {@code family} is status-only (see the class comment). */
  boolean statusOnly(Vendor.Family family) {
    return statusOnly.contains(family);
  }

  private static @Nullable Object run(Runnable r) {
    r.run();
    return null;
  }

  private static Map<String, Map<String, String>> attributes(List<String> users) {
    Map<String, Map<String, String>> byUser = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      byUser.put(users.get(i), Map.of("seat", Integer.toString(i + 1)));
    }
    return byUser;
  }
}
