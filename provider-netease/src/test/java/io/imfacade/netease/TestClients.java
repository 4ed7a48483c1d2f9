package io.imfacade.netease;

import io.imfacade.ImClient;
import io.imfacade.ImConfig;
import io.imfacade.ImFacade;
import io.imfacade.spi.ProviderContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens NetEase clients the way users do, through {@link ImFacade} and the provider's config keys. */
public final class TestClients {

  public static final String APP_KEY = "go9dnk49bkd9jd9vmel1kglw0803mgq3"; // the app key of the doc examples
  public static final String APP_SECRET = "c1b2a3-test-secret-5f0e";

  private TestClients() {}

  /** A builder of a client for {@code baseUrl} with the test app key and secret. */
  public static Builder to(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** Builds a client. */
  public static final class Builder {
    private final Map<String, String> config = new LinkedHashMap<>();

    private Builder(String baseUrl) {
      config.put(ImConfig.PROVIDER, NeteaseProvider.ID);
      config.put(NeteaseProvider.BASE_URL, baseUrl);
      config.put(NeteaseProvider.APP_KEY, APP_KEY);
      config.put(NeteaseProvider.APP_SECRET, APP_SECRET);
      // Fast tests: short backoff, a call deadline that a hang would hit soon.
      config.put(ImConfig.RETRY_INITIAL_BACKOFF_MS, "10");
      config.put(ImConfig.RETRY_MAX_BACKOFF_MS, "50");
      config.put(ImConfig.HTTP_CALL_TIMEOUT_MS, "20000");
    }

    public Builder app(String appKey, String appSecret) {
      config.put(NeteaseProvider.APP_KEY, appKey);
      config.put(NeteaseProvider.APP_SECRET, appSecret);
      return this;
    }

    public Builder set(String key, String value) {
      if (value == null) {
        config.remove(key);
      } else {
        config.put(key, value);
      }
      return this;
    }

    public ImClient open(ProviderContext context) {
      return ImFacade.open(ImConfig.of(config), context);
    }
  }
}
