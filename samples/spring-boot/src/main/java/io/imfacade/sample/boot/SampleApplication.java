package io.imfacade.sample.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot app on imfacade's starter: {@code application.yml} names the provider, and the
 * starter gives the {@link io.imfacade.ImClient} bean, the JSON of the model, the problem details
 * of its errors and a health indicator.
 */
@SpringBootApplication
public class SampleApplication {

  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
