package io.imfacade.simulator.netease;

import java.util.regex.Pattern;

/**
 * What {@code user/updateUinfo} accepts as an {@code email}. The server checks the format: an
 * application recorded the answer {@code {"desc":"邮件 not email","code":414}} for the value
 * {@code 邮件} (netease-facts §3, code-id 2732878997). Which rule it applies is not documented; the
 * refusal is code 414 with the desc {@code "<value> not email"} in every mode. {@code ""} (which
 * clears the field) is always accepted.
 */
public enum EmailCheck {
  /** No check. */
  NONE,
  /**
   * The least the observation implies (the default): a value without an {@code @} with something
   * before and after it is refused, as {@code 邮件} was.
   */
  AT_SIGN,
  /**
   * A strict ASCII pattern, {@code \w+([-+.]\w+)*@\w+([-.]\w+)*\.\w+([-.]\w+)*} (letters, digits,
   * {@code _}; {@code - + .} between them), the validator most often copied into Chinese Java
   * back ends. Not NetEase's documented rule — there is none — but a plausible one: it refuses
   * non-ASCII addresses such as {@code 张三@例子.中国} and quotes such as {@code o'brien@example.com}.
   */
  STRICT_PATTERN;

  private static final Pattern STRICT = Pattern.compile("\\w+([-+.]\\w+)*@\\w+([-.]\\w+)*\\.\\w+([-.]\\w+)*");

  /** Whether the server would accept {@code email} (non-empty). */
  boolean accepts(String email) {
    switch (this) {
      case NONE:
        return true;
      case AT_SIGN: {
        int at = email.indexOf('@');
        return at > 0 && at < email.length() - 1;
      }
      default:
        return STRICT.matcher(email).matches();
    }
  }
}
