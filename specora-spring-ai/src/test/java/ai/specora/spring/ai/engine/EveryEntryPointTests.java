package ai.specora.spring.ai.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ai.specora.client.CompletionStatus;
import ai.specora.client.DecisionSource;
import ai.specora.client.EnforcementResult;
import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.GovernanceListener;
import ai.specora.runtime.GovernedCall;
import ai.specora.spring.Enforced;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.EnforcedMode;
import ai.specora.spring.ai.Authority;
import ai.specora.spring.ai.autoconfigure.SpecoraSpringAiAutoConfiguration;
import ai.specora.spring.ai.tool.GovernedToolCallback;
import ai.specora.spring.ai.tool.ToolCallGovernor;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.autoconfigure.observation.SpecoraObservationAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static ai.specora.spring.ai.Authority.json;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The same scenarios through every entry point: a plain {@code @Enforced} method, a
 * reactive one, one returning a {@code CompletionStage}, and a Spring AI tool callback.
 * Each door governs the action types {@code door}, {@code door_open} (fail-open) and
 * {@code door_shadow} (shadow mode); whatever the door, a call gets the same decision
 * handling, completion, listener callbacks, observation and meters. A listener that
 * throws on every callback is registered throughout: it never changes an outcome.
 */
class EveryEntryPointTests {

	static final Authority authority = new Authority().start();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
				SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
				SpecoraObservationAutoConfiguration.class, SpecoraSpringAiAutoConfiguration.class))
		.withPropertyValues(authority.properties())
		.withPropertyValues("specora.ai.tool-calls.on-block=throw", "specora.ai.tools.door_open.fail-mode=open",
				"specora.ai.tools.door_shadow.mode=shadow", "specora.ai.observations.include-tool-name=true")
		.withBean(TestObservationRegistry.class, () -> this.observations)
		.withBean(SimpleMeterRegistry.class)
		.withUserConfiguration(Doors.class);

	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	static Stream<Door> doors() {
		return Stream.of(Door.values());
	}

	@ParameterizedTest
	@MethodSource("doors")
	void allowRunsCompletesAndIsObservedAndHeard(Door door) {
		authority.allow("door", "jrn_door");
		this.runner.run((context) -> {
			assertThat(door.open(context, "door", "in")).isEqualTo("ran:in");
			assertThat(context.getBean(Runs.class).count).hasValue(1);
			assertThat(authority.completions()).singleElement()
				.satisfies((completion) -> assertThat(json(completion).read("$.status", String.class))
					.isEqualTo("success"));
			assertThat(context.getBean(Heard.class).events).containsExactly("start door", "decision allow",
					"completion SUCCESS");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("decision", "allow")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasLowCardinalityKeyValue("mode", "enforce")
				.hasBeenStopped();
		});
	}

	@ParameterizedTest
	@MethodSource("doors")
	void blockNeverRuns(Door door) {
		authority.block("door", "jrn_door", "not today");
		this.runner.run((context) -> {
			assertThat(catchThrowable(() -> door.open(context, "door", "in")))
				.isInstanceOf(SpecoraBlockedException.class);
			assertThat(context.getBean(Runs.class).count).hasValue(0);
			assertThat(authority.completions()).isEmpty();
			assertThat(context.getBean(Heard.class).events).containsExactly("start door", "decision block");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("outcome", "blocked");
		});
	}

	@ParameterizedTest
	@MethodSource("doors")
	void suspendNeverRuns(Door door) {
		authority.suspend("door", "jrn_door");
		this.runner.run((context) -> {
			assertThat(catchThrowable(() -> door.open(context, "door", "in")))
				.isInstanceOf(SpecoraSuspendedException.class);
			assertThat(context.getBean(Runs.class).count).hasValue(0);
			assertThat(context.getBean(Heard.class).events).containsExactly("start door", "decision suspend");
		});
	}

	@ParameterizedTest
	@MethodSource("doors")
	void noDecisionFailsClosed(Door door) {
		authority.unavailable("door");
		this.runner.run((context) -> {
			assertThat(catchThrowable(() -> door.open(context, "door", "in")))
				.isInstanceOf(FailClosedException.class);
			assertThat(context.getBean(Runs.class).count).hasValue(0);
			assertThat(context.getBean(Heard.class).events).containsExactly("start door", "error FailClosedException");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("outcome", "error");
		});
	}

	@ParameterizedTest
	@MethodSource("doors")
	void noDecisionUnderAnOpenFailModeRunsAndIsCounted(Door door) {
		authority.unavailable("door_open");
		this.runner.run((context) -> {
			assertThat(door.open(context, "door_open", "in")).isEqualTo("ran:in");
			assertThat(authority.completions()).isEmpty();
			assertThat(context.getBean(Heard.class).events).containsExactly("start door_open",
					"decision allow fail_open", "completion SUCCESS");
			assertThat(context.getBean(MeterRegistry.class)
				.get("specora.enforcement.fail.open")
				.tag("action.type", "door_open")
				.tag("mode", "enforce")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@ParameterizedTest
	@MethodSource("doors")
	void shadowModeRunsABlockedCallAndTagsIt(Door door) {
		authority.block("door_shadow", "jrn_shadow", "not today");
		this.runner.run((context) -> {
			assertThat(door.open(context, "door_shadow", "in")).isEqualTo("ran:in");
			assertThat(context.getBean(Runs.class).count).hasValue(1);
			assertThat(authority.completions()).isEmpty();
			assertThat(context.getBean(Heard.class).events).containsExactly("start door_shadow", "decision block",
					"completion SUCCESS");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("decision", "block")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasLowCardinalityKeyValue("mode", "shadow");
		});
	}

	@ParameterizedTest
	@MethodSource("doors")
	void failureCompletesAsFailure(Door door) {
		authority.allow("door", "jrn_door");
		this.runner.run((context) -> {
			assertThat(catchThrowable(() -> door.open(context, "door", "fail"))).isNotNull();
			assertThat(authority.completions()).singleElement()
				.satisfies((completion) -> assertThat(json(completion).read("$.status", String.class))
					.isEqualTo("failure"));
			assertThat(context.getBean(Heard.class).events).containsExactly("start door", "decision allow",
					"completion FAILURE");
		});
	}

	/**
	 * The entry points, each opening a door of an action type with an input.
	 */
	enum Door {

		ENFORCED_METHOD {

			@Override
			String open(AssertableApplicationContext context, String action, String input) {
				Governed governed = context.getBean(Governed.class);
				return switch (action) {
					case "door_open" -> governed.openBlocking(input);
					case "door_shadow" -> governed.shadowBlocking(input);
					default -> governed.doorBlocking(input);
				};
			}

		},

		ENFORCED_MONO {

			@Override
			String open(AssertableApplicationContext context, String action, String input) {
				Governed governed = context.getBean(Governed.class);
				Mono<String> mono = switch (action) {
					case "door_open" -> governed.openMono(input);
					case "door_shadow" -> governed.shadowMono(input);
					default -> governed.doorMono(input);
				};
				return mono.block();
			}

		},

		ENFORCED_STAGE {

			@Override
			String open(AssertableApplicationContext context, String action, String input) {
				Governed governed = context.getBean(Governed.class);
				CompletionStage<String> stage = switch (action) {
					case "door_open" -> governed.openStage(input);
					case "door_shadow" -> governed.shadowStage(input);
					default -> governed.doorStage(input);
				};
				try {
					return stage.toCompletableFuture().join();
				}
				catch (CompletionException ex) {
					throw (RuntimeException) ex.getCause();
				}
			}

		},

		TOOL_CALLBACK {

			@Override
			String open(AssertableApplicationContext context, String action, String input) {
				Runs runs = context.getBean(Runs.class);
				ToolCallback tool = FunctionToolCallback
					.builder(action, (Map<String, String> in) -> runs.run(in.get("value")))
					.description("opens the door")
					.inputType(Map.class)
					.build();
				String result = GovernedToolCallback.govern(tool, context.getBean(ToolCallGovernor.class))
					.call("{\"value\": \"" + input + "\"}");
				// the tool's result, as the JSON string Spring AI makes of it
				return result.substring(1, result.length() - 1);
			}

		};

		abstract String open(AssertableApplicationContext context, String action, String input);

	}

	/**
	 * The governed code of every door, counting its runs.
	 */
	static class Runs {

		final AtomicInteger count = new AtomicInteger();

		String run(String input) {
			if ("fail".equals(input)) {
				throw new IllegalArgumentException("bad input");
			}
			this.count.incrementAndGet();
			return "ran:" + input;
		}

	}

	/**
	 * The application's beans: the governed methods, what a listener heard, and a
	 * listener that throws on every callback.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Doors {

		@Bean
		Runs runs() {
			return new Runs();
		}

		@Bean
		Governed governed(Runs runs) {
			return new Governed(runs);
		}

		@Bean
		Heard heard() {
			return new Heard();
		}

		@Bean
		GovernanceListener throwingListener() {
			return new GovernanceListener() {

				@Override
				public void onStart(GovernedCall call) {
					throw new IllegalStateException("listener failed");
				}

				@Override
				public void onDecision(GovernedCall call, EnforcementResult result) {
					throw new IllegalStateException("listener failed");
				}

				@Override
				public void onCompletion(GovernedCall call, CompletionStatus status, Throwable error) {
					throw new IllegalStateException("listener failed");
				}

				@Override
				public void onError(GovernedCall call, Throwable error) {
					throw new IllegalStateException("listener failed");
				}

			};
		}

	}

	/**
	 * The {@code @Enforced} methods of each action type and return kind.
	 */
	static class Governed {

		private final Runs runs;

		Governed(Runs runs) {
			this.runs = runs;
		}

		@Enforced(actionType = "door", scope = "{'door': 'front'}")
		public String doorBlocking(String input) {
			return this.runs.run(input);
		}

		@Enforced(actionType = "door_open", scope = "{'door': 'front'}", failMode = EnforcedFailMode.OPEN)
		public String openBlocking(String input) {
			return this.runs.run(input);
		}

		@Enforced(actionType = "door_shadow", scope = "{'door': 'front'}", mode = EnforcedMode.SHADOW)
		public String shadowBlocking(String input) {
			return this.runs.run(input);
		}

		@Enforced(actionType = "door", scope = "{'door': 'front'}")
		public Mono<String> doorMono(String input) {
			return Mono.fromSupplier(() -> this.runs.run(input));
		}

		@Enforced(actionType = "door_open", scope = "{'door': 'front'}", failMode = EnforcedFailMode.OPEN)
		public Mono<String> openMono(String input) {
			return Mono.fromSupplier(() -> this.runs.run(input));
		}

		@Enforced(actionType = "door_shadow", scope = "{'door': 'front'}", mode = EnforcedMode.SHADOW)
		public Mono<String> shadowMono(String input) {
			return Mono.fromSupplier(() -> this.runs.run(input));
		}

		@Enforced(actionType = "door", scope = "{'door': 'front'}")
		public CompletionStage<String> doorStage(String input) {
			return CompletableFuture.supplyAsync(() -> this.runs.run(input));
		}

		@Enforced(actionType = "door_open", scope = "{'door': 'front'}", failMode = EnforcedFailMode.OPEN)
		public CompletionStage<String> openStage(String input) {
			return CompletableFuture.supplyAsync(() -> this.runs.run(input));
		}

		@Enforced(actionType = "door_shadow", scope = "{'door': 'front'}", mode = EnforcedMode.SHADOW)
		public CompletionStage<String> shadowStage(String input) {
			return CompletableFuture.supplyAsync(() -> this.runs.run(input));
		}

	}

	/**
	 * What a listener heard, in order.
	 */
	static class Heard implements GovernanceListener {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(GovernedCall call) {
			this.events.add("start " + call.actionType());
		}

		@Override
		public void onDecision(GovernedCall call, EnforcementResult result) {
			this.events.add("decision " + result.decision().name().toLowerCase()
					+ ((result.source() == DecisionSource.FAIL_OPEN) ? " fail_open" : ""));
		}

		@Override
		public void onCompletion(GovernedCall call, CompletionStatus status, Throwable error) {
			this.events.add("completion " + status);
		}

		@Override
		public void onError(GovernedCall call, Throwable error) {
			this.events.add("error " + error.getClass().getSimpleName());
		}

	}

}
