package io.imfacade.spring.boot;

import io.imfacade.ImClient;
import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator health indicator {@code imfacade} of the application's {@link ImClient} bean (the
 * auto-configured one or its own), when Actuator is on the classpath. Off with {@code
 * management.health.imfacade.enabled=false}; backs off when the application defines a bean named
 * {@code imfacadeHealthIndicator}. A tenant registry gets none: probing every tenant would spend
 * their rate for no user.
 */
@AutoConfiguration(after = ImfacadeAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnEnabledHealthIndicator("imfacade")
@EnableConfigurationProperties(ImfacadeProperties.class)
public class ImfacadeHealthAutoConfiguration {

  /** The indicator, probing at most once per {@code imfacade.health.cache-ttl}. */
  @Bean
  @ConditionalOnSingleCandidate(ImClient.class)
  @ConditionalOnMissingBean(name = "imfacadeHealthIndicator")
  public ImfacadeHealthIndicator imfacadeHealthIndicator(ImClient client, ImfacadeProperties properties) {
    ImfacadeProperties.Health health = properties.getHealth();
    return new ImfacadeHealthIndicator(client, health.getProbeUserId(), health.getCacheTtl(), Clock.systemUTC());
  }
}
