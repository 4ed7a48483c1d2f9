package io.imfacade.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code imfacade.*} properties, bound with Spring Boot's relaxed binding: {@code
 * imfacade.easemob.base-url}, {@code imfacade.easemob.baseUrl} and {@code
 * IMFACADE_EASEMOB_BASEURL} all set the client key {@code easemob.baseUrl}.
 *
 * <pre>
 * imfacade:
 *   provider: easemob
 *   easemob:
 *     base-url: https://a1.easemob.com
 *     org-name: 1100220101
 *     app-name: demo
 *     client-id: ${EASEMOB_CLIENT_ID}
 *     client-secret: ${EASEMOB_CLIENT_SECRET}
 * </pre>
 *
 * <p>The provider blocks ({@code easemob}, {@code shengwang}, {@code netease}, {@code inmemory})
 * may all be present: only the chosen provider's keys are used, so switching vendor is a change of
 * {@code imfacade.provider} alone. A key of any other provider goes into {@link #getConfig()
 * imfacade.config}, passed to the client as it is.
 */
@ConfigurationProperties(prefix = "imfacade")
public class ImfacadeProperties {

  /**
   * The provider of the auto-configured ImClient bean: inmemory, easemob, shengwang, netease, or
   * the id of any provider on the classpath. Without it, no ImClient bean is created (an ImTenants
   * bean still is, when the application defines a TenantConfigSource bean).
   */
  private String provider;

  /**
   * A tenant label for the auto-configured client: every exception, log line (MDC key
   * imfacade.tenant) and metric of its calls names it.
   */
  private String tenant;

  /**
   * Further client configuration keys, passed as they are, for a provider or a setting that has no
   * property of its own here: imfacade.config.[acme.apiKey]=... sets the key acme.apiKey. A
   * kebab-case segment is turned into camelCase (acme.api-key is acme.apiKey). A key set both here
   * and by its own property is refused.
   */
  private Map<String, String> config = new LinkedHashMap<>();

  private final Easemob easemob = new Easemob();
  private final Shengwang shengwang = new Shengwang();
  private final Netease netease = new Netease();
  private final Inmemory inmemory = new Inmemory();
  private final Http http = new Http();
  private final Retry retry = new Retry();
  private final RateLimit rateLimit = new RateLimit();
  private final Tenants tenants = new Tenants();
  private final Health health = new Health();
  private final Metrics metrics = new Metrics();
  private final Web web = new Web();

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public Map<String, String> getConfig() {
    return config;
  }

  public void setConfig(Map<String, String> config) {
    this.config = config;
  }

  public Easemob getEasemob() {
    return easemob;
  }

  public Shengwang getShengwang() {
    return shengwang;
  }

  public Netease getNetease() {
    return netease;
  }

  public Inmemory getInmemory() {
    return inmemory;
  }

  public Http getHttp() {
    return http;
  }

  public Retry getRetry() {
    return retry;
  }

  public RateLimit getRateLimit() {
    return rateLimit;
  }

  public Tenants getTenants() {
    return tenants;
  }

  public Health getHealth() {
    return health;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  public Web getWeb() {
    return web;
  }

  /** Easemob (环信): the client keys easemob.*. */
  public static class Easemob {

    /** The REST host with its scheme, such as https://a1.easemob.com (required for easemob). */
    private String baseUrl;

    /** The organisation part of the app key org#app (required for easemob). */
    private String orgName;

    /** The application part of the app key org#app (required for easemob). */
    private String appName;

    /** The app's client id, to fetch app tokens (with client-secret). */
    private String clientId;

    /** The app's client secret, to fetch app tokens (with client-id). A secret: never shown. */
    private String clientSecret;

    /** A fixed app token, instead of client-id and client-secret. A secret: never shown. */
    private String appToken;

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getOrgName() {
      return orgName;
    }

    public void setOrgName(String orgName) {
      this.orgName = orgName;
    }

    public String getAppName() {
      return appName;
    }

    public void setAppName(String appName) {
      this.appName = appName;
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public String getAppToken() {
      return appToken;
    }

    public void setAppToken(String appToken) {
      this.appToken = appToken;
    }
  }

  /** Shengwang (声网 Agora Chat): the client keys shengwang.*. */
  public static class Shengwang {

    /** The REST host with its scheme, from the console (required for shengwang). */
    private String baseUrl;

    /** The App ID, 32 hex characters (required for shengwang). */
    private String appId;

    /** The App Certificate, 32 hex characters, to build app tokens locally. A secret: never shown. */
    private String appCertificate;

    /** A fixed app token, instead of app-certificate. A secret: never shown. */
    private String appToken;

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getAppId() {
      return appId;
    }

    public void setAppId(String appId) {
      this.appId = appId;
    }

    public String getAppCertificate() {
      return appCertificate;
    }

    public void setAppCertificate(String appCertificate) {
      this.appCertificate = appCertificate;
    }

    public String getAppToken() {
      return appToken;
    }

    public void setAppToken(String appToken) {
      this.appToken = appToken;
    }
  }

  /** NetEase Yunxin (网易云信): the client keys netease.*. */
  public static class Netease {

    /** The API host with its scheme, without /nimserver. Default: https://api.netease.im. */
    private String baseUrl;

    /** The app key, sent as the AppKey header (required for netease). */
    private String appKey;

    /** The app secret that signs every request (required for netease). A secret: never shown. */
    private String appSecret;

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getAppKey() {
      return appKey;
    }

    public void setAppKey(String appKey) {
      this.appKey = appKey;
    }

    public String getAppSecret() {
      return appSecret;
    }

    public void setAppSecret(String appSecret) {
      this.appSecret = appSecret;
    }
  }

  /** The in-memory fake (provider inmemory, for tests and demos): the client keys inmemory.*. */
  public static class Inmemory {

    /**
     * The limits and capabilities to emulate: portable (the strictest of the vendor providers on
     * the classpath, the default), none, or a vendor provider's id.
     */
    private String limits;

    /**
     * Whether users must be created first (registered, the default, as on a vendor) or every valid
     * id is an existing user (auto).
     */
    private String users;

    /** A JSON snapshot file holding the fake's data, shared safely by every client that names it. */
    private String file;

    public String getLimits() {
      return limits;
    }

    public void setLimits(String limits) {
      this.limits = limits;
    }

    public String getUsers() {
      return users;
    }

    public void setUsers(String users) {
      this.users = users;
    }

    public String getFile() {
      return file;
    }

    public void setFile(String file) {
      this.file = file;
    }
  }

  /** HTTP transport of the REST providers: the client keys http.*. */
  public static class Http {

    /** TCP connect timeout (the provider's default when unset). */
    private Duration connectTimeout;

    /** Socket read timeout (the provider's default when unset). */
    private Duration readTimeout;

    /** Deadline of one neutral call, retries and rate-limit waits included. */
    private Duration callTimeout;

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    public Duration getCallTimeout() {
      return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
      this.callTimeout = callTimeout;
    }
  }

  /** Retries of failed vendor requests: the client keys retry.*. */
  public static class Retry {

    /** Attempts per call, the first included; 1 means no retry. */
    private Integer maxAttempts;

    /** The first backoff between attempts. */
    private Duration initialBackoff;

    /** The largest backoff between attempts. */
    private Duration maxBackoff;

    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }

  /** The client-side rate limit per vendor app: the client keys rateLimit.*. */
  public static class RateLimit {

    /** Requests per second per vendor app (the vendor's documented rate when unset). */
    private Double requestsPerSecond;

    /**
     * Where the per-app limits are kept: local (one limiter per app in this JVM, the default) or
     * redis (one limit per app shared by every instance, with imfacade-ratelimit-redis).
     */
    private String store;

    private final Redis redis = new Redis();

    public Double getRequestsPerSecond() {
      return requestsPerSecond;
    }

    public void setRequestsPerSecond(Double requestsPerSecond) {
      this.requestsPerSecond = requestsPerSecond;
    }

    public String getStore() {
      return store;
    }

    public void setStore(String store) {
      this.store = store;
    }

    public Redis getRedis() {
      return redis;
    }

    /** The redis rate-limit store: the client keys rateLimit.redis.*. */
    public static class Redis {

      /** redis://[[user]:password@]host[:port][/db], or rediss:// for TLS; the password is masked. */
      private String uri;

      /** The share of each app's rate one instance uses alone while Redis is unreachable (default 0.25). */
      private Double fallbackShare;

      /** How long a permit waits for Redis before falling back to the local limiter (default 100ms). */
      private Duration timeout;

      public String getUri() {
        return uri;
      }

      public void setUri(String uri) {
        this.uri = uri;
      }

      public Double getFallbackShare() {
        return fallbackShare;
      }

      public void setFallbackShare(Double fallbackShare) {
        this.fallbackShare = fallbackShare;
      }

      public Duration getTimeout() {
        return timeout;
      }

      public void setTimeout(Duration timeout) {
        this.timeout = timeout;
      }
    }
  }

  /** The ImTenants bean, created when the application defines a TenantConfigSource bean. */
  public static class Tenants {

    /** Closes a tenant's client when it has not been used for this long. Default: never. */
    private Duration evictAfterIdle;

    /**
     * Reads a tenant's configuration from the TenantConfigSource again when it is used this long or
     * more after the last read, to pick up rotated credentials. Default: never (call
     * ImTenants.refresh instead).
     */
    private Duration refreshAfter;

    /** Keeps at most this many tenants' clients open, closing the least valuable. Default: no maximum. */
    private Long maximumTenants;

    public Duration getEvictAfterIdle() {
      return evictAfterIdle;
    }

    public void setEvictAfterIdle(Duration evictAfterIdle) {
      this.evictAfterIdle = evictAfterIdle;
    }

    public Duration getRefreshAfter() {
      return refreshAfter;
    }

    public void setRefreshAfter(Duration refreshAfter) {
      this.refreshAfter = refreshAfter;
    }

    public Long getMaximumTenants() {
      return maximumTenants;
    }

    public void setMaximumTenants(Long maximumTenants) {
      this.maximumTenants = maximumTenants;
    }
  }

  /**
   * The Actuator health indicator "imfacade" of the ImClient bean (turn it off with
   * management.health.imfacade.enabled=false).
   */
  public static class Health {

    /**
     * How long a probe's result is reused: at most one probe per period, whatever the number of
     * health requests. Keep it at 30s or more in production.
     */
    private Duration cacheTtl = Duration.ofSeconds(30);

    /**
     * The user id the probe reads (profiles().get): one cheap read that proves the credentials and
     * the vendor's reachability. It need not exist; an unknown user counts as up.
     */
    private String probeUserId = "imfacade-health-probe";

    public Duration getCacheTtl() {
      return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }

    public String getProbeUserId() {
      return probeUserId;
    }

    public void setProbeUserId(String probeUserId) {
      this.probeUserId = probeUserId;
    }
  }

  /** The Micrometer metrics of every call (when a MeterRegistry bean and imfacade-metrics-micrometer are present). */
  public static class Metrics {

    /** Whether to record the imfacade.* meters. */
    private boolean enabled = true;

    /** Whether the meters carry the tenant tag; turn it off with many tenants (each multiplies the series). */
    private boolean tenantTag = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isTenantTag() {
      return tenantTag;
    }

    public void setTenantTag(boolean tenantTag) {
      this.tenantTag = tenantTag;
    }
  }

  /** The web error mapping of imfacade's exceptions. */
  public static class Web {

    /**
     * Whether imfacade's exceptions thrown by a controller become RFC 9457 problem details with the
     * matching status (InvalidRequestException 400, NotFoundException 404, ConflictException 409,
     * RateLimitedException 429 with Retry-After, ProviderUnavailableException 503, ...).
     */
    private boolean problemDetails = true;

    /**
     * The prefix of each problem's type URI, followed by the kind (not-found, rate-limited, ...).
     * Point it at the application's own error documentation if it has one.
     */
    private String problemTypeBase = "urn:imfacade:problem:";

    public boolean isProblemDetails() {
      return problemDetails;
    }

    public void setProblemDetails(boolean problemDetails) {
      this.problemDetails = problemDetails;
    }

    public String getProblemTypeBase() {
      return problemTypeBase;
    }

    public void setProblemTypeBase(String problemTypeBase) {
      this.problemTypeBase = problemTypeBase;
    }
  }
}
