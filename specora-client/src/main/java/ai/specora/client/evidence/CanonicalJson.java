package ai.specora.client.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON of Specora's public evidence format: the exact bytes every hash
 * and signature of a bundle is computed over. Applications use it to hash and sign
 * their own artifacts the way a verifier will check them.
 * <p>
 * The rules, all of the spec's:
 * <ul>
 * <li>UTF-8 (in fact ASCII, see below), no whitespace between tokens, no trailing
 * newline;</li>
 * <li>object keys sorted at every level by Unicode code point (not by UTF-16 unit, which
 * orders keys outside the Basic Multilingual Plane differently from
 * {@link String#compareTo});</li>
 * <li>in strings, every character outside 0x20–0x7E escaped as {@code \}{@code uXXXX}
 * with lowercase hex, a character outside the BMP as its surrogate pair, DEL as
 * {@code \}{@code u007f}; the short escapes {@code \" \\ \n \r \t \b \f}; {@code /} not
 * escaped;</li>
 * <li>integers of any size, as written ({@code -0} is {@code 0}); arrays in order;
 * {@code true}, {@code false}, {@code null}.</li>
 * </ul>
 * <p>
 * <strong>Numbers with a fraction or an exponent are refused</strong>
 * ({@link CanonicalJsonException}), as are {@code NaN} and the infinities: the reference
 * renders floats like Python's {@code repr}, which no other platform reproduces byte for
 * byte for every value, and the spec's own advice is to carry decimals as strings. So
 * {@code 1.0}, {@code 1e3}, a {@link Double} or a {@link BigDecimal} with a scale other
 * than 0 have no canonical form here.
 * <p>
 * The Java values accepted by {@link #toBytes(Object)}: {@link Map} with {@link String}
 * keys, {@link List} and {@code Object[]}, {@link String}, {@link Boolean}, {@code null},
 * {@link Byte}, {@link Short}, {@link Integer}, {@link Long}, {@link BigInteger} and
 * {@link BigDecimal} of scale 0. Stateless and thread-safe.
 */
public final class CanonicalJson {

	private static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareByCodePoint;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final JsonMapper PARSER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private CanonicalJson() {
	}

	/**
	 * Parses a JSON text and writes its canonical form. The text is never hashed as it
	 * lies: whitespace, key order and escapes of the input do not matter.
	 * @param json the JSON text, UTF-8
	 * @return the canonical bytes
	 * @throws CanonicalJsonException when the text is not one JSON value, has a
	 * duplicate key, or holds a number canonical JSON cannot express
	 */
	public static byte[] canonicalize(byte[] json) {
		return toBytes(parse(json));
	}

	/**
	 * Parses a JSON text into plain Java values: {@link LinkedHashMap} for objects (in
	 * the order of the text), {@link ArrayList} for arrays, {@link String},
	 * {@link BigInteger}, {@link Boolean} and {@code null}. The result can be changed
	 * (e.g. a {@code signing} block removed) and given back to {@link #toBytes(Object)}.
	 * @param json the JSON text, UTF-8
	 * @return the value
	 * @throws CanonicalJsonException when the text is not one JSON value, has a
	 * duplicate key, or holds a number with a fraction or exponent
	 */
	public static Object parse(byte[] json) {
		Object value = parseAnyNumbers(json);
		requireExpressible(value, "$");
		return value;
	}

	/**
	 * The canonical bytes of a value.
	 * @param value a tree of the Java values listed in the class description
	 * @return the canonical bytes (ASCII, so also UTF-8)
	 * @throws CanonicalJsonException when the tree holds a value canonical JSON cannot
	 * express; the message names where
	 */
	public static byte[] toBytes(Object value) {
		return toJson(value).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The canonical text of a value.
	 * @param value a tree of the Java values listed in the class description
	 * @return the canonical JSON text
	 * @throws CanonicalJsonException when the tree holds a value canonical JSON cannot
	 * express; the message names where
	 */
	public static String toJson(Object value) {
		StringBuilder out = new StringBuilder(256);
		write(value, out, "$");
		return out.toString();
	}

	/**
	 * The hash of a value as the spec defines it: the lowercase hex SHA-256 of its
	 * canonical bytes, 64 characters, no prefix.
	 * @param value a tree of the Java values listed in the class description
	 * @return the 64 hex characters
	 * @throws CanonicalJsonException when the tree holds a value canonical JSON cannot
	 * express
	 */
	public static String sha256Hex(Object value) {
		return sha256Hex(toBytes(value));
	}

	/**
	 * The lowercase hex SHA-256 of bytes as they are (an artifact's content).
	 * @param bytes the bytes
	 * @return the 64 hex characters
	 */
	public static String sha256Hex(byte[] bytes) {
		Objects.requireNonNull(bytes, "bytes must not be null");
		return HexFormat.of().formatHex(sha256(bytes));
	}

	/**
	 * Compares two strings by Unicode code point, the order of canonical JSON's keys. It
	 * differs from {@link String#compareTo} only for characters outside the BMP, which
	 * UTF-16 puts before U+E000–U+FFFF.
	 * @param a a string
	 * @param b another string
	 * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
	 */
	public static int compareByCodePoint(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int ca = a.codePointAt(i);
			int cb = b.codePointAt(j);
			if (ca != cb) {
				return Integer.compare(ca, cb);
			}
			i += Character.charCount(ca);
			j += Character.charCount(cb);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Parses like {@link #parse} but keeps numbers with a fraction or exponent (as
	 * {@link Double}), for reading documents whose canonical form may never be needed;
	 * {@link #toBytes} still refuses them.
	 */
	static Object parseAnyNumbers(byte[] json) {
		Objects.requireNonNull(json, "json must not be null");
		JsonNode node;
		try {
			node = PARSER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new CanonicalJsonException("not a JSON text: " + ex.getOriginalMessage(), ex);
		}
		if (node == null || node.isMissingNode()) {
			throw new CanonicalJsonException("not a JSON text: no value");
		}
		return fromNode(node);
	}

	private static Object fromNode(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				map.put(field.getKey(), fromNode(field.getValue()));
			}
			return map;
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(fromNode(element));
			}
			return list;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNull()) {
			return null;
		}
		throw new CanonicalJsonException("unexpected JSON value " + node.getNodeType());
	}

	private static void requireExpressible(Object value, String path) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> requireExpressible(element, path + "." + key));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				requireExpressible(list.get(i), path + "[" + i + "]");
			}
		}
		else if (value instanceof Double number) {
			throw notExpressible(number, path);
		}
	}

	private static void write(Object value, StringBuilder out, String path) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			writeString(text, out);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool.booleanValue());
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte || value instanceof BigInteger) {
			out.append(value);
		}
		else if (value instanceof BigDecimal decimal) {
			if (decimal.scale() != 0) {
				throw notExpressible(decimal, path);
			}
			out.append(decimal.toBigIntegerExact());
		}
		else if (value instanceof Number number) {
			throw notExpressible(number, path);
		}
		else if (value instanceof Map<?, ?> map) {
			writeObject(map, out, path);
		}
		else if (value instanceof List<?> list) {
			writeArray(list, out, path);
		}
		else if (value instanceof Object[] array) {
			writeArray(Arrays.asList(array), out, path);
		}
		else {
			throw new CanonicalJsonException("canonical JSON has no form for a " + value.getClass().getName()
					+ " at " + path + ": use a Map, List, String, Boolean, integer or null");
		}
	}

	private static void writeObject(Map<?, ?> map, StringBuilder out, String path) {
		List<String> keys = new ArrayList<>(map.size());
		for (Object key : map.keySet()) {
			if (!(key instanceof String text)) {
				throw new CanonicalJsonException("object keys must be strings, found "
						+ ((key != null) ? key.getClass().getName() : "null") + " at " + path);
			}
			keys.add(text);
		}
		keys.sort(CODE_POINT_ORDER);
		out.append('{');
		for (int i = 0; i < keys.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			String key = keys.get(i);
			writeString(key, out);
			out.append(':');
			write(map.get(key), out, path + "." + key);
		}
		out.append('}');
	}

	private static void writeArray(List<?> list, StringBuilder out, String path) {
		out.append('[');
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			write(list.get(i), out, path + "[" + i + "]");
		}
		out.append(']');
	}

	private static void writeString(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c >= 0x20 && c <= 0x7e) {
						out.append(c);
					}
					else {
						// a character outside the BMP is two UTF-16 units: its surrogate pair
						out.append("\\u")
							.append(HEX[(c >> 12) & 0xf])
							.append(HEX[(c >> 8) & 0xf])
							.append(HEX[(c >> 4) & 0xf])
							.append(HEX[c & 0xf]);
					}
				}
			}
		}
		out.append('"');
	}

	private static CanonicalJsonException notExpressible(Number number, String path) {
		return new CanonicalJsonException("canonical JSON refuses the number " + number + " at " + path
				+ ": only integers have one exact form (floats, NaN and infinities are refused; carry decimals "
				+ "as strings)");
	}

}
