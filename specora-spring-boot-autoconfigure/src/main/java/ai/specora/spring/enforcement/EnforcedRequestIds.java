package ai.specora.spring.enforcement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Turns the value of an {@code @Enforced(requestId = ...)} expression into the
 * protocol's request id, a UUID:
 * <ul>
 * <li>a {@link UUID}, or a string in the canonical UUID form, is used as is;</li>
 * <li>any other non-blank string, an integer or a {@code BigDecimal} (trailing zeros
 * stripped) becomes a name-based
 * (version 3) UUID of {@code specora:<length of the action type>:<action type>:<value>},
 * so that the same business operation always gets the same id and two action types
 * never share one;</li>
 * <li>{@code null}, a blank string or a value of any other type is refused: a random id
 * would silently defeat the retry, and an arbitrary object's {@code toString()} need
 * not be stable.</li>
 * </ul>
 */
final class EnforcedRequestIds {

	private EnforcedRequestIds() {
	}

	/**
	 * The request id of one call.
	 * @param actionType the method's action type
	 * @param value what the expression gave
	 * @return the request id
	 * @throws IllegalArgumentException when the value cannot be an id, with a message
	 * that completes "@Enforced requestId of {method} ..." and never shows the value
	 */
	static UUID of(String actionType, Object value) {
		if (value instanceof UUID uuid) {
			return uuid;
		}
		String text = text(value);
		UUID uuid = asUuid(text);
		if (uuid != null) {
			return uuid;
		}
		String name = "specora:" + actionType.length() + ":" + actionType + ":" + text;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(Object value) {
		if (value == null) {
			throw new IllegalArgumentException("evaluated to null: a retry could not find its journal entry");
		}
		if (value instanceof CharSequence sequence) {
			String text = sequence.toString().trim();
			if (text.isEmpty()) {
				throw new IllegalArgumentException("evaluated to a blank string: a retry could not find its journal entry");
			}
			return text;
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			return value.toString();
		}
		throw new IllegalArgumentException("must evaluate to a UUID, a string, an integer or a BigDecimal, but gave a "
				+ value.getClass().getName());
	}

	private static UUID asUuid(String text) {
		if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
				|| text.charAt(23) != '-') {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
