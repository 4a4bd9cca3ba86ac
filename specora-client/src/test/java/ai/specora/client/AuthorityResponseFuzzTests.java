package ai.specora.client;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the decoders of every authority response through the public client: an
 * {@link InMemoryConnector} answers each call with a fuzzed status, headers and body,
 * and the real transport and decoders read it.
 * <p>
 * The invariant, checked on the public behaviour: every answer ends in the call's typed
 * result or in a {@link SpecoraException}, never in another exception; a result comes
 * only from a 2xx answer; an allow comes only from a body whose {@code decision} is
 * {@code allow} (in whatever case the decoder of the day accepts), and an enforced one
 * (not a simulated one) only with a {@code journal_id}, whatever its {@code source}. Nothing here asserts that a decoder is lenient: a stricter decoder
 * (duplicate keys refused, exact enum spelling, request id echoed) satisfies it too.
 * <p>
 * Input layout: the first byte picks the status ({@link #STATUSES}), the second the
 * headers (bit 0: JSON content type, bits 1-2: a {@code Retry-After} value), the rest is
 * the body. The platform calls are fuzzed the same way by {@link PlatformResponseFuzzTests}.
 */
class AuthorityResponseFuzzTests {

	private static final int[] STATUSES = { 200, 200, 200, 200, 201, 204, 302, 400, 401, 403, 404, 409, 422, 429,
			500, 503 };

	private static final String[] RETRY_AFTER = { null, "0", "1", "Sat, 21 Nov 2026 22:00:00 GMT" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final InMemoryConnector connector = new InMemoryConnector();

	private final SpecoraClient client = SpecoraClient.builder()
		.baseUrl("http://127.0.0.1:9")
		.apiKey("sk_fuzz_key")
		.orgId("org-fuzz")
		.failMode(FailMode.CLOSED)
		.retries(0)
		.timeout(Duration.ofSeconds(10))
		.deadline(Duration.ofSeconds(20))
		.clientConnector(this.connector)
		.build();

	private final EnforceRequest request = EnforceRequest.builder("db_write")
		.scope("table", "users")
		.estimatedCost(0.02)
		.writeOp(true)
		.build();

	@FuzzTest
	void enforce(byte[] input) {
		int status = answer(input);
		try {
			checkDecision(this.client.enforce(this.request), status, body(input), true);
		}
		catch (SpecoraException ex) {
			assertThat(ex.getMessage()).isNotBlank().doesNotContain("sk_fuzz_key");
		}
	}

	@FuzzTest
	void simulate(byte[] input) {
		int status = answer(input);
		try {
			checkDecision(this.client.simulate(this.request), status, body(input), false);
		}
		catch (SpecoraException ex) {
			assertThat(ex.getMessage()).isNotBlank().doesNotContain("sk_fuzz_key");
		}
	}

	@FuzzTest
	void complete(byte[] input) {
		int status = answer(input);
		try {
			CompletionResult result = this.client.complete("jrn_fuzz",
					Completion.builder(CompletionStatus.SUCCESS).costActual(new BigDecimal("0.01")).build());
			assertSuccessful(status);
			assertThat(result.journalId()).isNotNull();
			assertThat(result.status()).isNotNull();
		}
		catch (SpecoraException ex) {
			assertThat(ex.getMessage()).isNotBlank().doesNotContain("sk_fuzz_key");
		}
	}

	@FuzzTest
	void journal(byte[] input) {
		int status = answer(input);
		try {
			JournalEntry entry = this.client.journal("jrn_fuzz");
			assertSuccessful(status);
			assertThat(entry.journalId()).isNotNull();
			assertThat(entry.status()).isNotNull();
			assertThat(entry.approvalState()).isNotNull();
			assertDecisionSpelled(entry.decision(), body(input));
		}
		catch (SpecoraException ex) {
			assertThat(ex.getMessage()).isNotBlank().doesNotContain("sk_fuzz_key");
		}
	}

	@FuzzTest
	void health(byte[] input) {
		int status = answer(input);
		try {
			HealthStatus health = this.client.health();
			assertSuccessful(status);
			assertThat(health.status()).isNotNull();
		}
		catch (SpecoraException ex) {
			assertThat(ex.getMessage()).isNotBlank().doesNotContain("sk_fuzz_key");
		}
	}

	/** Sets the connector's answer from the input; returns the status. */
	private int answer(byte[] input) {
		int status = (input.length > 0) ? STATUSES[input[0] & 0x0F] : 200;
		int flags = (input.length > 1) ? input[1] : 0;
		HttpHeaders headers = new HttpHeaders();
		if ((flags & 1) == 0) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		String retryAfter = RETRY_AFTER[(flags >> 1) & 3];
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		this.connector.respond(status, headers, body(input));
		return status;
	}

	private static byte[] body(byte[] input) {
		return (input.length > 2) ? Arrays.copyOfRange(input, 2, input.length) : new byte[0];
	}

	/**
	 * Checks a decision; an enforced allow must carry the journal id it is completed
	 * under, a simulated one has none (nothing to complete).
	 */
	private void checkDecision(EnforcementResult result, int status, byte[] body, boolean enforced) {
		assertSuccessful(status);
		assertThat(result.decision()).isNotNull();
		assertThat(result.actionType()).isEqualTo("db_write");
		assertDecisionSpelled(result.decision(), body);
		if (enforced && result.decision() == Decision.ALLOW) {
			JsonNode journalId = tree(body).get("journal_id");
			assertThat(journalId).as("an allow carries a journal_id").isNotNull();
			assertThat(journalId.isString()).isTrue();
			assertThat(result.journalId()).isEqualTo(journalId.stringValue());
		}
	}

	private static void assertSuccessful(int status) {
		assertThat(status).as("a result only from a 2xx answer").isBetween(200, 299);
	}

	/** The decoded decision is the body's {@code decision} field, whatever its case. */
	private static void assertDecisionSpelled(Decision decision, byte[] body) {
		JsonNode field = tree(body).get("decision");
		assertThat(field).as("decision field").isNotNull();
		assertThat(field.isString()).as("decision is a string").isTrue();
		assertThat(field.stringValue().toLowerCase(Locale.ROOT)).isEqualTo(decision.name().toLowerCase(Locale.ROOT));
	}

	private static JsonNode tree(byte[] body) {
		try {
			// decoded as text first: Jackson does not check the UTF-8 of the names of ignored
			// fields, so the client may read a body whose raw bytes a tree parser refuses
			JsonNode tree = JSON.readTree(new String(body, StandardCharsets.UTF_8));
			assertThat(tree).as("a decoded body is a JSON object").isNotNull();
			assertThat(tree.isObject()).as("a decoded body is a JSON object: %s",
					new String(body, StandardCharsets.UTF_8)).isTrue();
			return tree;
		}
		catch (JacksonException ex) {
			throw new AssertionError("a body the client decoded is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
