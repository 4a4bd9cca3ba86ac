package ai.specora.langchain4j.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a tool's arguments JSON into the args of its enforcement: the fields of a JSON
 * object, else the raw text as one {@code input} arg. Used only for tools configured
 * with {@code include-args}.
 */
final class ToolInputArgs {

	static final String INPUT_ARG = "input";

	private static final Logger logger = LoggerFactory.getLogger(ToolInputArgs.class);

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	Map<String, Object> of(String input) {
		if (input == null || input.isBlank()) {
			return Map.of();
		}
		try {
			JsonNode node = this.jsonMapper.readTree(input);
			if (node.isObject()) {
				Map<String, Object> args = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> field : node.properties()) {
					args.put(field.getKey(), this.jsonMapper.treeToValue(field.getValue(), Object.class));
				}
				return args;
			}
		}
		catch (JacksonException ex) {
			logger.debug("Tool arguments are no JSON object; sent as one '{}' arg", INPUT_ARG);
		}
		return Map.of(INPUT_ARG, input);
	}

}
