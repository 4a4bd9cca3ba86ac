package ai.specora.langchain4j.autoconfigure;

import java.io.InputStream;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata of {@code specora.langchain4j.*} is generated with descriptions and
 * defaults.
 */
class SpecoraLangChain4jConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedAndTheToolDefaultsHaveTheirDefaults() throws Exception {
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			Object json = JsonPath.parse(metadata).json();
			List<String> names = JsonPath.read(json, "$.properties[*].name");
			assertThat(names).contains("specora.langchain4j.enabled", "specora.langchain4j.tools",
					"specora.langchain4j.tool-calls.on-block", "specora.langchain4j.tool-calls.on-suspend",
					"specora.langchain4j.tool-calls.approval-timeout", "specora.langchain4j.tool-calls.fail-mode",
					"specora.langchain4j.chat.enabled", "specora.langchain4j.chat.provider",
					"specora.langchain4j.chat.pricing");
			List<String> undescribed = JsonPath.read(json, "$.properties[?(!@.description)].name");
			assertThat(undescribed).isEmpty();
			List<Object> onBlock = JsonPath.read(json,
					"$.properties[?(@.name == 'specora.langchain4j.tool-calls.on-block')].defaultValue");
			assertThat(onBlock).containsExactly("result");
		}
	}

}
