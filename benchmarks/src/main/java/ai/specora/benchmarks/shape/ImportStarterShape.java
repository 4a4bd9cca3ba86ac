package ai.specora.benchmarks.shape;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports auto-configurations of the starter's shape whose beans do nothing: as many
 * auto-configuration classes, nested configurations, conditions, {@code @Bean} methods
 * and bound properties as the Specora starter evaluates and creates in a minimal
 * application, but empty bean types in place of the client, the interceptor and the
 * rest. Starting an application with it measures what Spring Boot itself charges for a
 * starter of that shape, so that the start-up benchmarks can tell the framework's share
 * of the starter's start-up from the share of its own classes and code.
 * <p>
 * They go through the same deferred import, filtering, ordering and condition
 * evaluation as the starter's auto-configurations.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration({ ShapeClientAutoConfiguration.class, ShapeGovernanceAutoConfiguration.class,
		ShapeEnforcementAutoConfiguration.class,
		ShapeAutoConfigurations.Check.class, ShapeAutoConfigurations.Observation.class,
		ShapeAutoConfigurations.Webhook.class, ShapeAutoConfigurations.LocalAuthority.class,
		ShapeAutoConfigurations.Endpoint.class, ShapeAutoConfigurations.Health.class,
		ShapeAutoConfigurations.Sanitizing.class })
public @interface ImportStarterShape {

}
