package ai.specora.client;

import java.util.Locale;

/**
 * Helpers for enums whose JSON form is their lowercase name, matched exactly.
 */
final class WireValue {

	private WireValue() {
	}

	static String of(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The constant whose wire name is exactly {@code value}: {@code ALLOW} or
	 * {@code Allow} is not {@code allow}.
	 * @param constants the enum's constants, kept by the caller (each
	 * {@code values()} call copies them)
	 * @throws IllegalArgumentException when the value is missing or no constant has
	 * that wire name
	 */
	static <E extends Enum<E>> E parse(E[] constants, String value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("missing '" + field + "'");
		}
		for (E constant : constants) {
			if (isWireName(constant.name(), value)) {
				return constant;
			}
		}
		throw new IllegalArgumentException("unknown " + field + " '" + value + "'");
	}

	/**
	 * Whether {@code value} is the lowercase form of the constant {@code name}, without
	 * building that form.
	 */
	static boolean isWireName(String name, String value) {
		if (name.length() != value.length()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (value.charAt(i) != Character.toLowerCase(name.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
