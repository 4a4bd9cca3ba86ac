package ai.specora.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WireInstant}: the same instants, and the same refusals, as
 * {@link Instant#parse}.
 */
class WireInstantTest {

	private static final long MIN_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();

	private static final long MAX_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

	private static final String MUTATIONS = "0123456789-:.TtZz+ x";

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-21T22:00:00Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
			"9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00.5Z", "2000-02-29T00:00:00.123Z",
			"1969-12-31T23:59:59.000001Z", "2026-12-01T11:09:00.1234567Z" })
	void readsUtcInstantsAsInstantParseDoes(String text) {
		assertThat(WireInstant.parse(text)).isEqualTo(Instant.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-01T12:09:00+01:00", "2016-12-31T23:59:60Z", "2026-12-01t11:09:00Z",
			"2026-12-01T24:00:00Z", "2026-12-01T11:09:00.Z" })
	void leavesOtherFormsToInstantParse(String text) {
		assertThat(agree(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
			"2026-04-31T00:00:00Z", "2026-12-01T11:60:00Z",
			"2026-12-01T11:09:00.1234567890Z", "2026-12-01 11:09:00Z", "2026-12-01T11:09:00", "", "Z",
			"+2026-12-01T11:09:00Z", "2026-12-01T11:09:0aZ" })
	void refusesWhatInstantParseRefuses(String text) {
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> Instant.parse(text));
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> WireInstant.parse(text));
	}

	@Test
	void agreesWithInstantParseOnRandomInstants() {
		SplittableRandom random = new SplittableRandom(20261201L);
		for (int i = 0; i < 200_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(MIN_SECOND, MAX_SECOND + 1),
					random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
			String text = instant.toString();
			assertThat(WireInstant.parse(text)).as(text).isEqualTo(instant);
		}
	}

	@Test
	void agreesWithInstantParseOnMutatedInstants() {
		SplittableRandom random = new SplittableRandom(20261202L);
		int accepted = 0;
		for (int i = 0; i < 200_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(MIN_SECOND, MAX_SECOND + 1),
					random.nextInt(1_000_000_000));
			StringBuilder text = new StringBuilder(instant.toString());
			int mutations = 1 + random.nextInt(2);
			for (int m = 0; m < mutations; m++) {
				int at = random.nextInt(text.length());
				char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
				switch (random.nextInt(3)) {
					case 0 -> text.setCharAt(at, c);
					case 1 -> text.insert(at, c);
					default -> text.deleteCharAt(at);
				}
			}
			assertThat(agree(text.toString())).as(text.toString()).isTrue();
			accepted += accepts(text.toString()) ? 1 : 0;
		}
		// the mutations must exercise both answers
		assertThat(accepted).isBetween(1_000, 199_000);
	}

	private static boolean agree(String text) {
		Instant expected;
		try {
			expected = Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return !accepts(text);
		}
		try {
			return expected.equals(WireInstant.parse(text));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean accepts(String text) {
		try {
			WireInstant.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
