package io.imfacade.migrate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing a run could not carry over, or (in {@link Phase#VERIFY}) one difference between the
 * target and what was to be written. A run writes each as one JSON line of its failures file:
 *
 * <pre>{"phase":"users","user":"alice","what":"profile.birth","reason":"birth is 40 UTF-16 code units,
 * over the limit of 16 UTF-16 code units (netease)","exception":"InvalidRequestException"}</pre>
 *
 * <p>The vocabulary of {@code what}: {@code source} (a user or group the source does not have),
 * {@code account}, {@code profile} (the whole profile update), {@code profile.<field>} (such as
 * {@code profile.birth}), {@code profile.customAttribute} (the key in {@code item}), {@code contact},
 * {@code remark}, {@code block} (the other user in {@code item}), {@code group}, {@code
 * group.description}, {@code group.maxMembers}, {@code member} (the member in {@code item}), {@code
 * member.attribute} (the member in {@code item}, the key in the reason), and in {@link Phase#VERIFY}
 * the same names for the differences.
 *
 * @param phase the phase that reported it
 * @param user the user it concerns, or null (a group)
 * @param group the source id of the group it concerns, or null
 * @param what what could not be carried over (see above)
 * @param item the other user, the attribute key or the member, when {@code what} needs one
 * @param reason why, in words: the target's limit, the missing capability, the vendor's refusal
 * @param exception the simple name of the neutral exception that refused it (such as {@code
 *     UnsupportedCapabilityException}), the one the target would throw for a value a dry run finds;
 *     null for a difference found by {@link Phase#VERIFY}
 */
public record Failure(Phase phase, @Nullable String user, @Nullable String group, String what,
    @Nullable String item, String reason, @Nullable String exception) {

  /** Requires the phase, what and the reason. */
  public Failure {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether this is a difference found by reading the target back, rather than a refusal. */
  public boolean isDifference() {
    return phase == Phase.VERIFY;
  }
}
