package ai.specora.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import ai.specora.benchmarks.shape.ImportStarterShape;
import ai.specora.client.SpecoraClient;
import ai.specora.spring.Enforced;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;

/**
 * The start-up of a minimal Spring Boot application, cold (one start in each fresh JVM):
 * without the starter, with it, and with 100 {@code @Enforced} methods. Besides the
 * start-up itself ({@code SpringApplication.run}), it reports the time until the
 * application is ready to call the authority without paying for the client's first use
 * ({@code readyMs}: with the starter, until its client's background warm-up is done;
 * without it, the start-up), and the heap in use then, after a full GC. The score of
 * the benchmark method also includes that GC and closing the context; the start-up is
 * {@code startMs}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = { "-Xms256m", "-Xmx256m" })
@State(Scope.Benchmark)
public class StartupBenchmark {

	private static final String SPECORA_AUTO_CONFIGURATIONS = "ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.webhook.SpecoraWebhookAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.localauthority.SpecoraLocalAuthorityAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.SpecoraEnforcementCheckAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.observation.SpecoraObservationAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.actuate.SpecoraHealthContributorAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.actuate.SpecoraEndpointAutoConfiguration";

	/**
	 * {@code none}: the starter's auto-configurations excluded; {@code starter}: the
	 * starter; the {@code -100} variants add a bean with 100 {@code @Enforced} methods;
	 * {@code proxy-100} is {@code none-100} with that bean proxied by a pass-through
	 * advisor on the same methods, the proxy that any Spring AOP feature (such as
	 * {@code @PreAuthorize} or {@code @Transactional}) would give it. Not run by
	 * default, {@code shape} is {@code none} with auto-configurations of the starter's
	 * shape whose beans do nothing ({@link ImportStarterShape}): what Spring Boot itself
	 * charges for such a starter.
	 */
	@Param({ "none", "starter", "none-100", "proxy-100", "starter-100" })
	public String application;

	/**
	 * The time until the client is warm and the heap in use then.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Ready {

		/** Milliseconds that {@code SpringApplication.run} took. */
		public long startMs;

		/** Milliseconds from the start until the application's client is warm. */
		public long readyMs;

		/** Kilobytes of heap in use once ready, after a full GC. */
		public long heapAfterStartKb;

	}

	@Benchmark
	public ConfigurableApplicationContext start(Ready ready) {
		long startedAt = System.nanoTime();
		ConfigurableApplicationContext context = application(this.application).run();
		ready.startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
		// joins the warm-up the starter began when the application was ready
		context.getBeanProvider(SpecoraClient.class).ifAvailable(SpecoraClient::warmUp);
		ready.readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
		System.gc();
		ready.heapAfterStartKb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
		context.close();
		return context;
	}

	/**
	 * The application to start.
	 * @param application one of the {@link #application} values
	 * @return its builder, not yet run
	 */
	static SpringApplicationBuilder application(String application) {
		Class<?> source = switch (application) {
			case "none", "starter" -> Minimal.class;
			case "none-100", "starter-100" -> WithHundredMethods.class;
			case "proxy-100" -> WithHundredProxiedMethods.class;
			case "shape" -> WithStarterShape.class;
			default -> throw new IllegalArgumentException("unknown application '" + application + "'");
		};
		SpringApplicationBuilder builder = new SpringApplicationBuilder(source).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "specora.base-url=http://127.0.0.1:9",
					"specora.api-key=" + Contexts.API_KEY, "specora.org-id=" + Contexts.ORG_ID);
		if (!application.startsWith("starter")) {
			builder.properties("spring.autoconfigure.exclude=" + SPECORA_AUTO_CONFIGURATIONS);
		}
		return builder;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Minimal {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@ImportStarterShape
	static class WithStarterShape {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(Minimal.class)
	static class WithHundredMethods {

		@Bean
		HundredGovernedMethods hundredGovernedMethods() {
			return new HundredGovernedMethods();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(WithHundredMethods.class)
	static class WithHundredProxiedMethods {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static Advisor passThroughAdvisor() {
			return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, Enforced.class, true),
					(MethodInterceptor) MethodInvocation::proceed);
		}

	}

}
