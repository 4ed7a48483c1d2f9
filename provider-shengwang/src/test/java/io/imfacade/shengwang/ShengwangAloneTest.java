package io.imfacade.shengwang;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImFacade;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: the Shengwang jar brings the Easemob family, not the Easemob provider. On this module's
 * test classpath (Shengwang and its dependencies only), Easemob is not registered.
 */
class ShengwangAloneTest {

  @Test
  void addingShengwangDoesNotRegisterEasemob() {
    assertThat(ImFacade.providers()).contains("shengwang").doesNotContain("easemob");
    assertThat(ImFacade.metadata("easemob")).isEmpty();
  }
}
