package ai.specora.client;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Utf8}: the same verdict as the JDK's strict UTF-8 decoder.
 */
class Utf8Test {

	@Test
	void acceptsEveryCharacterOfTheEncodedPlanes() {
		String text = "plain ASCII, é ü, € ₹, 中文, emoji 😀 and U+10FFFF \uDBFF\uDFFF";
		assertThat(Utf8.isWellFormed(text.getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(Utf8.isWellFormed(new byte[0])).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ff", "80", "c0af", "c1bf", "e080af", "eda080", "f08080af", "f4908080", "f5808080",
			"c3", "e282", "f09f98", "c328", "e228a1", "f0288cbc", "fe", "6a6f75726e616cff6964" })
	void refusesMalformedSequences(String hex) {
		byte[] bytes = hex(hex);
		assertThat(jdkAccepts(bytes)).isFalse();
		assertThat(Utf8.isWellFormed(bytes)).isFalse();
	}

	@Test
	void agreesWithTheJdkDecoderOnRandomBytes() {
		SplittableRandom random = new SplittableRandom(20261201L);
		int disagreements = 0;
		int accepted = 0;
		for (int n = 0; n < 200_000; n++) {
			byte[] bytes = new byte[1 + random.nextInt(6)];
			for (int i = 0; i < bytes.length; i++) {
				// mostly bytes of multi-byte sequences, where the rules are
				bytes[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(0x100));
			}
			boolean jdk = jdkAccepts(bytes);
			accepted += jdk ? 1 : 0;
			disagreements += (jdk != Utf8.isWellFormed(bytes)) ? 1 : 0;
		}
		assertThat(disagreements).isZero();
		assertThat(accepted).as("well-formed inputs among the random ones").isGreaterThan(1_000);
	}

	private static boolean jdkAccepts(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static byte[] hex(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
		}
		return bytes;
	}

}
