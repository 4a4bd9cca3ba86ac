package ai.specora.client;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CircuitBreakerSettings}: the defaults, and an error naming each
 * invalid setting.
 */
class CircuitBreakerSettingsTest {

	@Test
	void theDefaultsComeFromSpecoraDefaults() {
		CircuitBreakerSettings defaults = CircuitBreakerSettings.defaults();
		assertThat(defaults.enabled()).isEqualTo(SpecoraDefaults.CIRCUIT_BREAKER_ENABLED).isTrue();
		assertThat(defaults.failureRateThreshold()).isEqualTo(SpecoraDefaults.CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD);
		assertThat(defaults.slidingWindowSize()).isEqualTo(SpecoraDefaults.CIRCUIT_BREAKER_SLIDING_WINDOW_SIZE);
		assertThat(defaults.minimumNumberOfCalls()).isEqualTo(SpecoraDefaults.CIRCUIT_BREAKER_MINIMUM_NUMBER_OF_CALLS);
		assertThat(defaults.waitDurationInOpenState())
			.isEqualTo(SpecoraDefaults.CIRCUIT_BREAKER_WAIT_DURATION_IN_OPEN_STATE);
		assertThat(defaults.permittedNumberOfCallsInHalfOpenState())
			.isEqualTo(SpecoraDefaults.CIRCUIT_BREAKER_PERMITTED_CALLS_IN_HALF_OPEN_STATE);
		assertThat(CircuitBreakerSettings.disabled()).isEqualTo(defaults.toBuilder().enabled(false).build());
	}

	@Test
	void theDefaultsOpenAfterAtMostTwentyCallsInARowWithoutAnAnswer() {
		CircuitBreakerSettings defaults = CircuitBreakerSettings.defaults();
		int fullWindowOfFailures = (int) Math.ceil(defaults.slidingWindowSize() * defaults.failureRateThreshold() / 100.0);
		assertThat(Math.max(defaults.minimumNumberOfCalls(), fullWindowOfFailures)).isLessThanOrEqualTo(20);
	}

	@Test
	void eachInvalidSettingIsNamed() {
		assertInvalid((b) -> b.failureRateThreshold(0), "circuitBreaker.failureRateThreshold", "between 1 and 100");
		assertInvalid((b) -> b.failureRateThreshold(101), "circuitBreaker.failureRateThreshold", "but was 101");
		assertInvalid((b) -> b.slidingWindowSize(0), "circuitBreaker.slidingWindowSize", "at least 1");
		assertInvalid((b) -> b.minimumNumberOfCalls(0), "circuitBreaker.minimumNumberOfCalls", "between 1 and");
		assertInvalid((b) -> b.slidingWindowSize(5).minimumNumberOfCalls(6), "circuitBreaker.minimumNumberOfCalls",
				"slidingWindowSize (5)");
		assertInvalid((b) -> b.waitDurationInOpenState(null), "circuitBreaker.waitDurationInOpenState", "1 ms");
		assertInvalid((b) -> b.waitDurationInOpenState(Duration.ZERO), "circuitBreaker.waitDurationInOpenState",
				"but was PT0S");
		assertInvalid((b) -> b.permittedNumberOfCallsInHalfOpenState(0),
				"circuitBreaker.permittedNumberOfCallsInHalfOpenState", "at least 1");
	}

	@Test
	void theClientBuilderRefusesNoSettings() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> SpecoraClient.builder()
				.baseUrl("http://127.0.0.1:1")
				.apiKey("sk_test_key")
				.orgId("org-1")
				.circuitBreaker(null)
				.build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("circuitBreaker"))
			.withMessageContaining("CircuitBreakerSettings.disabled()");
	}

	private static void assertInvalid(UnaryOperator<CircuitBreakerSettings.Builder> change, String setting,
			String message) {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> change.apply(CircuitBreakerSettings.builder()).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo(setting))
			.withMessageStartingWith("Specora " + setting + " ")
			.withMessageContaining(message);
	}

}
