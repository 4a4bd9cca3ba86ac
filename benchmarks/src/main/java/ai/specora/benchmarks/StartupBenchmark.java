package ai.specora.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

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

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The start-up of a minimal Spring Boot application, cold (one start in each fresh JVM):
 * without the starter, with it, and with 100 {@code @Enforced} methods, and the heap in
 * use after start-up (after a full GC).
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
			+ "ai.specora.spring.autoconfigure.SpecoraWebhookAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.SpecoraLocalAuthorityAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.SpecoraEnforcementCheckAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.SpecoraObservationAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.SpecoraHealthContributorAutoConfiguration,"
			+ "ai.specora.spring.autoconfigure.SpecoraEndpointAutoConfiguration";

	/**
	 * {@code none}: the starter's auto-configurations excluded; {@code starter}: the
	 * starter; the {@code -100} variants add a bean with 100 {@code @Enforced} methods.
	 */
	@Param({ "none", "starter", "none-100", "starter-100" })
	public String application;

	/**
	 * The heap in use after start-up and a full GC.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Heap {

		/** Kilobytes of heap in use after start-up. */
		public long heapAfterStartKb;

	}

	@Benchmark
	public ConfigurableApplicationContext start(Heap heap) {
		boolean starter = this.application.startsWith("starter");
		Class<?> source = this.application.endsWith("-100") ? WithHundredMethods.class : Minimal.class;
		SpringApplicationBuilder builder = new SpringApplicationBuilder(source).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "specora.base-url=http://127.0.0.1:9",
					"specora.api-key=" + Contexts.API_KEY, "specora.org-id=" + Contexts.ORG_ID);
		if (!starter) {
			builder.properties("spring.autoconfigure.exclude=" + SPECORA_AUTO_CONFIGURATIONS);
		}
		ConfigurableApplicationContext context = builder.run();
		System.gc();
		heap.heapAfterStartKb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
		context.close();
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Minimal {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(Minimal.class)
	static class WithHundredMethods {

		@Bean
		HundredGovernedMethods hundredGovernedMethods() {
			return new HundredGovernedMethods();
		}

	}

}
