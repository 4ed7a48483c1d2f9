package io.imfacade.tck.remote;

import io.imfacade.simulator.easemob.EasemobSimulatorExtension;
import io.imfacade.simulator.netease.NeteaseSimulatorExtension;

/**
 * The simulated vendor apps the TCK runs against, and the credentials both sides agree on. The
 * Shengwang app id and certificate are the ones of Agora's published AccessToken2 test vector, so
 * the provider builds real tokens.
 */
public final class Simulators {

  /** Easemob org name. */
  public static final String EASEMOB_ORG = "tckorg";
  /** Easemob app name. */
  public static final String EASEMOB_APP = "tckapp";
  /** Easemob client id. */
  public static final String EASEMOB_CLIENT_ID = "YXA6tck-client";
  /** Easemob client secret. */
  public static final String EASEMOB_CLIENT_SECRET = "YXA6tck-secret";
  /** Shengwang app id (32 hex characters, as the console gives). */
  public static final String SHENGWANG_APP_ID = "970CA35de60c44645bbae8a215061b33";
  /** Shengwang app certificate. */
  public static final String SHENGWANG_APP_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
  /** NetEase app key. */
  public static final String NETEASE_APP_KEY = "go9dnk49bkd9jd9vmel1kglw0803mgq3";
  /** NetEase app secret. */
  public static final String NETEASE_APP_SECRET = "tck-netease-secret";

  private Simulators() {}

  /** A fresh Easemob simulator extension with the TCK's credentials. */
  public static EasemobSimulatorExtension easemob() {
    return EasemobSimulatorExtension.easemob(EASEMOB_ORG, EASEMOB_APP)
        .clientCredentials(EASEMOB_CLIENT_ID, EASEMOB_CLIENT_SECRET)
        .build();
  }

  /**
   * A fresh Shengwang simulator extension. It accepts AccessToken2 tokens ("007" prefix) as the
   * real service does for tokens signed with the app's certificate; the provider's own unit tests
   * check the signature against the published vector.
   */
  public static EasemobSimulatorExtension shengwang() {
    return EasemobSimulatorExtension.shengwang(SHENGWANG_APP_ID)
        .acceptToken(token -> token.startsWith("007eJ"))
        .build();
  }

  /** A fresh NetEase simulator extension with the TCK's credentials. */
  public static NeteaseSimulatorExtension netease() {
    // The simulator enforces NetEase's 100 calls/s per endpoint by default; the TCK's quota
    // contract blocks 3000 users, so it runs without the limit (a provider test covers the limit).
    return NeteaseSimulatorExtension.app(NETEASE_APP_KEY, NETEASE_APP_SECRET).requestsPerSecond(0).build();
  }
}
