package ai.specora.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the configuration metadata that IDEs read: every property is described, the
 * ones with a default show it, and enumerated values have hints.
 */
class SpecoraConfigurationMetadataTests {

	private final JsonNode metadata = read();

	@Test
	void everyPropertyHasADescription() {
		List<String> names = new ArrayList<>();
		for (JsonNode property : this.metadata.path("properties")) {
			names.add(property.path("name").asString());
			assertThat(property.path("description").asString()).as(property.path("name").asString()).isNotBlank();
		}
		assertThat(names).contains("specora.enabled", "specora.base-url", "specora.api-key", "specora.org-id",
				"specora.project-id", "specora.agent-id", "specora.vendor-id", "specora.tenant-id",
				"specora.fail-mode", "specora.timeout", "specora.deadline", "specora.retries",
				"specora.retry-backoff", "specora.max-retry-backoff", "specora.ssl.bundle",
				"specora.enforcement.enabled", "specora.enforcement.order", "specora.enforcement.completion.mode",
				"specora.enforcement.completion.queue-capacity", "specora.enforcement.completion.max-age",
				"specora.enforcement.completion.shutdown-timeout", "specora.webhook.secret", "specora.webhook.secrets",
				"specora.webhook.path", "specora.webhook.replay-store", "specora.local-authority.enabled",
				"specora.local-authority.port", "specora.local-authority.default-effect",
				"specora.local-authority.policies", "specora.local-authority.budgets",
				"specora.local-authority.webhook-url", "specora.local-authority.webhook-secret",
				"specora.local-authority.journal-capacity", "specora.local-authority.reservation-ttl");
	}

	@Test
	void propertiesWithADefaultShowIt() {
		assertThat(defaultOf("specora.enabled")).isEqualTo("true");
		assertThat(defaultOf("specora.fail-mode")).isEqualTo("closed");
		assertThat(defaultOf("specora.timeout")).isEqualTo("10s");
		assertThat(defaultOf("specora.deadline")).isEqualTo("30s");
		assertThat(defaultOf("specora.retries")).isEqualTo("2");
		assertThat(defaultOf("specora.retry-backoff")).isEqualTo("500ms");
		assertThat(defaultOf("specora.max-retry-backoff")).isEqualTo("8s");
		assertThat(defaultOf("specora.enforcement.enabled")).isEqualTo("true");
		assertThat(defaultOf("specora.enforcement.order"))
			.isEqualTo(String.valueOf(SpecoraProperties.DEFAULT_ENFORCEMENT_ORDER));
		assertThat(defaultOf("specora.enforcement.completion.mode")).isEqualTo("async");
		assertThat(defaultOf("specora.enforcement.completion.queue-capacity")).isEqualTo("10000");
		assertThat(defaultOf("specora.enforcement.completion.max-age")).isEqualTo("15m");
		assertThat(defaultOf("specora.enforcement.completion.shutdown-timeout")).isEqualTo("10s");
	}

	@Test
	void platformPropertiesAreDescribed() {
		for (String name : new String[] { "specora.vendor-id", "specora.tenant-id", "specora.workflow-id",
				"specora.strict-mode" }) {
			assertThat(descriptionOf(name)).as(name).isNotBlank();
		}
		assertThat(descriptionOf("specora.workflow-id")).contains("SPECORA_WORKFLOW_ID");
		assertThat(descriptionOf("specora.strict-mode")).contains("preAuthorize");
		assertThat(defaultOf("specora.strict-mode")).isEqualTo("false");
	}

	@Test
	void enumeratedValuesHaveDescribedHints() {
		assertThat(hintValues("specora.fail-mode")).containsExactly("closed", "open");
		assertThat(hintValues("specora.enforcement.completion.mode")).containsExactly("async", "sync");
	}

	@Test
	void observabilityPropertiesAreDescribedWithTheirDefault() {
		assertThat(defaultOf("specora.metrics.enabled")).isEqualTo("true");
		assertThat(defaultOf("management.health.specora.enabled")).isEqualTo("true");
		assertThat(descriptionOf("specora.metrics.enabled")).isNotBlank();
		assertThat(descriptionOf("management.health.specora.enabled")).isNotBlank();
	}

	private String descriptionOf(String name) {
		for (JsonNode property : this.metadata.path("properties")) {
			if (name.equals(property.path("name").asString())) {
				return property.path("description").asString();
			}
		}
		throw new AssertionError("No property " + name);
	}

	private String defaultOf(String name) {
		for (JsonNode property : this.metadata.path("properties")) {
			if (name.equals(property.path("name").asString())) {
				return property.path("defaultValue").isMissingNode() ? null
						: property.path("defaultValue").asString();
			}
		}
		throw new AssertionError("No property " + name);
	}

	private List<String> hintValues(String name) {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : this.metadata.path("hints")) {
			if (name.equals(hint.path("name").asString())) {
				for (JsonNode value : hint.path("values")) {
					assertThat(value.path("description").asString()).isNotBlank();
					values.add(value.path("value").asString());
				}
			}
		}
		return values;
	}

	private static JsonNode read() {
		try {
			Enumeration<URL> resources = SpecoraConfigurationMetadataTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			JsonMapper mapper = JsonMapper.builder().build();
			while (resources.hasMoreElements()) {
				try (InputStream in = resources.nextElement().openStream()) {
					JsonNode metadata = mapper.readTree(in);
					for (JsonNode group : metadata.path("groups")) {
						if ("specora".equals(group.path("name").asString())) {
							return metadata;
						}
					}
				}
			}
			throw new AssertionError("No configuration metadata for the specora group");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
