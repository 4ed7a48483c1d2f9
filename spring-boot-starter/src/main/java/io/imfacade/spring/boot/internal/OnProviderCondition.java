package io.imfacade.spring.boot.internal;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code imfacade.provider} has a non-blank value. Unlike {@code
 * ConditionalOnProperty}, an empty value ({@code imfacade.provider: ${IM_PROVIDER:}} with the
 * variable unset) means "no client", not a failed start.
 */
public final class OnProviderCondition extends SpringBootCondition {

  /** The property whose value names the provider. */
  public static final String PROPERTY = "imfacade.provider";

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String provider = context.getEnvironment().getProperty(PROPERTY);
    return StringUtils.hasText(provider)
        ? ConditionOutcome.match(PROPERTY + " is " + provider.trim())
        : ConditionOutcome.noMatch(PROPERTY + " is not set");
  }
}
