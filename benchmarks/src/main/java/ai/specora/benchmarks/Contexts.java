package ai.specora.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

import ai.specora.client.Completion;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.runtime.SyncCompletionDispatcher;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientBuilderCustomizer;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The application contexts the benchmarks call into, each built the way an application
 * would build it.
 */
public final class Contexts {

	/** The API key of the benchmarks' authorities. */
	public static final String API_KEY = "sk_bench_0123456789";

	/** The organisation id of the benchmarks' authorities. */
	public static final String ORG_ID = "6f1d2c3b-0000-4000-8000-000000000001";

	private Contexts() {
	}

	/**
	 * A context with Spring Security method security, and a user with role USER in a
	 * global security context (the benchmark threads all see it).
	 * @return the context
	 */
	public static AnnotationConfigApplicationContext security() {
		SecurityContextHolder.setStrategyName(SecurityContextHolder.MODE_GLOBAL);
		SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
		strategy.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a",
					List.of(new SimpleGrantedAuthority("ROLE_USER"))));
		return new AnnotationConfigApplicationContext(SecurityConfiguration.class);
	}

	/**
	 * A context with Spring Framework's resilient methods.
	 * @return the context
	 */
	public static AnnotationConfigApplicationContext retry() {
		return new AnnotationConfigApplicationContext(RetryConfiguration.class);
	}

	/**
	 * A Spring Boot application with the Specora starter's auto-configuration.
	 * @param baseUrl the authority's base URL
	 * @param inMemory whether the client talks to an {@link InMemoryAuthority}
	 * @param completionMode {@code sync}, {@code async}, or {@code discard}: the async
	 * mode with a dispatcher that drops every completion at once, a diagnostic of what
	 * an {@code @Enforced} call costs its caller without any completion traffic
	 * @return the running application
	 */
	public static ConfigurableApplicationContext specora(String baseUrl, boolean inMemory, String completionMode) {
		return specora(new Class<?>[] { SpecoraConfiguration.class }, baseUrl, inMemory, completionMode);
	}

	/**
	 * A Spring Boot application with the Specora starter's auto-configuration in async
	 * completion mode, its dispatcher wrapped in a {@link TimedDispatcher}.
	 * @param baseUrl the authority's base URL
	 * @param redisPort the port of a Redis on 127.0.0.1 whose stream holds the
	 * completions, or 0 for the memory store
	 * @param properties more properties, {@code name=value}
	 * @return the running application
	 */
	public static ConfigurableApplicationContext specoraTimed(String baseUrl, int redisPort, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("benchmark.time-hand-over=true");
		Class<?>[] sources = { SpecoraConfiguration.class };
		if (redisPort > 0) {
			sources = new Class<?>[] { SpecoraConfiguration.class, RedisConfiguration.class };
			all.add("specora.enforcement.completion.store=redis");
			all.add("spring.data.redis.host=127.0.0.1");
			all.add("spring.data.redis.port=" + redisPort);
		}
		return specora(sources, baseUrl, false, "async", all.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext specora(Class<?>[] sources, String baseUrl, boolean inMemory,
			String completionMode, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("specora.base-url=" + baseUrl, "specora.api-key=" + API_KEY, "specora.org-id=" + ORG_ID,
					"specora.enforcement.completion.mode=" + ("sync".equals(completionMode) ? "sync" : "async"),
					"benchmark.discard-completions=" + "discard".equals(completionMode),
					"benchmark.in-memory=" + inMemory,
					"spring.main.banner-mode=off")
			.properties(properties)
			.run();
		CompletionDispatcher bean = context.getBean(CompletionDispatcher.class);
		Class<?> dispatcher = (bean instanceof TimedDispatcher timed) ? timed.delegate().getClass() : bean.getClass();
		Class<?> expected = switch (completionMode) {
			case "sync" -> SyncCompletionDispatcher.class;
			case "discard" -> DiscardingDispatcher.class;
			default -> AsyncCompletionDispatcher.class;
		};
		if (dispatcher != expected) {
			context.close();
			throw new IllegalStateException("Completion mode '" + completionMode + "' gave a "
					+ dispatcher.getName() + ", not a " + expected.getName());
		}
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableMethodSecurity
	static class SecurityConfiguration {

		@Bean
		Services.Secured secured() {
			return new Services.Secured();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableResilientMethods
	static class RetryConfiguration {

		@Bean
		Services.Retrying retrying() {
			return new Services.Retrying();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SpecoraClientAutoConfiguration.class, SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class })
	static class SpecoraConfiguration {

		@Bean
		Services.Governed governed() {
			return new Services.Governed();
		}

		@Bean
		@ConditionalOnBooleanProperty("benchmark.discard-completions")
		DiscardingDispatcher discardingDispatcher() {
			return new DiscardingDispatcher();
		}

		@Bean
		@ConditionalOnBooleanProperty("benchmark.time-hand-over")
		static TimedDispatcher.Wrapper timedDispatcherWrapper() {
			return new TimedDispatcher.Wrapper();
		}

		@Bean
		SpecoraClientBuilderCustomizer inMemoryAuthority(org.springframework.core.env.Environment environment) {
			boolean inMemory = environment.getProperty("benchmark.in-memory", Boolean.class, false);
			return (builder) -> {
				if (inMemory) {
					builder.clientConnector(new InMemoryAuthority());
				}
			};
		}

	}

	/**
	 * The application's Redis, from {@code spring.data.redis.*}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(DataRedisAutoConfiguration.class)
	static class RedisConfiguration {

	}

	/**
	 * Drops every completion and execution record at once (a diagnostic: no completion
	 * traffic at all); {@link #droppedCount()} counts the completions only.
	 */
	static final class DiscardingDispatcher implements CompletionDispatcher {

		private final LongAdder dropped = new LongAdder();

		@Override
		public CompletionStage<Void> dispatch(String journalId, Completion completion) {
			this.dropped.increment();
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletionStage<Void> dispatchExecutionRecord(ExecutionRecordRequest record) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public int pendingCount() {
			return 0;
		}

		@Override
		public long droppedCount() {
			return this.dropped.sum();
		}

	}

}
