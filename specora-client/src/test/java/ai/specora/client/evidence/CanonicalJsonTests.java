package ai.specora.client.evidence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CanonicalJson}: byte-identical with the spec's golden vectors, and the
 * spec's rules on our own cases.
 */
class CanonicalJsonTests {

	@ParameterizedTest
	@ValueSource(strings = { "manifest/attestation-manifest-1.0.0", "manifest/proof-manifest-1.0.0",
			"anchor/anchor-payload-1.0.0", "signature/signed-artifact-001/artifact" })
	void goldenVectorsAreByteAndHashIdentical(String vector) {
		byte[] canonical = CanonicalJson.canonicalize(Vectors.bytes(vector + ".json"));
		assertThat(canonical).isEqualTo(Vectors.bytes(vector + ".canonical.json"));
		assertThat(CanonicalJson.sha256Hex(canonical)).isEqualTo(Vectors.text(vector + ".sha256.txt"));
		assertThat(CanonicalJson.sha256Hex(CanonicalJson.parse(Vectors.bytes(vector + ".json"))))
			.isEqualTo(Vectors.text(vector + ".sha256.txt"));
	}

	@Test
	void agreesWithTheReferenceOnGeneratedValues() throws Exception {
		List<String> values = lines("cross-check/values.jsonl");
		List<String> canonical = lines("cross-check/canonical.jsonl");
		assertThat(values).hasSize(300).hasSameSizeAs(canonical);
		for (int i = 0; i < values.size(); i++) {
			assertThat(new String(CanonicalJson.canonicalize(values.get(i).getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.US_ASCII))
				.as("line %d", i + 1)
				.isEqualTo(canonical.get(i));
		}
	}

	@Test
	void canonicalFormIsAFixedPoint() {
		byte[] once = CanonicalJson.canonicalize(Vectors.bytes("anchor/anchor-payload-1.0.0.json"));
		assertThat(CanonicalJson.canonicalize(once)).isEqualTo(once);
	}

	private static List<String> lines(String resource) throws Exception {
		try (var in = CanonicalJsonTests.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

	@Test
	void nonAsciiTextIsEscapedWithLowercaseHexAndSurrogatePairs() {
		assertThat(CanonicalJson.toJson("café € 中 😀")).isEqualTo("\"caf\\u00e9 \\u20ac \\u4e2d \\ud83d\\ude00\"");
		assertThat(CanonicalJson.toJson("\u00ff\u0100\uffff")).isEqualTo("\"\\u00ff\\u0100\\uffff\"");
		assertThat(CanonicalJson.canonicalize("{\"k\":\"\\u00E9\"}".getBytes(StandardCharsets.UTF_8)))
			.asString(StandardCharsets.US_ASCII)
			.isEqualTo("{\"k\":\"\\u00e9\"}");
	}

	@Test
	void controlCharactersAndDelAreEscapedSlashIsNot() {
		assertThat(CanonicalJson.toJson("\"\\\n\r\t\b\f")).isEqualTo("\"\\\"\\\\\\n\\r\\t\\b\\f\"");
		assertThat(CanonicalJson.toJson("\u0000\u0001\u001f\u007f")).isEqualTo("\"\\u0000\\u0001\\u001f\\u007f\"");
		assertThat(CanonicalJson.toJson("a/b ~")).isEqualTo("\"a/b ~\"");
	}

	@Test
	void keysAreOrderedByCodePointNotByUtf16Unit() {
		String astral = "\uD83D\uDE00"; // U+1F600
		String privateUse = "\uE000"; // U+E000 sorts before U+1F600, after it in UTF-16
		assertThat(astral.compareTo(privateUse)).isNegative();
		assertThat(CanonicalJson.compareByCodePoint(astral, privateUse)).isPositive();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(astral, 1);
		map.put(privateUse, 2);
		map.put("b", 3);
		map.put("a", 4);
		map.put("", 5);
		map.put("ab", 6);
		assertThat(CanonicalJson.toJson(map))
			.isEqualTo("{\"\":5,\"a\":4,\"ab\":6,\"b\":3,\"\\ue000\":2,\"\\ud83d\\ude00\":1}");
	}

	@Test
	void nestedValuesAreSortedAtEveryLevelAndArraysKeepTheirOrder() {
		byte[] json = """
				{ "z": [3, 1, {"y": true, "x": null}], "a": {"d": false, "c": "s"} }
				""".getBytes(StandardCharsets.UTF_8);
		assertThat(new String(CanonicalJson.canonicalize(json), StandardCharsets.US_ASCII))
			.isEqualTo("{\"a\":{\"c\":\"s\",\"d\":false},\"z\":[3,1,{\"x\":null,\"y\":true}]}");
		assertThat(CanonicalJson.toJson(new Object[] { 1, "two", List.of() })).isEqualTo("[1,\"two\",[]]");
		assertThat(CanonicalJson.toJson(new TreeMap<>())).isEqualTo("{}");
	}

	@Test
	void integersOfAnySizeAreWrittenAsTheyAre() {
		String big = "123456789012345678901234567890123456789";
		assertThat(new String(CanonicalJson.canonicalize(("[" + big + ",-" + big + ",0,-0,9223372036854775808]")
			.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII))
			.isEqualTo("[" + big + ",-" + big + ",0,0,9223372036854775808]");
		assertThat(CanonicalJson.toJson(Arrays.asList(Long.MIN_VALUE, Integer.MAX_VALUE, (short) -3, (byte) 7,
				new BigInteger(big), new BigDecimal("42"))))
			.isEqualTo("[" + Long.MIN_VALUE + "," + Integer.MAX_VALUE + ",-3,7," + big + ",42]");
	}

	@Test
	void parseGivesPlainJavaValues() {
		Object value = CanonicalJson.parse("{\"a\":[1,\"x\",true,null]}".getBytes(StandardCharsets.UTF_8));
		assertThat(value).isInstanceOf(LinkedHashMap.class);
		List<Object> expected = new ArrayList<>();
		expected.add(BigInteger.ONE);
		expected.add("x");
		expected.add(true);
		expected.add(null);
		assertThat(((Map<?, ?>) value).get("a")).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "1e3", "-0.5", "{\"a\":[2.5]}", "NaN", "Infinity", "-Infinity", "1e400" })
	void numbersWithoutOneExactFormAreRefused(String json) {
		assertThatExceptionOfType(CanonicalJsonException.class)
			.isThrownBy(() -> CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void javaFloatsAreRefusedWithThePathOfTheValue() {
		assertThatExceptionOfType(CanonicalJsonException.class)
			.isThrownBy(() -> CanonicalJson.toBytes(Map.of("cost", List.of(1, 0.5))))
			.withMessageContaining("$.cost[1]")
			.withMessageContaining("strings");
		assertThatExceptionOfType(CanonicalJsonException.class)
			.isThrownBy(() -> CanonicalJson.toBytes(Double.NaN));
		assertThatExceptionOfType(CanonicalJsonException.class).isThrownBy(() -> CanonicalJson.toBytes(1.0f));
		assertThatExceptionOfType(CanonicalJsonException.class)
			.isThrownBy(() -> CanonicalJson.toBytes(new BigDecimal("1.50")));
		assertThatExceptionOfType(CanonicalJsonException.class)
			.isThrownBy(() -> CanonicalJson.toBytes(new BigDecimal("1E+3")));
	}

	@Test
	void otherValuesAreRefused() {
		assertThatExceptionOfType(CanonicalJsonException.class)
			.isThrownBy(() -> CanonicalJson.toBytes(Map.of(1, "a")))
			.withMessageContaining("keys must be strings");
		assertThatExceptionOfType(CanonicalJsonException.class)
			.isThrownBy(() -> CanonicalJson.toBytes(new Object()))
			.withMessageContaining("java.lang.Object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{", "{\"a\":1,\"a\":2}", "{} {}", "[1,]", "'a'" })
	void textsThatAreNotOneJsonValueAreRefused(String json) {
		assertThatExceptionOfType(CanonicalJsonException.class)
			.isThrownBy(() -> CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)));
	}

}
