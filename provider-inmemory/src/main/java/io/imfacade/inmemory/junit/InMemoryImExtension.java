package io.imfacade.inmemory.junit;

import io.imfacade.BatchOutcome;
import io.imfacade.ImClient;
import io.imfacade.account.Registration;
import io.imfacade.error.ImException;
import io.imfacade.inmemory.InMemoryImClient;
import io.imfacade.inmemory.InMemoryProvider;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 extension that opens a fresh {@link InMemoryImClient} before each test and closes it
 * after. Three ways to use it:
 *
 * <pre>{@code
 * // 1. declaratively, with defaults (portable limits, registered users)
 * @ExtendWith(InMemoryImExtension.class)
 * class ATest {
 *   @Test void test(InMemoryImClient im) { im.accounts().register(Registration.of("alice")); ... }
 * }
 *
 * // 2. the same with settings
 * @InMemoryIm(limits = "easemob", users = {"alice", "bob"})
 * class BTest {
 *   @Test void test(ImClient im) { ... }
 * }
 *
 * // 3. as a field, configured in code
 * class CTest {
 *   @RegisterExtension
 *   InMemoryImExtension im = InMemoryImExtension.builder().limits("easemob").users("alice", "bob").build();
 *
 *   @Test void test() { im.client().contacts().addContact("alice", "bob"); }
 * }
 * }</pre>
 *
 * <p>Parameters of type {@link ImClient} or {@link InMemoryImClient} of test methods and of
 * {@code @BeforeEach} and {@code @AfterEach} methods all receive the current test's client, opened
 * through {@link io.imfacade.ImFacade#open}: its calls pass the same neutral guard as on a vendor.
 * Constructors and {@code @BeforeAll} methods cannot: the client lives for one test.
 */
public final class InMemoryImExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InMemoryImExtension.class);

  /** Settings from the builder; null to read {@link InMemoryIm} from the test. */
  private final @Nullable Map<String, String> config;
  private final List<String> users;
  /** The running test's client, for {@link #client()}. */
  private volatile @Nullable InMemoryImClient current;

  /** The extension as {@code @ExtendWith} creates it: settings come from {@link InMemoryIm}, if present. */
  public InMemoryImExtension() {
    this(null, List.of());
  }

  private InMemoryImExtension(@Nullable Map<String, String> config, List<String> users) {
    this.config = config;
    this.users = users;
  }

  /** A builder for a {@code @RegisterExtension} field. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The running test's client. When tests of one class run in parallel, use parameters instead:
   * this method then cannot tell which test asks.
   *
   * @throws IllegalStateException outside a test
   */
  public InMemoryImClient client() {
    InMemoryImClient client = current;
    if (client == null) {
      throw new IllegalStateException("no test is running: the in-memory client exists from before each test to after it");
    }
    return client;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Map<String, String> settings = new LinkedHashMap<>();
    List<String> toCreate = new ArrayList<>();
    if (config != null) {
      settings.putAll(config);
      toCreate.addAll(users);
    } else {
      find(context).ifPresent(im -> {
        settings.put(InMemoryProvider.LIMITS, im.limits());
        if (im.autoUsers()) {
          settings.put(InMemoryProvider.USERS, "auto");
        }
        toCreate.addAll(Arrays.asList(im.users()));
      });
    }
    InMemoryImClient client = InMemoryImClient.create(settings);
    context.getStore(NAMESPACE).put(this, client);
    current = client;
    if (!toCreate.isEmpty()) {
      register(client, toCreate);
    }
  }

  /**
   * Registers the users through the neutral service, as the test itself would; one listed twice
   * (in any spelling) is registered once. A user that cannot be registered fails the test.
   */
  private static void register(InMemoryImClient client, List<String> userIds) {
    Map<String, Registration> registrations = new LinkedHashMap<>();
    for (String id : userIds) {
      registrations.putIfAbsent(id == null ? null : id.toLowerCase(Locale.ROOT), Registration.of(id));
    }
    BatchOutcome<?> outcome = client.accounts().registerAll(registrations.values());
    if (!outcome.allSucceeded()) {
      ImException first = outcome.failed().values().iterator().next();
      throw new IllegalStateException("the users of the in-memory extension could not be registered: "
          + outcome.failed().keySet() + ": " + first.getMessage(), first);
    }
  }

  /** The settings nearest to the test: on the method, its class, or an enclosing class. */
  private static Optional<InMemoryIm> find(ExtensionContext context) {
    Optional<InMemoryIm> found = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, InMemoryIm.class));
    for (Class<?> c = context.getTestClass().orElse(null); found.isEmpty() && c != null; c = c.getEnclosingClass()) {
      found = AnnotationSupport.findAnnotation(c, InMemoryIm.class);
    }
    return found;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    InMemoryImClient client = context.getStore(NAMESPACE).remove(this, InMemoryImClient.class);
    current = null;
    if (client != null) {
      client.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == ImClient.class || type == InMemoryImClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    InMemoryImClient client = parameterContext.getDeclaringExecutable() instanceof Constructor
        ? null
        : extensionContext.getStore(NAMESPACE).get(this, InMemoryImClient.class);
    if (client == null) {
      throw new ParameterResolutionException("an in-memory ImClient lives for one test: declare it as a parameter of "
          + "a test method or of a @BeforeEach or @AfterEach method, not of " + parameterContext.getDeclaringExecutable());
    }
    return client;
  }

  /** Builds an {@link InMemoryImExtension} with settings. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> config = new LinkedHashMap<>();
    private final List<String> users = new ArrayList<>();

    private Builder() {}

    /** The {@code inmemory.limits} value: {@code portable}, {@code none} or a vendor provider's id, such as {@code netease}. */
    public Builder limits(String limits) {
      return config(InMemoryProvider.LIMITS, limits);
    }

    /** Makes every valid id an existing user ({@code inmemory.users=auto}). */
    public Builder autoUsers() {
      return config(InMemoryProvider.USERS, "auto");
    }

    /** Users to register before each test, through {@code accounts().registerAll}, as a test would. */
    public Builder users(String... userIds) {
      users.addAll(Arrays.asList(userIds));
      return this;
    }

    /** Any configuration key of the in-memory provider. */
    public Builder config(String key, String value) {
      config.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The extension; the settings are checked when the first test starts. */
    public InMemoryImExtension build() {
      return new InMemoryImExtension(new LinkedHashMap<>(config), Collections.unmodifiableList(new ArrayList<>(users)));
    }
  }
}
