package ai.specora.client.platform;

/**
 * Parsing of the platform enums from their wire names: exact lowercase strings only.
 */
final class WireEnums {

	private WireEnums() {
	}

	/**
	 * An enum whose JSON form is a fixed lowercase string.
	 */
	interface WireEnum {

		String wireName();

	}

	/**
	 * The constant whose wire name is exactly {@code value}; never an {@code UNKNOWN}
	 * constant.
	 * @throws IllegalArgumentException when the value is missing or unknown
	 */
	static <E extends Enum<E> & WireEnum> E strict(E[] values, String value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("missing '" + field + "'");
		}
		for (E candidate : values) {
			if (!"UNKNOWN".equals(candidate.name()) && candidate.wireName().equals(value)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("unknown " + field + " '" + value + "'");
	}

	/**
	 * The constant whose wire name is exactly {@code value}, or {@code unknown} for a
	 * value this client does not know (forward compatible).
	 * @throws IllegalArgumentException when the value is missing
	 */
	static <E extends Enum<E> & WireEnum> E lenient(E[] values, E unknown, String value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("missing '" + field + "'");
		}
		for (E candidate : values) {
			if (candidate != unknown && candidate.wireName().equals(value)) {
				return candidate;
			}
		}
		return unknown;
	}

	/**
	 * Like {@link #lenient} but {@code null} for a missing value.
	 */
	static <E extends Enum<E> & WireEnum> E lenientOrNull(E[] values, E unknown, String value, String field) {
		return (value != null) ? lenient(values, unknown, value, field) : null;
	}

}
