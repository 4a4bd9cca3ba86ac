package ai.specora.client.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link WebhookVerifier#verify(byte[], String, String, String)} with the body
 * bytes and the three headers: every request ends in a {@link WebhookEvent} or a
 * {@link WebhookVerificationException}, never another exception; an accepted request
 * carries the right signature, a timestamp within the window, and an event id equal to
 * the body's.
 * <p>
 * Input layout: a flags byte, then the timestamp, signature and event id headers and the
 * body, separated by {@code 0x00} bytes. Flag bit 0 puts the clock's own time in the
 * timestamp header, bit 1 appends the correct signature of the body to the signature
 * header, so that the fuzzer also reaches the body's parsing; bit 2 gives {@code null}
 * headers for empty fields.
 */
class WebhookVerifierFuzzTests {

	private static final String SECRET = "whsec_fuzz_secret";

	private static final long NOW = 1_700_000_000L;

	private final WebhookVerifier verifier = WebhookVerifier.builder()
		.secret(SECRET)
		.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
		.maxBodySize(64 * 1024)
		.build();

	@FuzzTest
	void verify(byte[] input) {
		int flags = (input.length > 0) ? input[0] : 0;
		byte[][] fields = split((input.length > 0) ? Arrays.copyOfRange(input, 1, input.length) : input);
		byte[] body = fields[3];
		String timestamp = ((flags & 1) != 0) ? Long.toString(NOW) : header(fields[0], flags);
		String signature = header(fields[1], flags);
		if ((flags & 2) != 0 && timestamp != null && isDigits(timestamp.strip())) {
			String valid = sign(timestamp.strip(), body);
			signature = (signature != null) ? signature + "," + valid : valid;
		}
		String eventId = header(fields[2], flags);
		WebhookEvent event;
		try {
			event = this.verifier.verify(body, timestamp, signature, eventId);
		}
		catch (WebhookVerificationException ex) {
			assertThat(ex.reason()).isNotNull();
			assertThat(ex.getMessage()).isNotBlank().doesNotContain(SECRET);
			return;
		}
		assertThat(timestamp.strip()).isEqualTo(Long.toString(Long.parseLong(timestamp.strip())));
		assertThat(Math.abs(Long.parseLong(timestamp.strip()) - NOW)).isLessThanOrEqualTo(300);
		assertThat(signature).contains(sign(timestamp.strip(), body).substring(WebhookSignatures.SCHEME_PREFIX.length()));
		assertThat(event.eventId()).isEqualTo(eventId.strip());
		assertThat(event.eventType()).isNotBlank();
		assertThat(event.createdAt()).isNotNull();
	}

	private static String sign(String timestamp, byte[] body) {
		return WebhookSignatures.SCHEME_PREFIX
				+ java.util.HexFormat.of().formatHex(WebhookSignatures.hmac(WebhookSignatures.key(SECRET), timestamp, body));
	}

	private static boolean isDigits(String text) {
		return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

	private static String header(byte[] field, int flags) {
		if (field.length == 0 && (flags & 4) != 0) {
			return null;
		}
		return new String(field, StandardCharsets.UTF_8);
	}

	/** Splits at the first three 0x00 bytes; missing fields are empty. */
	private static byte[][] split(byte[] data) {
		byte[][] fields = { new byte[0], new byte[0], new byte[0], new byte[0] };
		int start = 0;
		for (int field = 0; field < 3; field++) {
			int end = start;
			while (end < data.length && data[end] != 0) {
				end++;
			}
			fields[field] = Arrays.copyOfRange(data, Math.min(start, data.length), Math.min(end, data.length));
			start = end + 1;
		}
		fields[3] = (start < data.length) ? Arrays.copyOfRange(data, start, data.length) : new byte[0];
		return fields;
	}

}
