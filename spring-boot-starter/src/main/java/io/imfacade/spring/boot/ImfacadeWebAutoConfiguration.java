package io.imfacade.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/**
 * The problem-details mapping of imfacade's exceptions ({@link ImExceptionHandler}) in a Spring MVC
 * application; on by default, off with {@code imfacade.web.problem-details=false}, and backing off
 * when the application defines its own {@link ImExceptionHandler} bean.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(value = ProblemDetail.class, name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "imfacade.web", name = "problem-details", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ImfacadeProperties.class)
public class ImfacadeWebAutoConfiguration {

  /** The controller advice. */
  @Bean
  @ConditionalOnMissingBean
  public ImExceptionHandler imfacadeExceptionHandler(ImfacadeProperties properties) {
    return new ImExceptionHandler(properties.getWeb().getProblemTypeBase());
  }
}
