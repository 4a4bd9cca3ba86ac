package ai.specora.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads the wire's timestamps. The authority writes them as RFC 3339 UTC instants
 * ({@code 2026-12-01T11:09:00Z}, with or without a fraction of a second); those are read
 * here in place, with no formatter or parsed-fields map per call. Any other form, an
 * offset such as {@code +01:00} or a leap second say, goes to {@link Instant#parse},
 * whose result and refusals are the reference: the two agree on every input (checked
 * by {@code WireInstantTest}).
 */
final class WireInstant {

	private static final int[] DAYS_IN_MONTH = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	private static final long DAYS_0000_TO_1970 = 719_528;

	private WireInstant() {
	}

	/**
	 * Parses an ISO-8601 instant exactly as {@link Instant#parse} does.
	 * @param text the text
	 * @return the instant
	 * @throws DateTimeParseException when {@link Instant#parse} refuses the text
	 */
	static Instant parse(CharSequence text) {
		Instant instant = parseUtc(text);
		return (instant != null) ? instant : Instant.parse(text);
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a four-digit year and an hour, minute and
	 * second that need no adjustment; {@code null} for anything else.
	 */
	private static Instant parseUtc(CharSequence text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]
				|| (month == 2 && day == 29 && !isLeap(year)) || hour < 0 || hour > 23 || minute < 0
				|| minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int nanos = 0;
		if (length > 20) {
			int fractionDigits = length - 21;
			if (text.charAt(19) != '.' || fractionDigits < 1) {
				return null;
			}
			int fraction = digits(text, 20, fractionDigits);
			if (fraction < 0) {
				return null;
			}
			nanos = fraction;
			for (int i = fractionDigits; i < 9; i++) {
				nanos *= 10;
			}
		}
		long days = epochDay(year, month, day);
		return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
	}

	/** The value of {@code count} ASCII digits at {@code start}, or -1. */
	private static int digits(CharSequence text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isLeap(int year) {
		return (year % 4 == 0) && ((year % 100 != 0) || (year % 400 == 0));
	}

	/** Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.toEpochDay}. */
	private static long epochDay(int year, int month, int day) {
		long total = 365L * year;
		total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
		total += (367L * month - 362) / 12;
		total += day - 1;
		if (month > 2) {
			total--;
			if (!isLeap(year)) {
				total--;
			}
		}
		return total - DAYS_0000_TO_1970;
	}

}
