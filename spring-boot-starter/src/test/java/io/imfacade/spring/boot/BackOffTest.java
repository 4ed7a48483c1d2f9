package io.imfacade.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.imfacade.ImClient;
import io.imfacade.ImFacade;
import io.imfacade.ImConfig;
import io.imfacade.jackson.ImfacadeModule;
import io.imfacade.spi.ProviderContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The application's own beans win: with its own {@link ImClient}, {@link ProviderContext}, Jackson
 * module and exception handler, the starter creates none of them. {@code imfacade.provider=easemob}
 * without any Easemob key would fail to open: the context starts because the starter never tries.
 */
@SpringBootTest(classes = {TestApplication.class, BackOffTest.OwnBeans.class}, properties = "imfacade.provider=easemob")
class BackOffTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class OwnBeans {
    @Bean(destroyMethod = "close")
    ProviderContext myContext() {
      return ProviderContext.create();
    }

    @Bean(destroyMethod = "close")
    ImClient myClient(ProviderContext myContext) {
      return ImFacade.open(ImConfig.builder().provider("inmemory").set("tenant", "mine").build(), myContext);
    }

    @Bean
    ImfacadeModule myModule() {
      return new ImfacadeModule();
    }

    @Bean
    ImExceptionHandler myHandler() {
      return new ImExceptionHandler("https://example.com/problems/");
    }
  }

  @Autowired
  ApplicationContext context;

  @Autowired
  ImClient client;

  @Test
  void everyBeanBacksOffForTheApplicationsOwn() {
    assertThat(context.getBeansOfType(ImClient.class)).containsOnlyKeys("myClient");
    assertThat(context.getBeansOfType(ProviderContext.class)).containsOnlyKeys("myContext");
    assertThat(context.getBeansOfType(ImfacadeModule.class)).containsOnlyKeys("myModule");
    assertThat(context.getBeansOfType(ImExceptionHandler.class)).containsOnlyKeys("myHandler");
    assertThat(client.provider()).isEqualTo("inmemory");
  }

  @Test
  void theHealthIndicatorWatchesTheApplicationsClient() {
    assertThat(context.getBean("imfacadeHealthIndicator", ImfacadeHealthIndicator.class).health().getDetails())
        .containsEntry("provider", "inmemory");
  }
}
