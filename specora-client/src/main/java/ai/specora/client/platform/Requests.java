package ai.specora.client.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argument checks shared by the platform request records: they fail where the request
 * is built, with a message naming the field.
 */
final class Requests {

	private Requests() {
	}

	static String requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " must not be empty");
		}
		return value;
	}

	static long requireNonNegative(long value, String field) {
		if (value < 0) {
			throw new IllegalArgumentException(field + " must not be negative, but was " + value);
		}
		return value;
	}

	static Long requireNonNegative(Long value, String field) {
		return (value != null) ? requireNonNegative(value.longValue(), field) : null;
	}

	static <E extends Enum<E>> E requireKnown(E value, String field) {
		if (value == null) {
			throw new IllegalArgumentException(field + " must not be null");
		}
		if ("UNKNOWN".equals(value.name())) {
			throw new IllegalArgumentException(field + " must be a known value, not UNKNOWN");
		}
		return value;
	}

	static <E extends Enum<E>> E knownOrNull(E value, String field) {
		return (value != null) ? requireKnown(value, field) : null;
	}

	static Map<String, Object> copy(Map<String, Object> map) {
		return (map != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : Map.of();
	}

	static <T> List<T> copy(List<T> list, String field) {
		if (list == null) {
			return List.of();
		}
		for (T item : list) {
			if (item == null) {
				throw new IllegalArgumentException(field + " must not contain null");
			}
		}
		return List.copyOf(list);
	}

}
