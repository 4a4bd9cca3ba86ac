package ai.specora.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key goes to the configured authority only, and only the connector sees it:
 * observation handlers and request logs above it never do, and a request URL outside
 * the base URL is refused before anything is sent.
 */
class SpecoraClientIsolationTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	@Test
	void observationHandlersSeeTheCallButNeverTheKey() {
		authority.stubFor(get("/v1/health").willReturn(okJson("{\"status\": \"ok\"}")));
		List<String> seen = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new HeaderRecorder(seen));
		ClientFixtures.client(authority).observationRegistry(registry).build().health();
		assertThat(seen).isNotEmpty().allSatisfy((headers) -> assertThat(headers)
			.contains("User-Agent")
			.doesNotContainIgnoringCase("authorization")
			.doesNotContain(ClientFixtures.API_KEY));
		authority.verify(getRequestedFor(urlEqualTo("/v1/health"))
			.withHeader("Authorization", equalTo("Bearer " + ClientFixtures.API_KEY)));
	}

	@Test
	void traceLoggingOfTheExchangeNeverShowsTheKey() {
		authority.stubFor(get("/v1/health").willReturn(okJson("{\"status\": \"ok\"}")));
		Logger spring = (Logger) LoggerFactory.getLogger("org.springframework");
		Logger netty = (Logger) LoggerFactory.getLogger("reactor.netty");
		Level springLevel = spring.getLevel();
		Level nettyLevel = netty.getLevel();
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		logs.start();
		spring.addAppender(logs);
		netty.addAppender(logs);
		spring.setLevel(Level.TRACE);
		netty.setLevel(Level.TRACE);
		try {
			ClientFixtures.client(authority).build().health();
		}
		finally {
			spring.setLevel(springLevel);
			netty.setLevel(nettyLevel);
			spring.detachAppender(logs);
			netty.detachAppender(logs);
		}
		assertThat(logs.list).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain(ClientFixtures.API_KEY));
	}

	@Test
	void aRequestUrlOutsideTheBaseUrlIsRefusedBeforeAnythingIsSent() {
		AtomicBoolean connected = new AtomicBoolean();
		ClientHttpConnector wire = (method, uri, callback) -> {
			connected.set(true);
			return Mono.empty();
		};
		AuthorizingConnector connector = new AuthorizingConnector(wire, URI.create("https://api.specora.ai"),
				ClientFixtures.API_KEY);
		StepVerifier.create(connector.connect(HttpMethod.GET, URI.create("https://attacker.example/v1/health"),
				(request) -> Mono.empty()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("is not under the configured base URL https://api.specora.ai")
				.hasMessageNotContaining(ClientFixtures.API_KEY))
			.verify();
		assertThat(connected).isFalse();
	}

	@Test
	void onlyUrlsUnderTheBaseUrlAreUnderIt() {
		AuthorizingConnector root = new AuthorizingConnector((method, uri, callback) -> Mono.empty(),
				URI.create("https://api.specora.ai"), ClientFixtures.API_KEY);
		assertThat(root.isUnderBaseUrl(URI.create("https://api.specora.ai/v1/runtime/enforce"))).isTrue();
		assertThat(root.isUnderBaseUrl(URI.create("https://API.specora.ai:443/v1/health"))).isTrue();
		assertThat(root.isUnderBaseUrl(URI.create("http://api.specora.ai/v1/health"))).isFalse();
		assertThat(root.isUnderBaseUrl(URI.create("https://api.specora.ai:8443/v1/health"))).isFalse();
		assertThat(root.isUnderBaseUrl(URI.create("https://api.specora.ai.evil.example/v1/health"))).isFalse();
		assertThat(root.isUnderBaseUrl(URI.create("https://user@api.specora.ai/v1/health"))).isFalse();
		AuthorizingConnector prefixed = new AuthorizingConnector((method, uri, callback) -> Mono.empty(),
				URI.create("https://gateway.example/specora"), ClientFixtures.API_KEY);
		assertThat(prefixed.isUnderBaseUrl(URI.create("https://gateway.example/specora/v1/health"))).isTrue();
		assertThat(prefixed.isUnderBaseUrl(URI.create("https://gateway.example/specora-other/v1"))).isFalse();
		assertThat(prefixed.isUnderBaseUrl(URI.create("https://gateway.example/specora/../admin"))).isFalse();
		assertThat(prefixed.isUnderBaseUrl(URI.create("https://gateway.example/specora/%2e%2e/admin"))).isFalse();
		assertThat(prefixed.isUnderBaseUrl(URI.create("https://gateway.example/other"))).isFalse();
	}

	@Test
	void theConnectorNeverShowsTheKey() {
		AuthorizingConnector connector = new AuthorizingConnector((method, uri, callback) -> Mono.empty(),
				URI.create("https://api.specora.ai"), ClientFixtures.API_KEY);
		assertThat(connector.toString()).doesNotContain(ClientFixtures.API_KEY);
	}

	/**
	 * Records the request headers an application's observation handler can see, when
	 * the observation starts and when it stops.
	 */
	private record HeaderRecorder(List<String> seen) implements ObservationHandler<ClientRequestObservationContext> {

		@Override
		public void onStart(ClientRequestObservationContext context) {
			this.seen.add(context.getCarrier().build().headers().toString());
		}

		@Override
		public void onStop(ClientRequestObservationContext context) {
			this.seen.add(context.getRequest().headers().toString());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ClientRequestObservationContext;
		}

	}

}
