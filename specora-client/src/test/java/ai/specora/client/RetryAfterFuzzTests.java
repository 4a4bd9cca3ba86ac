package ai.specora.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the {@code Retry-After} parser: whatever the header holds, the answer is
 * {@code null} (absent or unreadable) or a delay between zero and {@link RetryAfter#MAX};
 * nothing is thrown.
 */
class RetryAfterFuzzTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T21:59:00Z"), ZoneOffset.UTC);

	@FuzzTest
	void parse(byte[] input) {
		String header = new String(input, StandardCharsets.UTF_8);
		Duration delay = RetryAfter.parse(header, CLOCK);
		if (delay != null) {
			assertThat(delay).isBetween(Duration.ZERO, RetryAfter.MAX);
			assertThat(header).isNotBlank();
		}
	}

}
