package io.imfacade.spring.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of every test context: auto-configuration only, no component scan, so that each
 * test brings exactly the beans of its scenario (its own nested configuration or imports).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {}
