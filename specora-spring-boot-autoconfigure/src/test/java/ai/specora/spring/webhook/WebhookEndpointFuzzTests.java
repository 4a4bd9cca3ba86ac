package ai.specora.spring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import ai.specora.client.webhook.WebhookSignatures;
import ai.specora.client.webhook.WebhookVerifier;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Fuzzes the Spring MVC webhook endpoint through MockMvc: whatever the body and the
 * header lines, the answer is one of the statuses the contract names (204, 400, 401,
 * 409, 413), never a 500 or an exception, and an accepted request was signed.
 * <p>
 * Input layout: a flags byte, then the timestamp, the signature lines (split at
 * {@code 0x01}), the event id and the body, separated by {@code 0x00} bytes. Flag bit 0
 * sends the clock's time as timestamp, bit 1 adds a line with the body's correct
 * signature, bit 2 leaves out the headers of empty fields.
 */
class WebhookEndpointFuzzTests {

	private static final String SECRET = "whsec_endpoint_fuzz";

	private static final long NOW = 1_700_000_000L;

	private final MockMvc mvc;

	WebhookEndpointFuzzTests() {
		WebhookVerifier verifier = WebhookVerifier.builder()
			.secret(SECRET)
			.clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
			.maxBodySize(16 * 1024)
			.build();
		SpecoraWebhookHandler handler = new SpecoraWebhookHandler(verifier, (event) -> {
		});
		this.mvc = MockMvcBuilders.routerFunctions(new SpecoraWebhookServletEndpoint(handler)
			.routerFunction("/specora/webhooks")).build();
	}

	@FuzzTest
	void request(byte[] input) throws Exception {
		int flags = (input.length > 0) ? input[0] : 0;
		byte[][] fields = split((input.length > 0) ? Arrays.copyOfRange(input, 1, input.length) : input);
		byte[] body = fields[3];
		String timestamp = ((flags & 1) != 0) ? Long.toString(NOW) : text(fields[0]);
		MockHttpServletRequestBuilder request = post("/specora/webhooks").contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (!timestamp.isEmpty() || (flags & 4) == 0) {
			request.header(WebhookVerifier.TIMESTAMP_HEADER, timestamp);
		}
		boolean signed = false;
		for (String line : text(fields[1]).split("\u0001", -1)) {
			if (!line.isEmpty() || (flags & 4) == 0) {
				request.header(WebhookVerifier.SIGNATURE_HEADER, line);
			}
		}
		if ((flags & 2) != 0 && timestamp.strip().matches("[0-9]{1,18}")) {
			request.header(WebhookVerifier.SIGNATURE_HEADER,
					WebhookSignatures.sign(SECRET, Long.parseLong(timestamp.strip()), body));
			signed = true;
		}
		String eventId = text(fields[2]);
		if (!eventId.isEmpty() || (flags & 4) == 0) {
			request.header(WebhookVerifier.EVENT_ID_HEADER, eventId);
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isIn(204, 400, 401, 409, 413);
		if (response.getStatus() == 204) {
			assertThat(signed).as("accepted only when signed").isTrue();
		}
		if (response.getStatus() != 204) {
			assertThat(response.getContentAsString()).startsWith("{\"error\":{\"code\":\"");
		}
	}

	private static String text(byte[] field) {
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
