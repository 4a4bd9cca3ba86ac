package ai.specora.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SpecoraClientBuilder#build()} only checks the settings; the HTTP client and
 * JSON mapper are created by {@link SpecoraClient#warmUp()} or the first call, never on
 * the thread that subscribes to it.
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

	@Test
	void aColdFirstCallCreatesThemOffTheSubscribingThread() throws Exception {
		AtomicReference<String> createdOn = new AtomicReference<>();
		ClientResources resources = new ClientResources(WireJson::create, () -> {
			createdOn.set(Thread.currentThread().getName());
			return WebClient.builder().clientConnector(this.connector).build();
		});
		HttpTransport transport = new HttpTransport(resources, client().settings(), Clock.systemUTC());
		this.connector.respond(200, jsonHeaders(), "{}".getBytes(StandardCharsets.UTF_8));
		HttpTransport.Call<String> call = new HttpTransport.Call<>(HttpMethod.GET, "/v1/health", new Object[0], null,
				null, false, "health", (bytes) -> "answered", true);
		AtomicReference<String> result = new AtomicReference<>();
		Thread subscriber = new Thread(() -> result.set(transport.execute(call).block(Duration.ofSeconds(30))),
				"event-loop-stand-in");
		subscriber.start();
		subscriber.join(30_000);
		assertThat(result).hasValue("answered");
		assertThat(createdOn.get()).startsWith("boundedElastic");
		// once warm, a call runs on its subscriber's thread as before
		assertThat(transport.execute(call).block(Duration.ofSeconds(30))).isEqualTo("answered");
		assertThat(this.connector.requests()).isEqualTo(2);
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
