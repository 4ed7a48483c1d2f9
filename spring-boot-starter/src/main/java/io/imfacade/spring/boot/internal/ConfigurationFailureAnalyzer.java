package io.imfacade.spring.boot.internal;

import io.imfacade.error.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an imfacade {@link ConfigurationException} at start-up (an unknown provider, a missing or
 * unknown key) into Spring Boot's "APPLICATION FAILED TO START" report, with the property to fix.
 * The exception's message names keys and never a secret's value.
 */
public final class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
    return new FailureAnalysis(
        "The imfacade client could not be configured: " + cause.plainMessage(),
        "Check the imfacade.* properties. A client key is set by the property of the same path in "
            + "kebab-case (easemob.orgName by imfacade.easemob.org-name), or by imfacade.config.[<key>]; "
            + "imfacade.provider names the provider, whose jar must be on the classpath.",
        cause);
  }
}
