package io.imfacade.spring.boot;

import io.imfacade.metrics.micrometer.ImMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Micrometer meters of every call ({@code imfacade.calls}, {@code imfacade.attempts}, {@code
 * imfacade.ratelimit.wait}, {@code imfacade.token.fetches}; see {@link ImMetrics}) when {@code
 * imfacade-metrics-micrometer} is on the classpath and the application has a {@link MeterRegistry}
 * bean (Actuator makes one). The {@link ImMetrics} bean is an {@link io.imfacade.event.ImListener}:
 * the auto-configured {@link io.imfacade.spi.ProviderContext} adds it, so the single client and
 * every tenant's client are measured. Ordered after Boot's metrics auto-configurations, whose
 * registry it needs.
 */
@AutoConfiguration(
    afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({ImMetrics.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "imfacade.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ImfacadeProperties.class)
public class ImfacadeMetricsAutoConfiguration {

  /** The meters, in the application's registry. */
  @Bean
  @ConditionalOnMissingBean
  public ImMetrics imfacadeMetrics(MeterRegistry registry, ImfacadeProperties properties) {
    return ImMetrics.builder(registry).tenantTag(properties.getMetrics().isTenantTag()).build();
  }
}
