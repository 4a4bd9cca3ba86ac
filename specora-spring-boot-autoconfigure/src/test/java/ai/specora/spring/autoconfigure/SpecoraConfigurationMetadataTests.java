package ai.specora.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the configuration metadata that IDEs read: every property is described, the
 * ones with a default show it, and enumerated values have hints.
 */
class SpecoraConfigurationMetadataTests {

	private final ConfigurationMetadata metadata = ConfigurationMetadata.read();

	@Test
	void everyPropertyHasADescription() {
		List<String> names = new ArrayList<>();
		for (JsonNode property : this.metadata.properties()) {
			names.add(property.path("name").asString());
			assertThat(property.path("description").asString()).as(property.path("name").asString()).isNotBlank();
		}
		assertThat(names).contains("specora.enabled", "specora.base-url", "specora.api-key", "specora.org-id",
				"specora.project-id", "specora.agent-id", "specora.vendor-id", "specora.tenant-id",
				"specora.fail-mode", "specora.timeout", "specora.deadline", "specora.retries",
				"specora.retry-backoff", "specora.max-retry-backoff", "specora.ssl.bundle",
				"specora.circuit-breaker.enabled", "specora.circuit-breaker.failure-rate-threshold",
				"specora.circuit-breaker.sliding-window-size", "specora.circuit-breaker.minimum-number-of-calls",
				"specora.circuit-breaker.wait-duration-in-open-state",
				"specora.circuit-breaker.permitted-number-of-calls-in-half-open-state",
				"specora.enforcement.enabled", "specora.enforcement.order", "specora.enforcement.completion.mode",
				"specora.enforcement.completion.queue-capacity", "specora.enforcement.completion.max-in-flight",
				"specora.enforcement.completion.max-age",
				"specora.enforcement.completion.shutdown-timeout", "specora.webhook.secret", "specora.webhook.secrets",
				"specora.webhook.path", "specora.webhook.replay-store", "specora.local-authority.enabled",
				"specora.local-authority.port", "specora.local-authority.default-effect",
				"specora.local-authority.policies", "specora.local-authority.budgets",
				"specora.local-authority.webhook-url", "specora.local-authority.webhook-secret",
				"specora.local-authority.journal-capacity", "specora.local-authority.reservation-ttl",
				"specora.local-authority.evidence-signing-private-key",
				"specora.local-authority.evidence-signing-public-key", "specora.local-authority.platform.budgets", "specora.local-authority.platform.policies",
				"specora.local-authority.platform.preferences", "specora.local-authority.platform.model-assignments",
				"specora.local-authority.platform.default-provider", "specora.local-authority.platform.default-model");
	}

	@Test
	void propertiesWithADefaultShowIt() {
		assertThat(this.metadata.defaultOf("specora.enabled")).isEqualTo("true");
		assertThat(this.metadata.defaultOf("specora.fail-mode")).isEqualTo("closed");
		assertThat(this.metadata.defaultOf("specora.timeout")).isEqualTo("10s");
		assertThat(this.metadata.defaultOf("specora.deadline")).isEqualTo("30s");
		assertThat(this.metadata.defaultOf("specora.retries")).isEqualTo("2");
		assertThat(this.metadata.defaultOf("specora.retry-backoff")).isEqualTo("500ms");
		assertThat(this.metadata.defaultOf("specora.max-retry-backoff")).isEqualTo("8s");
		assertThat(this.metadata.defaultOf("specora.circuit-breaker.enabled")).isEqualTo("true");
		assertThat(this.metadata.defaultOf("specora.circuit-breaker.failure-rate-threshold")).isEqualTo("50");
		assertThat(this.metadata.defaultOf("specora.circuit-breaker.sliding-window-size")).isEqualTo("20");
		assertThat(this.metadata.defaultOf("specora.circuit-breaker.minimum-number-of-calls")).isEqualTo("10");
		assertThat(this.metadata.defaultOf("specora.circuit-breaker.wait-duration-in-open-state")).isEqualTo("10s");
		assertThat(this.metadata.defaultOf("specora.circuit-breaker.permitted-number-of-calls-in-half-open-state"))
			.isEqualTo("3");
		assertThat(this.metadata.defaultOf("specora.enforcement.enabled")).isEqualTo("true");
		assertThat(this.metadata.defaultOf("specora.enforcement.order"))
			.isEqualTo(String.valueOf(SpecoraProperties.DEFAULT_ENFORCEMENT_ORDER));
		assertThat(this.metadata.defaultOf("specora.enforcement.completion.mode")).isEqualTo("async");
		assertThat(this.metadata.defaultOf("specora.enforcement.completion.queue-capacity")).isEqualTo("10000");
		assertThat(this.metadata.defaultOf("specora.enforcement.completion.max-in-flight")).isEqualTo("256");
		assertThat(this.metadata.defaultOf("specora.enforcement.completion.max-age")).isEqualTo("15m");
		assertThat(this.metadata.defaultOf("specora.enforcement.completion.shutdown-timeout")).isEqualTo("10s");
	}

	@Test
	void platformPropertiesAreDescribed() {
		for (String name : new String[] { "specora.vendor-id", "specora.tenant-id", "specora.workflow-id",
				"specora.strict-mode" }) {
			assertThat(this.metadata.descriptionOf(name)).as(name).isNotBlank();
		}
		assertThat(this.metadata.descriptionOf("specora.workflow-id")).contains("SPECORA_WORKFLOW_ID");
		assertThat(this.metadata.descriptionOf("specora.strict-mode")).contains("preAuthorize");
		assertThat(this.metadata.defaultOf("specora.strict-mode")).isEqualTo("false");
	}

	@Test
	void theRedisConsumerNameIsDescribedWithoutAFixedDefault() {
		String name = "specora.enforcement.completion.redis.consumer-name";
		assertThat(this.metadata.descriptionOf(name)).contains("specora-", "StatefulSet", "idle");
		assertThat(this.metadata.defaultOf(name)).isNull();
	}

	@Test
	void enumeratedValuesHaveDescribedHints() {
		assertThat(this.metadata.hintValues("specora.fail-mode")).containsExactly("closed", "open");
		assertThat(this.metadata.hintValues("specora.enforcement.completion.mode")).containsExactly("async", "sync");
	}

	@Test
	void observabilityPropertiesAreDescribedWithTheirDefault() {
		assertThat(this.metadata.defaultOf("specora.metrics.enabled")).isEqualTo("true");
		assertThat(this.metadata.defaultOf("management.health.specora.enabled")).isEqualTo("true");
		assertThat(this.metadata.descriptionOf("specora.metrics.enabled")).isNotBlank();
		assertThat(this.metadata.descriptionOf("management.health.specora.enabled")).isNotBlank();
	}

}
