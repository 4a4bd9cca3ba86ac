package ai.specora.spring.enforcement;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import ai.specora.client.SpecoraClient;
import ai.specora.runtime.GovernanceEngine;
import ai.specora.runtime.GovernanceMode;
import ai.specora.spring.enforcement.GovernedServices.Tools;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.aop.framework.ProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An {@link ObservationHandler} that throws never changes a governed call's outcome nor
 * loses its completion.
 */
class ObservationFailureTests {

	static final Authority authority = new Authority().start();

	private Tools tools;

	@BeforeEach
	void governTools() {
		authority.reset();
		SpecoraClient client = authority.client();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ThrowingHandler());
		GovernanceEngine engine = GovernanceEngine.builder(client.reactive())
			.observationRegistry(observations)
			.build();
		EnforcementInterceptor interceptor = new EnforcementInterceptor(new EnforcedMethodRegistry(null), engine,
				GovernanceMode.ENFORCE);
		ProxyFactory factory = new ProxyFactory(new Tools());
		factory.setProxyTargetClass(true);
		factory.addAdvice(interceptor);
		this.tools = (Tools) factory.getProxy();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void aHandlerThatThrowsOnStopKeepsTheResultAndTheCompletion() {
		authority.allow("plain", "jrn_obs");
		assertThat(this.tools.write("users", 1, 0)).isEqualTo("written");
		assertThat(this.tools.runs()).hasValue(1);
		assertThat(authority.completionsOf("jrn_obs")).hasSize(1);
	}

	@Test
	void aHandlerThatThrowsOnStopKeepsTheMethodsOwnException() {
		authority.allow("failing", "jrn_obs_fail");
		IllegalArgumentException failure = new IllegalArgumentException("bad row");
		assertThat(catchThrowable(() -> this.tools.fail(failure))).isSameAs(failure);
		assertThat(authority.completionsOf("jrn_obs_fail")).hasSize(1);
	}

	@Test
	void aHandlerThatThrowsOnStopKeepsAStagesValueAndItsCompletion() {
		authority.allow("future", "jrn_obs_future");
		CompletableFuture<String> governed = this.tools.future(CompletableFuture.completedFuture("done"));
		assertThat(governed).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("done");
		assertThat(authority.completionsOf("jrn_obs_future")).hasSize(1);
	}

	@Test
	void aHandlerThatThrowsOnStopKeepsAMonosValueAndItsCompletion() {
		authority.allow("mono", "jrn_obs_mono");
		StepVerifier.create(this.tools.mono("a")).expectNext("A").expectComplete().verify(Duration.ofSeconds(5));
		assertThat(authority.completionsOf("jrn_obs_mono")).hasSize(1);
	}

	/**
	 * Fails when an observation stops, as a broken tracing bridge might.
	 */
	static final class ThrowingHandler implements ObservationHandler<Observation.Context> {

		@Override
		public void onStop(Observation.Context context) {
			throw new IllegalStateException("tracing backend broke");
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
