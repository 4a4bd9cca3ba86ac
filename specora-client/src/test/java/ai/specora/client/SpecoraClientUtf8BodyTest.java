package ai.specora.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A response body that is not valid UTF-8 is malformed, whatever the JSON decoder would
 * make of it (found by {@code AuthorityResponseFuzzTests#enforce}: after a first
 * decision, {@code "journal_\xffid"} was read as {@code journal_id}, so a body without a
 * journal id gave an allow).
 */
class SpecoraClientUtf8BodyTest {

	private final InMemoryConnector connector = new InMemoryConnector();

	private final SpecoraClient client = SpecoraClient.builder()
		.baseUrl("http://127.0.0.1:9")
		.apiKey("sk_utf8_key")
		.orgId("org-1")
		.retries(0)
		.timeout(Duration.ofSeconds(10))
		.clientConnector(this.connector)
		.build();

	private final EnforceRequest request = EnforceRequest.builder("db_write").scope("table", "users").build();

	@Test
	void invalidUtf8InAFieldNameIsMalformedEvenAfterEarlierDecisions() throws Exception {
		answer("{\"decision\":\"allow\",\"journal_id\":\"jrn_1\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(this.client.enforce(this.request).journalId()).isEqualTo("jrn_1");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write("{\"decision\":\"allow\",\"journal_".getBytes(StandardCharsets.US_ASCII));
		body.write(0xff);
		body.write("id\":\"j\",\"request_id\":\"\"}".getBytes(StandardCharsets.US_ASCII));
		answer(body.toByteArray());
		assertThatExceptionOfType(FailClosedException.class).isThrownBy(() -> this.client.enforce(this.request))
			.withMessageContaining("not UTF-8");
	}

	@Test
	void invalidUtf8InAValueIsMalformed() {
		byte[] body = "{\"decision\":\"block\",\"journal_id\":\"jrn_?\"}".getBytes(StandardCharsets.US_ASCII);
		body[body.length - 4] = (byte) 0xc3;
		answer(body);
		assertThatExceptionOfType(FailClosedException.class).isThrownBy(() -> this.client.enforce(this.request));
	}

	private void answer(byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		this.connector.respond(200, headers, body);
	}

}
