package ai.specora.client;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header: delay seconds or an HTTP date, capped at
 * {@link #MAX}.
 */
final class RetryAfter {

	/** The longest wait a server can ask for. */
	static final Duration MAX = Duration.ofSeconds(120);

	private RetryAfter() {
	}

	/**
	 * Parses the header value.
	 * @return the delay, capped at {@link #MAX}; {@code null} when absent or unreadable
	 */
	static Duration parse(String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		if (text.isEmpty()) {
			// control characters only: trimmed to nothing
			return null;
		}
		Duration delay;
		if (isDelaySeconds(text)) {
			if (text.length() > 9) {
				return MAX;
			}
			delay = Duration.ofSeconds(Long.parseLong(text));
		}
		else {
			try {
				ZonedDateTime date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
				delay = Duration.between(clock.instant(), date.toInstant());
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		if (delay.isNegative()) {
			return Duration.ZERO;
		}
		return (delay.compareTo(MAX) > 0) ? MAX : delay;
	}

	/** RFC 9110 delay-seconds: one or more ASCII digits (not any Unicode digit). */
	private static boolean isDelaySeconds(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
