package ai.specora.client.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.specora.client.webhook.WebhookVerificationException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@value WebhookVerifier#SIGNATURE_HEADER} header sent on several lines, and the
 * bound on the number of signatures it may carry.
 */
class WebhookSignatureHeaderTests {

	private static final String SECRET = "whsec_header_lines";

	private static final long NOW = 1_700_000_000L;

	private static final String BODY = "{\"event_id\":\"evt_lines\",\"event_type\":\"platform.budget_breach\","
			+ "\"created_at\":\"2023-11-14T22:13:20Z\",\"data\":{}}";

	private static final String OTHER = WebhookSignatures.sign("whsec_another_secret", NOW, bytes(BODY));

	private final WebhookVerifier verifier = newVerifier();

	@Test
	void joinsLinesInOrderWithCommaAndSpace() {
		assertThat(WebhookVerifier.joinFieldLines(List.of("a", "b, c", "d"))).isEqualTo("a, b, c, d");
		assertThat(WebhookVerifier.joinFieldLines(List.of("only"))).isEqualTo("only");
		assertThat(WebhookVerifier.joinFieldLines(Arrays.asList(null, "x", null))).isEqualTo("x");
	}

	@Test
	void joinsNothingToNull() {
		assertThat(WebhookVerifier.joinFieldLines(null)).isNull();
		assertThat(WebhookVerifier.joinFieldLines(List.of())).isNull();
		assertThat(WebhookVerifier.joinFieldLines(Collections.singletonList(null))).isNull();
	}

	@Test
	void acceptsTheValidSignatureOnAnyLine() {
		String valid = sign();
		assertThat(verifyLines(List.of(OTHER, valid)).eventId()).isEqualTo("evt_lines");
		assertThat(newVerifier().verify(bytes(BODY), Long.toString(NOW),
				WebhookVerifier.joinFieldLines(List.of(valid, OTHER)), "evt_lines")
			.eventId()).isEqualTo("evt_lines");
	}

	@Test
	void acceptsEightSignaturesOverSeveralLines() {
		List<String> lines = List.of(OTHER + ", " + OTHER + ", " + OTHER, OTHER + "," + OTHER, OTHER + ", v2=abc",
				sign());
		assertThat(verifyLines(lines).eventId()).isEqualTo("evt_lines");
	}

	@Test
	void refusesNineSignaturesEvenWithTheValidOneFirst() {
		List<String> lines = new ArrayList<>();
		lines.add(sign());
		for (int i = 0; i < WebhookVerifier.MAX_SIGNATURES; i++) {
			lines.add(OTHER);
		}
		assertThatExceptionOfType(WebhookVerificationException.class).isThrownBy(() -> verifyLines(lines))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_SIGNATURE))
			.withMessage("More than 8 signatures");
	}

	@Test
	void countsValuesOfEveryScheme() {
		String header = sign() + ", v1=a, v1=b, v1=c, v1=d, v1=e, v1=f, v1=g, v1=h";
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> this.verifier.verify(bytes(BODY), Long.toString(NOW), header, "evt_lines"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_SIGNATURE));
	}

	@Test
	void doesNotCountEmptyListElements() {
		String header = ",,, ," + ",".repeat(20) + sign() + ", ,";
		assertThat(this.verifier.verify(bytes(BODY), Long.toString(NOW), header, "evt_lines").eventId())
			.isEqualTo("evt_lines");
	}

	@Test
	void firstLineOnlyMissesTheSignatureOfTheSecond() {
		Map<String, List<String>> headers = Map.of(WebhookVerifier.SIGNATURE_HEADER, List.of(OTHER, sign()),
				WebhookVerifier.TIMESTAMP_HEADER, List.of(Long.toString(NOW)), WebhookVerifier.EVENT_ID_HEADER,
				List.of("evt_lines"));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> this.verifier.verify(bytes(BODY), (name) -> first(headers.get(name))))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.BAD_SIGNATURE));
		assertThat(this.verifier.verify(bytes(BODY), (name) -> WebhookVerifier.joinFieldLines(headers.get(name)))
			.eventId()).isEqualTo("evt_lines");
	}

	private WebhookEvent verifyLines(List<String> signatureLines) {
		return this.verifier.verify(bytes(BODY), Long.toString(NOW), WebhookVerifier.joinFieldLines(signatureLines),
				"evt_lines");
	}

	private static WebhookVerifier newVerifier() {
		return WebhookVerifier.builder()
			.secret(SECRET)
			.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
			.build();
	}

	private static String first(List<String> values) {
		return (values != null) ? values.get(0) : null;
	}

	private static String sign() {
		return WebhookSignatures.sign(SECRET, NOW, bytes(BODY));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
