package ai.specora.spring.ai.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import ai.specora.spring.ai.chat.SpecoraChatAdvisor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata of {@code specora.ai.*} that IDEs read: every property is
 * described, defaults are shown, enumerated values have hints.
 */
class SpecoraAiConfigurationMetadataTests {

	private final JsonNode metadata = read();

	@Test
	void everyPropertyHasADescription() {
		List<String> names = new ArrayList<>();
		for (JsonNode property : this.metadata.path("properties")) {
			names.add(property.path("name").asString());
			assertThat(property.path("description").asString()).as(property.path("name").asString()).isNotBlank();
		}
		assertThat(names).contains("specora.ai.enabled", "specora.ai.tool-calls.on-block",
				"specora.ai.tool-calls.on-suspend", "specora.ai.tool-calls.approval-timeout",
				"specora.ai.tool-calls.fail-mode", "specora.ai.tools", "specora.ai.observations.include-tool-name",
				"specora.ai.chat.enabled", "specora.ai.chat.provider", "specora.ai.chat.model",
				"specora.ai.chat.order", "specora.ai.chat.providers", "specora.ai.chat.pricing");
	}

	@Test
	void propertiesWithADefaultShowIt() {
		assertThat(defaultOf("specora.ai.enabled")).isEqualTo("true");
		assertThat(defaultOf("specora.ai.tool-calls.on-block")).isEqualTo("result");
		assertThat(defaultOf("specora.ai.tool-calls.on-suspend")).isEqualTo("throw");
		assertThat(defaultOf("specora.ai.tool-calls.approval-timeout")).isEqualTo("5m");
		assertThat(defaultOf("specora.ai.tool-calls.fail-mode")).isEqualTo("inherit");
		assertThat(defaultOf("specora.ai.observations.include-tool-name")).isEqualTo("false");
		assertThat(defaultOf("specora.ai.chat.enabled")).isEqualTo("true");
		assertThat(defaultOf("specora.ai.chat.order")).isEqualTo(String.valueOf(SpecoraChatAdvisor.DEFAULT_ORDER));
	}

	@Test
	void enumeratedValuesHaveDescribedHints() {
		assertThat(hintValues("specora.ai.tool-calls.on-block")).containsExactly("result", "throw");
		assertThat(hintValues("specora.ai.tool-calls.on-suspend")).containsExactly("throw", "wait");
		assertThat(hintValues("specora.ai.tool-calls.fail-mode")).containsExactly("inherit", "closed", "open");
		assertThat(hintValues("specora.ai.chat.provider")).contains("openai", "anthropic", "ollama");
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
			Enumeration<URL> resources = SpecoraAiConfigurationMetadataTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			JsonMapper mapper = JsonMapper.builder().build();
			while (resources.hasMoreElements()) {
				try (InputStream in = resources.nextElement().openStream()) {
					JsonNode metadata = mapper.readTree(in);
					for (JsonNode group : metadata.path("groups")) {
						if ("specora.ai".equals(group.path("name").asString())) {
							return metadata;
						}
					}
				}
			}
			throw new AssertionError("No configuration metadata for the specora.ai group");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
