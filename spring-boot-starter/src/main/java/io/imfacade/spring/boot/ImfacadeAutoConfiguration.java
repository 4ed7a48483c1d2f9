package io.imfacade.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.event.ImListener;
import io.imfacade.jackson.ImfacadeModule;
import io.imfacade.spi.ProviderContext;
import io.imfacade.spring.boot.internal.ClientConfigs;
import io.imfacade.spring.boot.internal.OnProviderCondition;
import io.imfacade.tenant.ImTenants;
import io.imfacade.tenant.TenantConfigSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The core beans: one {@link ProviderContext} (connection pool, rate limiters and listeners shared
 * by every client of the application), the {@link ImClient} of {@code imfacade.provider}, and the
 * {@link ImTenants} registry when the application defines a {@link TenantConfigSource} bean. Each
 * bean backs off when the application defines its own, and each is closed with the application
 * context (clients before the context they share).
 */
@AutoConfiguration
@EnableConfigurationProperties(ImfacadeProperties.class)
public class ImfacadeAutoConfiguration {

  /**
   * The context every auto-configured client is opened with; every {@link ImListener} bean (such
   * as the Micrometer binding) hears the calls of all of them.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public ProviderContext imfacadeProviderContext(ObjectProvider<ImListener> listeners) {
    ProviderContext context = ProviderContext.create();
    listeners.orderedStream().forEach(context::addListener);
    return context;
  }

  /** The client of {@code imfacade.provider}, opened without I/O; closed with the application context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @Conditional(OnProviderCondition.class)
  public ImClient imClient(ImfacadeProperties properties, ProviderContext context) {
    return ImFacade.open(ClientConfigs.of(properties), context);
  }

  /**
   * The tenant registry, when the application defines one {@link TenantConfigSource} bean (its
   * database, a file, a config server): every tenant's client is opened with the shared context, so
   * that metrics and the connection pool cover them all.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ImTenants.class)
  static class TenantsConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(TenantConfigSource.class)
    ImTenants imTenants(TenantConfigSource source, ProviderContext context, ImfacadeProperties properties) {
      ImfacadeProperties.Tenants settings = properties.getTenants();
      ImTenants.Builder builder = ImTenants.builder(source).context(context);
      if (settings.getEvictAfterIdle() != null) {
        builder.evictAfterIdle(settings.getEvictAfterIdle());
      }
      if (settings.getRefreshAfter() != null) {
        builder.refreshAfter(settings.getRefreshAfter());
      }
      if (settings.getMaximumTenants() != null) {
        builder.maximumTenants(settings.getMaximumTenants());
      }
      return builder.build();
    }
  }

  /**
   * imfacade's Jackson module as a bean: Spring Boot registers every {@code Module} bean on the
   * {@code ObjectMapper} it builds, so that controllers write {@code UserProfile}, {@code Page} or
   * {@code BatchResult} as plain JSON and read {@code ProfileUpdate} bodies.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({ObjectMapper.class, ImfacadeModule.class})
  static class JacksonConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ImfacadeModule imfacadeJacksonModule() {
      return new ImfacadeModule();
    }
  }
}
