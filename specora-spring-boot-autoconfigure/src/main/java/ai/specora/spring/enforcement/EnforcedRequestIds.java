package ai.specora.spring.enforcement;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * One instance per method, made at start-up; thread-safe (each call digests with its
 * own copy of the prepared digest).
 */
final class EnforcedRequestIds {

	private final byte[] prefix;

	private final MessageDigest md5;

	/**
	 * Prepares the ids of one method, once: the name prefix and the digest.
	 * @param actionType the method's action type
	 */
	EnforcedRequestIds(String actionType) {
		this.prefix = ("specora:" + actionType.length() + ":" + actionType + ":").getBytes(StandardCharsets.UTF_8);
		try {
			this.md5 = MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required of every Java platform", ex);
		}
	}

	/**
	 * The request id of one call.
	 * @param value what the expression gave
	 * @return the request id
	 * @throws IllegalArgumentException when the value cannot be an id, with a message
	 * that completes "@Enforced requestId of {method} ..." and never shows the value
	 */
	UUID of(Object value) {
		if (value instanceof UUID uuid) {
			return uuid;
		}
		String text = text(value);
		UUID uuid = asUuid(text);
		return (uuid != null) ? uuid : nameBased(text);
	}

	/** The version 3 UUID of the prefix and the text, as {@link UUID#nameUUIDFromBytes}. */
	private UUID nameBased(String text) {
		MessageDigest digest = digest();
		digest.update(this.prefix);
		byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		long most = 0;
		long least = 0;
		for (int i = 0; i < 8; i++) {
			most = (most << 8) | (hash[i] & 0xff);
			least = (least << 8) | (hash[i + 8] & 0xff);
		}
		return new UUID(most, least);
	}

	private MessageDigest digest() {
		try {
			return (MessageDigest) this.md5.clone();
		}
		catch (CloneNotSupportedException ex) {
			try {
				return MessageDigest.getInstance("MD5");
			}
			catch (NoSuchAlgorithmException unavailable) {
				throw new IllegalStateException("MD5 is required of every Java platform", unavailable);
			}
		}
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
