package ai.specora.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T22:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsSeconds() {
		assertThat(RetryAfter.parse("7", this.clock)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void capsAt120Seconds() {
		assertThat(RetryAfter.parse("500", this.clock)).isEqualTo(Duration.ofSeconds(120));
		assertThat(RetryAfter.parse("99999999999999", this.clock)).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void readsAnHttpDate() {
		assertThat(RetryAfter.parse("Sat, 21 Nov 2026 22:00:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aDateInThePastMeansNoWait() {
		assertThat(RetryAfter.parse("Sat, 21 Nov 2026 21:00:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void absentOrUnreadableValuesAreIgnored() {
		assertThat(RetryAfter.parse(null, this.clock)).isNull();
		assertThat(RetryAfter.parse("soon", this.clock)).isNull();
		assertThat(RetryAfter.parse("-5", this.clock)).isNull();
	}

	@Test
	void controlCharactersAloneAreUnreadableNotAnError() {
		// found by RetryAfterFuzzTests: trimmed to nothing, then parsed as a number
		assertThat(RetryAfter.parse("\u0016", this.clock)).isNull();
		assertThat(RetryAfter.parse("\u0001 \u001f", this.clock)).isNull();
	}

	@Test
	void onlyAsciiDigitsAreSeconds() {
		assertThat(RetryAfter.parse("\u0663", this.clock)).isNull();
		assertThat(RetryAfter.parse("1\u0663", this.clock)).isNull();
	}

}
