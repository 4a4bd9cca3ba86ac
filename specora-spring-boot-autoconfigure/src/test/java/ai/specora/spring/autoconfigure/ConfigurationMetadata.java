package ai.specora.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata of the {@code specora} group that IDEs read, as the
 * configuration processor wrote it to {@code META-INF/spring-configuration-metadata.json},
 * with look-ups by property and hint name.
 */
final class ConfigurationMetadata {

	private final JsonNode metadata;

	private ConfigurationMetadata(JsonNode metadata) {
		this.metadata = metadata;
	}

	/**
	 * Reads the metadata file on the class path that declares the {@code specora} group.
	 * @return the metadata
	 */
	static ConfigurationMetadata read() {
		try {
			Enumeration<URL> resources = ConfigurationMetadata.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			JsonMapper mapper = JsonMapper.builder().build();
			while (resources.hasMoreElements()) {
				try (InputStream in = resources.nextElement().openStream()) {
					JsonNode metadata = mapper.readTree(in);
					for (JsonNode group : metadata.path("groups")) {
						if ("specora".equals(group.path("name").asString())) {
							return new ConfigurationMetadata(metadata);
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

	/**
	 * Returns the properties, in the order of the file.
	 * @return the {@code properties} array
	 */
	JsonNode properties() {
		return this.metadata.path("properties");
	}

	/**
	 * Returns the description of a property.
	 * @param name the property name
	 * @return the description, empty if it has none
	 * @throws AssertionError if there is no such property
	 */
	String descriptionOf(String name) {
		return property(name).path("description").asString();
	}

	/**
	 * Returns the default value of a property, as the metadata shows it.
	 * @param name the property name
	 * @return the default, or {@code null} if it shows none
	 * @throws AssertionError if there is no such property
	 */
	String defaultOf(String name) {
		JsonNode defaultValue = property(name).path("defaultValue");
		return defaultValue.isMissingNode() ? null : defaultValue.asString();
	}

	/**
	 * Returns the values of the hints of a property, asserting that each has a
	 * description.
	 * @param name the property name
	 * @return the values, in order, empty if it has no hints
	 */
	List<String> hintValues(String name) {
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

	private JsonNode property(String name) {
		for (JsonNode property : properties()) {
			if (name.equals(property.path("name").asString())) {
				return property;
			}
		}
		throw new AssertionError("No property " + name);
	}

}
