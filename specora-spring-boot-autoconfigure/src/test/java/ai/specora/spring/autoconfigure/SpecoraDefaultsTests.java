package ai.specora.spring.autoconfigure;

import java.time.Duration;

import ai.specora.client.CircuitBreakerSettings;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraClientSettings;
import ai.specora.client.SpecoraDefaults;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.enforcement.completion.CompletionDefaults;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client builder, the {@code specora.*} properties, their IDE metadata and the
 * completion dispatcher all start from the same defaults ({@link SpecoraDefaults},
 * {@link CompletionDefaults}).
 */
class SpecoraDefaultsTests {

	private final ConfigurationMetadata metadata = ConfigurationMetadata.read();

	@Test
	void clientBuilderStartsFromTheDefaults() {
		SpecoraClientSettings settings = SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:1")
			.apiKey("sk_test_key")
			.orgId("org-1")
			.build()
			.settings();
		assertThat(settings.failMode()).isEqualTo(SpecoraDefaults.FAIL_MODE);
		assertThat(settings.timeout()).isEqualTo(SpecoraDefaults.TIMEOUT);
		assertThat(settings.deadline()).isEqualTo(SpecoraDefaults.DEADLINE);
		assertThat(settings.retries()).isEqualTo(SpecoraDefaults.RETRIES);
		assertThat(settings.retryBackoff()).isEqualTo(SpecoraDefaults.RETRY_BACKOFF);
		assertThat(settings.maxRetryBackoff()).isEqualTo(SpecoraDefaults.MAX_RETRY_BACKOFF);
	}

	@Test
	void propertiesAndTheirMetadataShowTheClientDefaults() {
		SpecoraProperties properties = new SpecoraProperties();
		assertThat(properties.getFailMode()).isEqualTo(SpecoraDefaults.FAIL_MODE);
		assertThat(properties.getTimeout()).isEqualTo(SpecoraDefaults.TIMEOUT);
		assertThat(properties.getDeadline()).isEqualTo(SpecoraDefaults.DEADLINE);
		assertThat(properties.getRetries()).isEqualTo(SpecoraDefaults.RETRIES);
		assertThat(properties.getRetryBackoff()).isEqualTo(SpecoraDefaults.RETRY_BACKOFF);
		assertThat(properties.getMaxRetryBackoff()).isEqualTo(SpecoraDefaults.MAX_RETRY_BACKOFF);
		assertThat(defaultOf("specora.fail-mode")).isEqualToIgnoringCase(SpecoraDefaults.FAIL_MODE.name());
		assertThat(durationDefaultOf("specora.timeout")).isEqualTo(SpecoraDefaults.TIMEOUT);
		assertThat(durationDefaultOf("specora.deadline")).isEqualTo(SpecoraDefaults.DEADLINE);
		assertThat(defaultOf("specora.retries")).isEqualTo(String.valueOf(SpecoraDefaults.RETRIES));
		assertThat(durationDefaultOf("specora.retry-backoff")).isEqualTo(SpecoraDefaults.RETRY_BACKOFF);
		assertThat(durationDefaultOf("specora.max-retry-backoff")).isEqualTo(SpecoraDefaults.MAX_RETRY_BACKOFF);
	}

	@Test
	void circuitBreakerPropertiesTheirMetadataAndTheClientShareTheDefaults() {
		SpecoraProperties.CircuitBreaker circuitBreaker = new SpecoraProperties().getCircuitBreaker();
		assertThat(circuitBreaker.toSettings()).isEqualTo(CircuitBreakerSettings.defaults());
		assertThat(SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:1")
			.apiKey("sk_test_key")
			.orgId("org-1")
			.build()
			.settings()
			.circuitBreaker()).isEqualTo(CircuitBreakerSettings.defaults());
		assertThat(defaultOf("specora.circuit-breaker.enabled"))
			.isEqualTo(String.valueOf(SpecoraDefaults.CIRCUIT_BREAKER_ENABLED));
		assertThat(defaultOf("specora.circuit-breaker.failure-rate-threshold"))
			.isEqualTo(String.valueOf(SpecoraDefaults.CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD));
		assertThat(defaultOf("specora.circuit-breaker.sliding-window-size"))
			.isEqualTo(String.valueOf(SpecoraDefaults.CIRCUIT_BREAKER_SLIDING_WINDOW_SIZE));
		assertThat(defaultOf("specora.circuit-breaker.minimum-number-of-calls"))
			.isEqualTo(String.valueOf(SpecoraDefaults.CIRCUIT_BREAKER_MINIMUM_NUMBER_OF_CALLS));
		assertThat(durationDefaultOf("specora.circuit-breaker.wait-duration-in-open-state"))
			.isEqualTo(SpecoraDefaults.CIRCUIT_BREAKER_WAIT_DURATION_IN_OPEN_STATE);
		assertThat(defaultOf("specora.circuit-breaker.permitted-number-of-calls-in-half-open-state"))
			.isEqualTo(String.valueOf(SpecoraDefaults.CIRCUIT_BREAKER_PERMITTED_CALLS_IN_HALF_OPEN_STATE));
	}

	@Test
	void completionPropertiesMetadataAndDispatcherShareTheDefaults() {
		SpecoraProperties.Completion completion = new SpecoraProperties().getEnforcement().getCompletion();
		assertThat(completion.getQueueCapacity()).isEqualTo(CompletionDefaults.QUEUE_CAPACITY);
		assertThat(completion.getMaxAge()).isEqualTo(CompletionDefaults.MAX_AGE);
		assertThat(completion.getMaxInFlight()).isEqualTo(CompletionDefaults.MAX_IN_FLIGHT);
		assertThat(defaultOf("specora.enforcement.completion.max-in-flight"))
			.isEqualTo(String.valueOf(CompletionDefaults.MAX_IN_FLIGHT));
		assertThat(completion.getShutdownTimeout()).isEqualTo(CompletionDefaults.SHUTDOWN_TIMEOUT);
		assertThat(defaultOf("specora.enforcement.completion.queue-capacity"))
			.isEqualTo(String.valueOf(CompletionDefaults.QUEUE_CAPACITY));
		assertThat(durationDefaultOf("specora.enforcement.completion.max-age")).isEqualTo(CompletionDefaults.MAX_AGE);
		assertThat(durationDefaultOf("specora.enforcement.completion.shutdown-timeout"))
			.isEqualTo(CompletionDefaults.SHUTDOWN_TIMEOUT);
		ReactiveSpecoraClient client = SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:1")
			.apiKey("sk_test_key")
			.orgId("org-1")
			.build()
			.reactive();
		assertThat(AsyncCompletionDispatcher.builder(client).build())
			.hasToString("AsyncCompletionDispatcher[capacity=" + CompletionDefaults.QUEUE_CAPACITY + ", pending=0, inFlight=0]");
	}

	private Duration durationDefaultOf(String name) {
		return DurationStyle.detectAndParse(defaultOf(name));
	}

	private String defaultOf(String name) {
		String defaultValue = this.metadata.defaultOf(name);
		assertThat(defaultValue).as("default of " + name).isNotNull();
		return defaultValue;
	}

}
