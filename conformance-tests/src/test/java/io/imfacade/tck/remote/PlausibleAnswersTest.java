package io.imfacade.tck.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.simulator.easemob.Undocumented;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The mode runs of the TCK give every plausible answer of every undocumented behaviour. */
class PlausibleAnswersTest {

  @Test
  void theRunsTogetherGiveEveryAnswerOfEveryBehaviour() {
    Set<Enum<?>> given = new HashSet<>();
    IntStream.range(0, PlausibleAnswers.RUNS).forEach(run -> given.addAll(PlausibleAnswers.of(run)));

    for (Class<? extends Enum<?>> behaviour : Undocumented.behaviours()) {
      assertThat(given).as(behaviour.getSimpleName()).contains(behaviour.getEnumConstants());
    }
    assertThat(PlausibleAnswers.of(0)).as("run 0 is the default: every first constant")
        .allSatisfy(answer -> assertThat(answer.ordinal()).isZero());
    assertThat(List.of(EasemobAnswers1ConformanceTest.class, EasemobAnswers2ConformanceTest.class,
        EasemobAnswers3ConformanceTest.class)).hasSize(PlausibleAnswers.RUNS - 1);
  }

  /**
   * The Shengwang runs (0: {@link ShengwangConformanceTest}, 1, 2) give every answer of the
   * behaviour only a Shengwang app shows, registration without a password.
   */
  @Test
  void theShengwangRunsGiveEveryAnswerOfRegistrationWithoutPassword() {
    Set<Enum<?>> given = new HashSet<>();
    List.of(0, 1, 2).forEach(run -> given.addAll(PlausibleAnswers.of(run)));

    assertThat(given).contains(Undocumented.RegisterWithoutPassword.values());
    assertThat(List.of(ShengwangConformanceTest.class, ShengwangAnswers1ConformanceTest.class,
        ShengwangAnswers2ConformanceTest.class)).hasSize(3);
  }
}
