package io.imfacade.tck.remote;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.easemob.Undocumented;
import java.util.ArrayList;
import java.util.List;

/**
 * The Easemob-family simulator in each of its plausible answers ({@link Undocumented}): the
 * behaviours the vendors leave undocumented, each with the answers a live server might give. Run
 * {@code r} (0 to {@value #RUNS} - 1) gives, for every behaviour, its constant number {@code r}
 * modulo the number of constants, so that the {@value #RUNS} runs together give every answer of
 * every behaviour at least once, in varied combinations. Run 0 is the simulator's default
 * ({@link EasemobConformanceTest}); runs 1 to 3 are the {@code Easemob*AnswersConformanceTest}
 * classes. Runs 1 and 2 also run on Shengwang, so that the behaviours only a Shengwang app shows
 * ({@link Undocumented.RegisterWithoutPassword}, two answers) get each of their answers there.
 */
final class PlausibleAnswers {

  /** How many runs it takes to give every answer: the most constants of one behaviour. */
  static final int RUNS = 4;

  private PlausibleAnswers() {}

  /** The answers of run {@code run}: one constant per behaviour. */
  static List<Enum<?>> of(int run) {
    List<Enum<?>> answers = new ArrayList<>();
    for (Class<? extends Enum<?>> behaviour : Undocumented.behaviours()) {
      Enum<?>[] constants = behaviour.getEnumConstants();
      answers.add(constants[run % constants.length]);
    }
    return answers;
  }

  /** A fresh Easemob simulator extension (the TCK's credentials) giving the answers of run {@code run}. */
  static EasemobSimulatorExtension easemob(int run) {
    EasemobSimulatorExtension.Builder b = EasemobSimulatorExtension.easemob(Simulators.EASEMOB_ORG, Simulators.EASEMOB_APP)
        .clientCredentials(Simulators.EASEMOB_CLIENT_ID, Simulators.EASEMOB_CLIENT_SECRET);
    of(run).forEach(b::answer);
    return b.build();
  }

  /** A fresh Shengwang simulator extension giving the answers of run {@code run}. */
  static EasemobSimulatorExtension shengwang(int run) {
    EasemobSimulatorExtension.Builder b = EasemobSimulatorExtension.shengwang(Simulators.SHENGWANG_APP_ID)
        .acceptToken(token -> token.startsWith("007eJ"));
    of(run).forEach(b::answer);
    return b.build();
  }
}
