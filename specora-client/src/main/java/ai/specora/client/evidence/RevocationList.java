package ai.specora.client.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An offline key revocation list in the public format:
 * <pre>
 * {"version": 1, "generated_at": "2026-03-01T00:00:00Z", "authority": "...",
 *  "keys": [{"derived_key_id": "spk-…", "fingerprint_sha256": "&lt;64 hex&gt;",
 *            "status": "active|retired|revoked", "status_reason": "rotation|compromise|deprecation",
 *            "effective_at": "…Z"}]}
 * </pre>
 * {@link #parse(byte[])} checks the list as the format requires: every field present
 * and well-formed, and each {@code derived_key_id} agreeing with its fingerprint.
 *
 * @param version the list's version, 1 or more
 * @param generatedAt when the list was made, {@code YYYY-MM-DDTHH:MM:SSZ}
 * @param authority who made it
 * @param keys the keys it knows
 */
public record RevocationList(int version, String generatedAt, String authority, List<Entry> keys) {

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

	private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

	private static final Pattern KEY_ID = Pattern.compile("spk-[0-9a-f]{16}");

	/**
	 * Checks the list's fields.
	 * @param version the version, 1 or more
	 * @param generatedAt the time, {@code YYYY-MM-DDTHH:MM:SSZ}
	 * @param authority the non-blank authority
	 * @param keys the entries
	 */
	public RevocationList {
		if (version < 1) {
			throw new IllegalArgumentException("revocation list: version must be 1 or more, not " + version);
		}
		if (generatedAt == null || !TIMESTAMP.matcher(generatedAt).matches()) {
			throw new IllegalArgumentException(
					"revocation list: generated_at must be YYYY-MM-DDTHH:MM:SSZ, not " + generatedAt);
		}
		if (authority == null || authority.isBlank()) {
			throw new IllegalArgumentException("revocation list: authority must not be blank");
		}
		keys = List.copyOf(Objects.requireNonNull(keys, "keys must not be null"));
	}

	/**
	 * Parses and checks a list.
	 * @param json the list's JSON text
	 * @return the list
	 * @throws IllegalArgumentException naming the first field that is missing or
	 * malformed, or a key id that does not agree with its fingerprint
	 */
	public static RevocationList parse(byte[] json) {
		Object parsed;
		try {
			parsed = CanonicalJson.parseAnyNumbers(json);
		}
		catch (CanonicalJsonException ex) {
			throw new IllegalArgumentException("revocation list: " + ex.getMessage(), ex);
		}
		if (!(parsed instanceof Map<?, ?> list)) {
			throw new IllegalArgumentException("revocation list: not a JSON object");
		}
		for (String field : List.of("version", "generated_at", "authority", "keys")) {
			if (!list.containsKey(field)) {
				throw new IllegalArgumentException("revocation list: missing required field " + field);
			}
		}
		if (!(list.get("version") instanceof BigInteger version) || version.bitLength() > 31) {
			throw new IllegalArgumentException("revocation list: version must be an integer");
		}
		if (!(list.get("keys") instanceof List<?> keys)) {
			throw new IllegalArgumentException("revocation list: keys must be an array");
		}
		List<Entry> entries = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			if (!(keys.get(i) instanceof Map<?, ?> key)) {
				throw new IllegalArgumentException("revocation list: keys[" + i + "] must be an object");
			}
			try {
				entries.add(new Entry(string(key, "derived_key_id", true), string(key, "fingerprint_sha256", true),
						KeyStatus.fromWireName(string(key, "status", true)), string(key, "status_reason", false),
						string(key, "effective_at", false)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("revocation list: keys[" + i + "]: " + ex.getMessage(), ex);
			}
		}
		return new RevocationList(version.intValue(), string(list, "generated_at", true),
				string(list, "authority", true), entries);
	}

	/**
	 * The entry of a key, found by its key id or its fingerprint.
	 * @param key the key
	 * @return the entry, or empty when the list does not know the key
	 */
	public Optional<Entry> lookup(EvidencePublicKey key) {
		Objects.requireNonNull(key, "key must not be null");
		return this.keys.stream()
			.filter((entry) -> entry.derivedKeyId().equals(key.keyId())
					|| entry.fingerprintSha256().equals(key.fingerprint()))
			.findFirst();
	}

	/**
	 * The entry of a key id.
	 * @param keyId the key id, {@code spk-<16 hex>}
	 * @return the entry, or empty when the list does not know the key id
	 */
	public Optional<Entry> lookup(String keyId) {
		Objects.requireNonNull(keyId, "keyId must not be null");
		return this.keys.stream().filter((entry) -> entry.derivedKeyId().equals(keyId)).findFirst();
	}

	private static String string(Map<?, ?> map, String field, boolean required) {
		Object value = map.get(field);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException("missing required field " + field);
			}
			return null;
		}
		if (!(value instanceof String text)) {
			throw new IllegalArgumentException(field + " must be a string");
		}
		return text;
	}

	/**
	 * A key the list knows.
	 *
	 * @param derivedKeyId the key id, {@code spk-} and the first 16 hex characters of the
	 * fingerprint
	 * @param fingerprintSha256 the key's fingerprint, 64 lowercase hex characters
	 * @param status the key's status
	 * @param statusReason why, e.g. {@code rotation}, {@code compromise},
	 * {@code deprecation}; may be {@code null}
	 * @param effectiveAt since when, {@code YYYY-MM-DDTHH:MM:SSZ}; may be {@code null}
	 */
	public record Entry(String derivedKeyId, String fingerprintSha256, KeyStatus status, String statusReason,
			String effectiveAt) {

		/**
		 * Checks the entry: well-formed ids that agree with each other.
		 * @param derivedKeyId the key id
		 * @param fingerprintSha256 the fingerprint
		 * @param status the status
		 * @param statusReason the reason, or {@code null}
		 * @param effectiveAt the time, or {@code null}
		 */
		public Entry {
			if (fingerprintSha256 == null || !HEX64.matcher(fingerprintSha256).matches()) {
				throw new IllegalArgumentException("fingerprint_sha256 must be 64 lowercase hex characters");
			}
			if (derivedKeyId == null || !KEY_ID.matcher(derivedKeyId).matches()) {
				throw new IllegalArgumentException(
						"derived_key_id must be spk-<16 lowercase hex characters>, not " + derivedKeyId);
			}
			String expected = EvidencePublicKey.keyIdOf(fingerprintSha256);
			if (!expected.equals(derivedKeyId)) {
				throw new IllegalArgumentException(
						"derived_key_id " + derivedKeyId + " does not agree with its fingerprint (" + expected + ")");
			}
			Objects.requireNonNull(status, "status must not be null");
			if (effectiveAt != null && !TIMESTAMP.matcher(effectiveAt).matches()) {
				throw new IllegalArgumentException("effective_at must be YYYY-MM-DDTHH:MM:SSZ, not " + effectiveAt);
			}
		}

	}

}
