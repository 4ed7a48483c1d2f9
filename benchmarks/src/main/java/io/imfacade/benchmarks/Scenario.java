package io.imfacade.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four calls the facade-overhead benchmarks measure, each against a loopback stub that answers
 * with the vendor's documented answer (seed 000 for the Easemob user attributes, seed 003 for the
 * NetEase user cards): a batch read at the vendor's batch size and a single read, on each vendor.
 */
enum Scenario {
  /** {@code POST /{org}/{app}/metadata/user/get} for 100 users, six attributes each. */
  EASEMOB_BATCH("easemobBatch", Vendor.EASEMOB, 100),
  /** {@code POST /nimserver/user/getUinfos.action} for 200 accids, full cards. */
  NETEASE_BATCH("neteaseBatch", Vendor.NETEASE, 200),
  /** {@code GET /{org}/{app}/metadata/user/{username}}, six attributes. */
  EASEMOB_SINGLE("easemobSingle", Vendor.EASEMOB, 1),
  /** {@code POST /nimserver/user/getUinfos.action} for one accid. */
  NETEASE_SINGLE("neteaseSingle", Vendor.NETEASE, 1);

  /** The two vendors of the scenarios. */
  enum Vendor {
    EASEMOB,
    NETEASE
  }

  static final String ORG = "bench";
  static final String APP = "app";
  static final String TOKEN = "YWMtbenchmark-fixed-app-token";
  static final String APP_KEY = "benchappkey0123456789";
  static final String APP_SECRET = "benchappsecret";
  /** The user of the single reads. */
  static final String SINGLE_USER = "user_0";

  private final String key;
  private final Vendor vendor;
  private final int users;

  Scenario(String key, Vendor vendor, int users) {
    this.key = key;
    this.vendor = vendor;
    this.users = users;
  }

  /** The JMH parameter value and command-line name of this scenario. */
  String key() {
    return key;
  }

  Vendor vendor() {
    return vendor;
  }

  /** How many users the call reads (and the answer holds). */
  int users() {
    return users;
  }

  boolean batch() {
    return users > 1;
  }

  /** The scenario named {@code key} (such as {@code easemobBatch}). */
  static Scenario of(String key) {
    for (Scenario s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario '" + key + "'; known: "
        + Arrays.stream(values()).map(Scenario::key).toList());
  }

  /** The ids the call reads: {@code user_0 ... user_(n-1)}. */
  List<String> ids() {
    List<String> ids = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      ids.add("user_" + i);
    }
    return ids;
  }

  /** The path the stub answers, below its root. */
  String path() {
    if (vendor == Vendor.NETEASE) {
      return "/nimserver/user/getUinfos.action";
    }
    return batch() ? "/" + ORG + "/" + APP + "/metadata/user/get" : "/" + ORG + "/" + APP + "/metadata/user/" + SINGLE_USER;
  }

  /** The vendor's answer for {@link #ids()}, as its documentation shows it. */
  String answer() {
    try {
      return new ObjectMapper().writeValueAsString(vendor == Vendor.EASEMOB ? easemobAnswer() : neteaseAnswer());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Seed 000: {@code {"timestamp", "data", "duration"}}; data is one user's attributes, or users by id. */
  private Map<String, Object> easemobAnswer() {
    Object data;
    if (batch()) {
      Map<String, Object> byUser = new LinkedHashMap<>();
      List<String> ids = ids();
      for (int i = 0; i < ids.size(); i++) {
        byUser.put(ids.get(i), easemobAttributes(i));
      }
      data = byUser;
    } else {
      data = easemobAttributes(0);
    }
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("timestamp", 1_700_000_000_000L);
    envelope.put("data", data);
    envelope.put("duration", 1);
    return envelope;
  }

  private static Map<String, String> easemobAttributes(int i) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("nickname", "User " + i);
    attributes.put("avatarurl", "https://cdn.example.com/avatars/" + i + ".png");
    attributes.put("gender", i % 2 == 0 ? "2" : "1");
    attributes.put("sign", "Hello, I am user number " + i);
    attributes.put("birth", "1990-01-" + (10 + i % 18));
    attributes.put("ext", "{\"level\":" + i + "}");
    return attributes;
  }

  /** Seed 003, {@code muteStatus} false: {@code {"code":200,"uinfos":[...]}}, every card field set. */
  private Map<String, Object> neteaseAnswer() {
    List<Object> cards = new ArrayList<>();
    List<String> ids = ids();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("accid", ids.get(i));
      card.put("name", "User " + i);
      card.put("icon", "https://nim-nosdn.netease.im/avatars/" + i + ".png");
      card.put("sign", "Hello, I am user number " + i);
      card.put("email", "user" + i + "@example.com");
      card.put("birth", "1990-01-" + (10 + i % 18));
      card.put("mobile", "186" + (45450000 + i));
      card.put("ex", "{\"level\":" + i + "}");
      card.put("gender", i % 2 == 0 ? 2 : 1);
      card.put("valid", true);
      card.put("mute", false);
      cards.add(card);
    }
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("code", 200);
    envelope.put("uinfos", cards);
    return envelope;
  }

  /** The facade's configuration for a stub at {@code baseUrl}: fixed credentials, a rate far above reach. */
  Map<String, String> facadeConfig(String baseUrl) {
    // Far above what two threads reach: the limiter's bookkeeping is measured, not its pacing.
    String rate = "1000000000";
    if (vendor == Vendor.EASEMOB) {
      return Map.of("provider", "easemob", "easemob.baseUrl", baseUrl, "easemob.orgName", ORG,
          "easemob.appName", APP, "easemob.appToken", TOKEN, "rateLimit.requestsPerSecond", rate);
    }
    return Map.of("provider", "netease", "netease.baseUrl", baseUrl, "netease.appKey", APP_KEY,
        "netease.appSecret", APP_SECRET, "rateLimit.requestsPerSecond", rate);
  }
}
