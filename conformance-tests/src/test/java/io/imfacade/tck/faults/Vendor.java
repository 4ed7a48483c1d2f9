package io.imfacade.tck.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.spi.ProviderContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The remote providers under test, each with its own configured secret, and what the fault tests
 * need to know of its vendor's HTTP side: where its requests go, its token endpoint, and which
 * requests are writes its provider declares non-idempotent ({@code Operation.nonIdempotent} in
 * its {@code Ops}), which must never be sent twice after an ambiguous failure.
 */
enum Vendor {

  EASEMOB("easemob", Family.EASEMOB, "fm-easemob-client-secret-5b7e1c"),
  SHENGWANG("shengwang", Family.EASEMOB, "0f1e2d3c4b5a69788796a5b4c3d2e1f0"),
  NETEASE("netease", Family.NETEASE, "fm-netease-app-secret-c2a9d4");

  /** How a vendor answers: the Easemob REST family, or NetEase's v1 API. */
  enum Family { EASEMOB, NETEASE }

  static final String EASEMOB_ORG = "fmorg";
  static final String EASEMOB_APP = "fmapp";
  static final String EASEMOB_CLIENT_ID = "YXA6fm-client";
  static final String SHENGWANG_APP_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
  static final String NETEASE_APP_KEY = "fm0netease0app0key0000000000000a";
  /** The app token the token stub issues. */
  static final String APP_TOKEN = "YWMt-fault-matrix-app-token";

  /** NetEase writes declared non-idempotent: account creation, team creation, a member's custom. */
  private static final List<String> NETEASE_NON_IDEMPOTENT =
      List.of("/user/create.action", "/team/create.action", "/team/updateTeamNick.action");

  // Easemob-family writes declared non-idempotent: POST users (registration), POST chatgroups
  // (creation), DELETE chatgroups/{g} (deletion).

  private final String id;
  private final Family family;
  private final String secret;

  Vendor(String id, Family family, String secret) {
    this.id = id;
    this.family = family;
    this.secret = secret;
  }

  /** The provider id. */
  String id() {
    return id;
  }

  Family family() {
    return family;
  }

  /** The configured secret (client secret, app certificate, app secret): never in a message or a log line. */
  String secret() {
    return secret;
  }

  /**
   * A client of this vendor whose requests go to {@code baseUrl} (a WireMock server, with a path
   * prefix of the test's choice), with the common keys {@code transport} (see {@link
   * FaultSettings#transport}).
   */
  ImClient open(String baseUrl, ProviderContext context, Map<String, String> transport) {
    Map<String, String> config = new LinkedHashMap<>(transport);
    config.put("provider", id);
    switch (this) {
      case EASEMOB:
        config.put("easemob.baseUrl", baseUrl);
        config.put("easemob.orgName", EASEMOB_ORG);
        config.put("easemob.appName", EASEMOB_APP);
        config.put("easemob.clientId", EASEMOB_CLIENT_ID);
        config.put("easemob.clientSecret", secret);
        break;
      case SHENGWANG:
        config.put("shengwang.baseUrl", baseUrl);
        config.put("shengwang.appId", SHENGWANG_APP_ID);
        config.put("shengwang.appCertificate", secret);
        break;
      case NETEASE:
        config.put("netease.baseUrl", baseUrl);
        config.put("netease.appKey", NETEASE_APP_KEY);
        config.put("netease.appSecret", secret);
        break;
      default:
        throw new AssertionError(this);
    }
    return ImFacade.open(ImConfig.of(config), context);
  }

  /** The path below the base URL's path where this vendor's requests go. */
  String apiPath() {
    switch (this) {
      case EASEMOB:
        return "/" + EASEMOB_ORG + "/" + EASEMOB_APP;
      case SHENGWANG:
        return "/app-id/" + SHENGWANG_APP_ID;
      case NETEASE:
        return "/nimserver";
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The stub of the app token endpoint below {@code basePath}, answering normally: Easemob only
   * (Shengwang builds its app token locally, NetEase signs every request). It matches the client
   * credentials grant only, so that a user token request ({@code grant_type=inherit}, the same
   * path) meets the fault like every other request.
   */
  Optional<MappingBuilder> tokenStub(String basePath) {
    if (this != EASEMOB) {
      return Optional.empty();
    }
    return Optional.of(post(urlPathEqualTo(basePath + apiPath() + "/token"))
        .withRequestBody(containing("client_credentials"))
        .willReturn(okJson("{\"access_token\":\"" + APP_TOKEN + "\",\"expires_in\":3600,\"application\":\"fm\"}")));
  }

  /** Whether {@code request} is the token request of {@link #tokenStub}. */
  boolean isAppTokenRequest(SentRequest request) {
    return this == EASEMOB && request.path().endsWith(apiPath() + "/token")
        && request.body().contains("client_credentials");
  }

  /** Whether {@code request} is a write this vendor's provider declares non-idempotent. */
  boolean isNonIdempotentWrite(SentRequest request) {
    String path = request.path();
    if (family == Family.NETEASE) {
      return NETEASE_NON_IDEMPOTENT.stream().anyMatch(path::endsWith);
    }
    String api = Pattern.quote(apiPath());
    if (request.method().equals("POST")) {
      return path.matches(".*" + api + "/(users|chatgroups)");
    }
    return request.method().equals("DELETE") && path.matches(".*" + api + "/chatgroups/[^/]+");
  }
}
