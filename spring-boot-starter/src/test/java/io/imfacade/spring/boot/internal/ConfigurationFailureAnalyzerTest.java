package io.imfacade.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.error.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A bad configuration at start-up is reported with the property to fix. */
class ConfigurationFailureAnalyzerTest {

  @Test
  void theReportNamesTheProblemAndThePropertyForm() {
    ConfigurationException cause = new ConfigurationException("missing required configuration key 'easemob.orgName'");
    BeanCreationException failure = new BeanCreationException("imClient", "failed", cause);

    FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);

    assertThat(analysis.getDescription()).contains("missing required configuration key 'easemob.orgName'");
    assertThat(analysis.getAction()).contains("imfacade.easemob.org-name");
    assertThat(analysis.getCause()).isSameAs(cause);
  }
}
