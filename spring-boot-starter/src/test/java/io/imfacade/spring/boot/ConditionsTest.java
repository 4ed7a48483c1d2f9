package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.ImClient;
import io.imfacade.error.ConfigurationException;
import io.imfacade.jackson.ImfacadeModule;
import io.imfacade.metrics.micrometer.ImMetrics;
import io.imfacade.spi.ProviderContext;
import io.imfacade.tenant.ImTenants;
import io.imfacade.tenant.TenantConfigSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Each condition of the auto-configurations, on small application contexts (Boot's context
 * runners): what appears with which property, bean or class, and what does not.
 */
class ConditionsTest {

  private static final AutoConfigurations ALL = AutoConfigurations.of(ImfacadeAutoConfiguration.class,
      ImfacadeMetricsAutoConfiguration.class, ImfacadeHealthAutoConfiguration.class, ImfacadeWebAutoConfiguration.class,
      JacksonAutoConfiguration.class);

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL);

  @Test
  void noProviderMeansNoClientButTheSharedContext() {
    runner.run(ctx -> {
      assertThat(ctx).hasNotFailed().doesNotHaveBean(ImClient.class).doesNotHaveBean(ImTenants.class)
          .doesNotHaveBean(HealthIndicator.class).hasSingleBean(ProviderContext.class);
    });
  }

  @Test
  void anEmptyProviderMeansNoClientRatherThanAFailedStart() {
    runner.withPropertyValues("imfacade.provider=").run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ImClient.class));
  }

  @Test
  void aProviderMakesAClientAndItsHealthIndicator() {
    runner.withPropertyValues("imfacade.provider=inmemory").run(ctx -> {
      assertThat(ctx).hasSingleBean(ImClient.class).hasBean("imfacadeHealthIndicator");
      assertThat(ctx.getBean(ImClient.class).provider()).isEqualTo("inmemory");
    });
  }

  @Test
  void anUnknownProviderFailsTheStartWithTheProvidersFound() {
    runner.withPropertyValues("imfacade.provider=nosuch").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("nosuch").hasMessageContaining("inmemory");
    });
  }

  @Test
  void anUnknownKeyOfTheProviderFailsTheStart() {
    runner.withPropertyValues("imfacade.provider=inmemory", "imfacade.config.[inmemory.colour]=blue").run(ctx ->
        assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("inmemory.colour"));
  }

  @Test
  void aTenantSourceMakesTheRegistryWithTheSharedContext() {
    runner.withBean(TenantConfigSource.class, () -> id -> Optional.empty()).run(ctx -> {
      assertThat(ctx).hasSingleBean(ImTenants.class).doesNotHaveBean(ImClient.class);
      assertThat(ctx.getBean(ImTenants.class).context()).isSameAs(ctx.getBean(ProviderContext.class));
    });
  }

  @Test
  void twoTenantSourcesAreAmbiguousAndMakeNoRegistry() {
    runner.withBean("one", TenantConfigSource.class, () -> id -> Optional.empty())
        .withBean("two", TenantConfigSource.class, () -> id -> Optional.empty())
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ImTenants.class));
  }

  @Test
  void tenantSettingsAreApplied() {
    runner.withBean(TenantConfigSource.class, () -> id -> Optional.empty())
        .withPropertyValues("imfacade.tenants.maximum-tenants=0")
        .run(ctx -> assertThat(ctx.getStartupFailure()).rootCause().isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("maximumTenants"));
  }

  @Test
  void metricsNeedAMeterRegistryBean() {
    runner.withPropertyValues("imfacade.provider=inmemory").run(ctx -> assertThat(ctx).doesNotHaveBean(ImMetrics.class));
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
      assertThat(ctx).hasSingleBean(ImMetrics.class);
      assertThat(ctx.getBean(ProviderContext.class).listeners()).containsExactly(ctx.getBean(ImMetrics.class));
      assertThat(ctx.getBean(ImMetrics.class).tenantTag()).isTrue();
    });
  }

  @Test
  void metricsCanDropTheTenantTagOrBeTurnedOff() {
    ApplicationContextRunner withRegistry = runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new);
    withRegistry.withPropertyValues("imfacade.metrics.tenant-tag=false")
        .run(ctx -> assertThat(ctx.getBean(ImMetrics.class).tenantTag()).isFalse());
    withRegistry.withPropertyValues("imfacade.metrics.enabled=false").run(ctx -> {
      assertThat(ctx).doesNotHaveBean(ImMetrics.class);
      assertThat(ctx.getBean(ProviderContext.class).listeners()).isEmpty();
    });
  }

  @Test
  void withoutTheMetricsModuleOnTheClasspathThereAreNoMetrics() {
    runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withClassLoader(new FilteredClassLoader(ImMetrics.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean("imfacadeMetrics"));
  }

  @Test
  void theHealthIndicatorCanBeTurnedOffOrLeftOutWithoutActuator() {
    runner.withPropertyValues("imfacade.provider=inmemory", "management.health.imfacade.enabled=false")
        .run(ctx -> assertThat(ctx).hasSingleBean(ImClient.class).doesNotHaveBean(ImfacadeHealthIndicator.class));
    runner.withPropertyValues("imfacade.provider=inmemory")
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(ImClient.class).doesNotHaveBean("imfacadeHealthIndicator"));
  }

  @Test
  void theErrorMappingIsOnInAServletAppOnlyAndCanBeTurnedOff() {
    WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(ALL);
    web.run(ctx -> assertThat(ctx).hasSingleBean(ImExceptionHandler.class));
    web.withPropertyValues("imfacade.web.problem-details=false").run(ctx -> assertThat(ctx).doesNotHaveBean(ImExceptionHandler.class));
    runner.run(ctx -> assertThat(ctx).doesNotHaveBean(ImExceptionHandler.class));
  }

  @Test
  void theJacksonModuleIsRegisteredOnBootsObjectMapper() {
    runner.run(ctx -> assertThat(ctx.getBean(ObjectMapper.class).getRegisteredModuleIds())
        .contains(ImfacadeModule.class.getName()));
  }

  @Test
  void beansAreClosedWithTheApplicationContext() {
    ImClient[] client = new ImClient[1];
    ProviderContext[] context = new ProviderContext[1];
    ImTenants[] tenants = new ImTenants[1];
    runner.withPropertyValues("imfacade.provider=inmemory")
        .withBean(TenantConfigSource.class, () -> TenantConfigSource.fromMaps(id -> Map.of("provider", "inmemory")))
        .run(ctx -> {
          client[0] = ctx.getBean(ImClient.class);
          context[0] = ctx.getBean(ProviderContext.class);
          tenants[0] = ctx.getBean(ImTenants.class);
          tenants[0].client("acme").provider();
        });
    assertThatThrownBy(() -> client[0].profiles().get("alice"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tenants[0].client("acme"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> context[0].shared("k", String.class, () -> "v"))
        .isInstanceOf(IllegalStateException.class);
  }
}
