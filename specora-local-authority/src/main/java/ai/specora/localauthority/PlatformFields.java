package ai.specora.localauthority;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads the typed fields of Platform API request bodies: providers, counts, ids of
 * nested objects reported under their full path, and bounded arrays. A missing or
 * invalid field is a 422 {@code validation_error} naming it in
 * {@code error.details.field}.
 */
final class PlatformFields {

	static final int MAX_ITEMS = 1000;

	private PlatformFields() {
	}

	/** The {@code provider} field, one of the providers the protocol knows. */
	static String provider(JsonNode body) {
		String provider = Requests.requiredId(body, "provider");
		if (!PlatformVocabulary.PROVIDERS.contains(provider)) {
			throw LocalAuthorityException.validation("provider",
					"provider must be one of " + PlatformVocabulary.SORTED_PROVIDERS);
		}
		return provider;
	}

	/** A required non-negative whole number. */
	static long requiredCount(JsonNode body, String field) {
		Long value = Requests.optionalCount(body, field);
		if (value == null) {
			throw LocalAuthorityException.validation(field, field + " is required");
		}
		return value;
	}

	/** An id field of a nested object, reported under its full path. */
	static String optionalId(JsonNode node, String key, String field) {
		try {
			return Requests.optionalId(node, key);
		}
		catch (LocalAuthorityException ex) {
			throw LocalAuthorityException.validation(field, ex.getMessage().replaceFirst("^" + key, field));
		}
	}

	/** The items of an array field of at most {@value #MAX_ITEMS} items. */
	static List<JsonNode> array(JsonNode body, String field, boolean required) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			if (required) {
				throw LocalAuthorityException.validation(field, field + " is required");
			}
			return List.of();
		}
		if (!node.isArray()) {
			throw LocalAuthorityException.validation(field, field + " must be an array");
		}
		if (node.size() > MAX_ITEMS) {
			throw LocalAuthorityException.validation(field, field + " must have at most " + MAX_ITEMS + " items");
		}
		List<JsonNode> items = new ArrayList<>();
		node.forEach(items::add);
		return items;
	}

	/** An array field of non-blank strings. */
	static List<String> strings(JsonNode body, String field, boolean required) {
		List<JsonNode> items = array(body, field, required);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			if (!item.isString() || item.stringValue().isBlank()) {
				throw LocalAuthorityException.validation(field + "[" + i + "]",
						field + "[" + i + "] must be a non-blank string");
			}
			values.add(item.stringValue());
		}
		return List.copyOf(values);
	}

}
