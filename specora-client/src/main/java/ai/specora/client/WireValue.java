package ai.specora.client;

import java.util.Locale;

/**
 * Helpers for enums whose JSON form is their lowercase name.
 */
final class WireValue {

	private WireValue() {
	}

	static String of(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("missing '" + field + "'");
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown " + field + " '" + value + "'", ex);
		}
	}

}
