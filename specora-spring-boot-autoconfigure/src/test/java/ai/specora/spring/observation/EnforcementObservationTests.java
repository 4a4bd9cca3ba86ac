package ai.specora.spring.observation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.ApprovalWaiter;
import ai.specora.spring.Enforced;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.autoconfigure.observation.SpecoraObservationAutoConfiguration;
import ai.specora.spring.enforcement.Authority;
import ai.specora.spring.enforcement.GovernedServices.Tools;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@code specora.enforcement} observation and the fail-open counter of governed
 * calls against a stand-in authority: one meter and tag set per way a call can end,
 * and ids on the trace only.
 */
@SpringBootTest(classes = EnforcementObservationTests.Config.class,
		properties = "specora.enforcement.completion.mode=sync")
@DirtiesContext
class EnforcementObservationTests {

	static final Authority authority = new Authority().start();

	@Autowired
	Tools tools;

	@Autowired
	ObservedService observed;

	@Autowired
	SimpleMeterRegistry meters;

	@Autowired
	TestObservationRegistry observations;

	@BeforeEach
	void reset() {
		authority.reset();
		this.meters.clear();
		this.observations.clear();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void allowedCallIsTimedWithItsDecisionAndOutcome() {
		authority.allow("plain", "jrn_allow");
		this.tools.write("users", 7, 0.25);
		assertThat(enforcementTimer("plain").getId().getTags()).containsExactlyInAnyOrder(
				Tag.of("action.type", "plain"), Tag.of("decision", "allow"), Tag.of("source", "authority"),
				Tag.of("outcome", "success"), Tag.of("fail.mode", "closed"), Tag.of("error", "none"), Tag.of("mode", "enforce"));
		assertThat(enforcementTimer("plain").count()).isEqualTo(1);
		assertThat(this.observations).hasSingleObservationThat()
			.hasNameEqualTo("specora.enforcement")
			.hasContextualNameEqualTo("specora enforce plain")
			.hasBeenStarted()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("decision", "allow")
			.hasHighCardinalityKeyValue("journal.id", "jrn_allow")
			.hasHighCardinalityKeyValueWithKey("request.id");
	}

	@Test
	void idsAreOnTheTraceButNeverOnMeters() {
		authority.allow("plain", "jrn_ids");
		this.tools.write("users", 7, 0.25);
		for (Meter meter : this.meters.getMeters()) {
			assertThat(meter.getId().getTags()).extracting(Tag::getKey)
				.doesNotContain("journal.id", "request.id", "table");
			assertThat(meter.getId().getTags()).extracting(Tag::getValue).doesNotContain("jrn_ids", "users");
		}
	}

	@Test
	void blockedCallIsTimedAsBlocked() {
		authority.block("plain", "jrn_block", "policy says no");
		assertThatExceptionOfType(SpecoraBlockedException.class).isThrownBy(() -> this.tools.write("users", 1, 0));
		assertThat(tagsOf(enforcementTimer("plain"))).containsEntry("decision", "block")
			.containsEntry("source", "authority")
			.containsEntry("outcome", "blocked")
			.containsEntry("error", "none");
		assertThat(this.observations).hasSingleObservationThat()
			.hasBeenStopped()
			.hasHighCardinalityKeyValue("journal.id", "jrn_block");
	}

	@Test
	void suspendedCallIsTimedAsSuspended() {
		authority.suspend("plain", "jrn_suspend");
		assertThatExceptionOfType(SpecoraSuspendedException.class)
			.isThrownBy(() -> this.tools.write("users", 1, 0));
		assertThat(tagsOf(enforcementTimer("plain"))).containsEntry("decision", "suspend")
			.containsEntry("outcome", "suspended");
	}

	@Test
	void approvedSuspensionIsTimedWithTheFinalAllow() {
		authority.suspend("wait", "jrn_wait");
		authority.journal("jrn_wait", "approved");
		assertThat(this.tools.waitForApproval()).isNotNull();
		assertThat(tagsOf(enforcementTimer("wait"))).containsEntry("decision", "allow")
			.containsEntry("outcome", "success");
	}

	@Test
	void failClosedCallIsAnErrorWithoutDecision() {
		authority.unavailable("plain");
		assertThatExceptionOfType(FailClosedException.class).isThrownBy(() -> this.tools.write("users", 1, 0));
		assertThat(tagsOf(enforcementTimer("plain"))).containsEntry("decision", "none")
			.containsEntry("source", "none")
			.containsEntry("outcome", "error")
			.containsEntry("fail.mode", "closed")
			.containsEntry("error", "FailClosedException");
		assertThat(this.meters.find("specora.enforcement.fail.open").counter()).isNull();
	}

	@Test
	void failOpenCallIsCountedAndTimedWithItsSource() {
		authority.unavailable("open_method");
		this.tools.failOpen();
		assertThat(tagsOf(enforcementTimer("open_method"))).containsEntry("decision", "allow")
			.containsEntry("source", "fail_open")
			.containsEntry("outcome", "success")
			.containsEntry("fail.mode", "open");
		assertThat(this.meters.get("specora.enforcement.fail.open").tag("action.type", "open_method").counter().count())
			.isEqualTo(1);
	}

	@Test
	void methodFailureIsTimedAsFailureWithTheExceptionClass() {
		authority.allow("failing", "jrn_failing");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.tools.fail(new IllegalStateException("disk full")));
		assertThat(tagsOf(enforcementTimer("failing"))).containsEntry("decision", "allow")
			.containsEntry("outcome", "failure")
			.containsEntry("error", "IllegalStateException");
		assertThat(this.observations).hasSingleObservationThat()
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void reactiveResultIsTimedWhenItCompletes() {
		authority.allow("mono", "jrn_mono");
		StepVerifier.create(this.tools.mono("abc")).expectNext("ABC").verifyComplete();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.meters.find("specora.enforcement").timer() != null);
		assertThat(tagsOf(enforcementTimer("mono"))).containsEntry("decision", "allow")
			.containsEntry("outcome", "success");
	}

	@Test
	void reactiveCancellationIsTimedAsCancelled() {
		authority.allow("flux_endless", "jrn_endless");
		StepVerifier.create(this.tools.endless().take(3)).expectNext(0L, 1L, 2L).verifyComplete();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.meters.find("specora.enforcement").timer() != null);
		assertThat(tagsOf(enforcementTimer("flux_endless"))).containsEntry("decision", "allow")
			.containsEntry("outcome", "cancelled");
		assertThat(this.observations).hasSingleObservationThat().hasBeenStopped();
	}

	@Test
	void methodRunsInsideTheObservation() {
		authority.allow("observed", "jrn_observed");
		assertThat(this.observed.currentObservationName()).isEqualTo("specora.enforcement");
		assertThat(this.observations.getCurrentObservation()).isNull();
	}

	private Timer enforcementTimer(String actionType) {
		List<Timer> timers = List.copyOf(this.meters.find("specora.enforcement").tag("action.type", actionType).timers());
		assertThat(timers).as("specora.enforcement timers of " + actionType).hasSize(1);
		return timers.get(0);
	}

	private static Map<String, String> tagsOf(Meter meter) {
		Map<String, String> tags = new HashMap<>();
		meter.getId().getTags().forEach((tag) -> tags.put(tag.getKey(), tag.getValue()));
		return tags;
	}

	/**
	 * A governed method that tells which observation is current while it runs.
	 */
	static class ObservedService {

		private final ObservationRegistry registry;

		ObservedService(ObservationRegistry registry) {
			this.registry = registry;
		}

		@Enforced(actionType = "observed", scope = "{'k': 'v'}")
		public String currentObservationName() {
			Observation current = this.registry.getCurrentObservation();
			return (current != null) ? current.getContext().getName() : null;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class, SpecoraObservationAutoConfiguration.class })
	static class Config {

		@Bean
		SpecoraClient specoraClient() {
			// generous limits: the assertions are about what is measured, never speed
			return SpecoraClient.builder()
				.baseUrl(authority.baseUrl())
				.apiKey("sk_test_observation")
				.orgId("org-1")
				.timeout(Duration.ofSeconds(60))
				.deadline(Duration.ofSeconds(120))
				.retries(0)
				.build();
		}

		@Bean
		ApprovalWaiter approvalWaiter(SpecoraClient client) {
			return new ApprovalWaiter(client.reactive(), Duration.ofMillis(20), Duration.ofMillis(100));
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		TestObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
			TestObservationRegistry registry = TestObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
			return registry;
		}

		@Bean
		Tools tools() {
			return new Tools();
		}

		@Bean
		ObservedService observedService(ObservationRegistry registry) {
			return new ObservedService(registry);
		}

	}

}
