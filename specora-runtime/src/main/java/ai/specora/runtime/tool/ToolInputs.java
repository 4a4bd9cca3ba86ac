package ai.specora.runtime.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a tool call's input JSON (Spring AI's tool input, LangChain4j's tool arguments)
 * into the args of its enforcement: the fields of a JSON object, else the raw text as one
 * {@value #INPUT_ARG} arg. The tool adapters use it only for tools configured with
 * {@code include-args}. Thread-safe.
 */
public final class ToolInputs {

	/** The name of the one arg that carries an input that is not a JSON object. */
	public static final String INPUT_ARG = "input";

	private static final Logger logger = LoggerFactory.getLogger(ToolInputs.class);

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private ToolInputs() {
	}

	/**
	 * The enforcement args of a tool call's input.
	 * @param input the input JSON, may be {@code null}
	 * @return the fields of a JSON object in their order, an empty map for a
	 * {@code null} or blank input, else the raw input as the one {@value #INPUT_ARG} arg
	 */
	public static Map<String, Object> args(String input) {
		if (input == null || input.isBlank()) {
			return Map.of();
		}
		try {
			JsonNode node = jsonMapper.readTree(input);
			if (node.isObject()) {
				Map<String, Object> args = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> field : node.properties()) {
					args.put(field.getKey(), jsonMapper.treeToValue(field.getValue(), Object.class));
				}
				return args;
			}
		}
		catch (JacksonException ex) {
			logger.debug("Tool input is no JSON object; sent as one '{}' arg", INPUT_ARG);
		}
		return Map.of(INPUT_ARG, input);
	}

}
