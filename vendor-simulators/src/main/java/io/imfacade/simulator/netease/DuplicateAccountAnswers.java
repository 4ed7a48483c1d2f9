package io.imfacade.simulator.netease;

/**
 * How the simulated server answers {@code user/create.action} for an accid that is registered
 * already.
 *
 * <p>The answer {@code {"desc":"already register","code":414}} is OBSERVED in many independent
 * applications, and the official SDK's tests treat a 414 of create as "exists already"
 * (netease-facts §5); no doc page states it, and 414 is also the generic parameter error. The
 * other constants are plausible servers that word it differently, so that a client matching only
 * the observed desc fails against them.
 */
public enum DuplicateAccountAnswers {
  /** 414 {@code already register}, the observed answer (the default). */
  ALREADY_REGISTER_414,
  /** 414 with another desc: {@code accid already exists: x}. */
  OTHER_DESC_414,
  /** 417 "repeated operation": {@code repeated operation: accid x exists}. */
  REPEATED_OPERATION_417
}
