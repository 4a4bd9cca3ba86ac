package ai.specora.client;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SpecoraClient.Builder#build()} only checks the settings; the HTTP client and
 * JSON mapper are created by {@link SpecoraClient#warmUp()} or the first call.
 */
class SpecoraClientWarmUpTest {

	private final InMemoryConnector connector = new InMemoryConnector();

	@Test
	void buildCreatesNeitherTheHttpClientNorTheJsonMapper() {
		SpecoraClient client = client();
		assertThat(client.isWarm()).isFalse();
	}

	@Test
	void warmUpCreatesThemWithoutAnyRequest() {
		SpecoraClient client = client();
		client.warmUp();
		client.warmUp();
		assertThat(client.isWarm()).isTrue();
		assertThat(this.connector.requests()).isZero();
	}

	@Test
	void theFirstCallCreatesThemWhenNotWarmedUp() {
		SpecoraClient client = client();
		this.connector.respond(200, jsonHeaders(), "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(client.health().status()).isEqualTo("ok");
		assertThat(client.isWarm()).isTrue();
		assertThat(this.connector.requests()).isOne();
	}

	@Test
	void aWarmClientCallsAsBefore() {
		SpecoraClient client = client();
		client.warmUp();
		this.connector.respond(200, jsonHeaders(), "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(client.health().status()).isEqualTo("ok");
		assertThat(this.connector.requests()).isOne();
	}

	private SpecoraClient client() {
		return SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:9")
			.apiKey(ClientFixtures.API_KEY)
			.orgId(ClientFixtures.ORG_ID)
			.clientConnector(this.connector)
			.build();
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
