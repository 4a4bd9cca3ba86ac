package ai.specora.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.specora.client.HealthStatus;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraException;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the auto-configured client talks to a real HTTP server.
 */
class SpecoraClientAutoConfigurationHttpTests {

	private static final String API_KEY = "sk_test_http_82b1";

	private static WireMockServer server;

	private ApplicationContextRunner runner;

	@BeforeAll
	static void startServer() {
		server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@BeforeEach
	void setUp() {
		server.resetAll();
		server.stubFor(get("/v1/health").willReturn(okJson("{\"status\": \"ok\", \"version\": \"1.4\"}")));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SpecoraClientAutoConfiguration.class, WebClientAutoConfiguration.class))
			.withPropertyValues("specora.base-url=" + server.baseUrl(), "specora.api-key=" + API_KEY,
					"specora.org-id=org-1", "specora.retries=0",
					// generous limits: the assertions are about behaviour, never speed
					"specora.timeout=60s", "specora.deadline=120s");
	}

	@Test
	void callsTheAuthorityWithTheBearerKey() {
		this.runner.run((context) -> {
			HealthStatus health = context.getBean(SpecoraClient.class).health();
			assertThat(health.status()).isEqualTo("ok");
			assertThat(health.version()).isEqualTo("1.4");
			server.verify(getRequestedFor(urlPathEqualTo("/v1/health"))
				.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
		});
	}

	@Test
	void doesNotFollowRedirects() {
		server.stubFor(get("/v1/health").willReturn(aResponse().withStatus(302)
			.withHeader("Location", server.baseUrl() + "/elsewhere")));
		server.stubFor(get("/elsewhere").willReturn(okJson("{\"status\": \"ok\"}")));
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SpecoraHttpConnectorFactory.class);
			assertRedirectRefused(context.getBean(SpecoraClient.class));
		});
	}

	@Test
	void doesNotFollowRedirectsWithoutBootHttpClient() {
		server.stubFor(get("/v1/health").willReturn(aResponse().withStatus(302)
			.withHeader("Location", server.baseUrl() + "/elsewhere")));
		server.stubFor(get("/elsewhere").willReturn(okJson("{\"status\": \"ok\"}")));
		this.runner.withClassLoader(new FilteredClassLoader(ClientHttpConnectorBuilder.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(SpecoraHttpConnectorFactory.class);
			assertRedirectRefused(context.getBean(SpecoraClient.class));
		});
	}

	@Test
	void startsFromTheApplicationWebClientBuilder() {
		this.runner.withUserConfiguration(RecordingWebClientConfiguration.class).run((context) -> {
			context.getBean(SpecoraClient.class).health();
			assertThat(context.getBean(RecordingWebClientConfiguration.class).paths).containsExactly("/v1/health");
		});
	}

	private static void assertRedirectRefused(SpecoraClient client) {
		assertThatExceptionOfType(SpecoraException.class).isThrownBy(client::health)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(API_KEY));
		server.verify(1, getRequestedFor(urlPathEqualTo("/v1/health")));
		server.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingWebClientConfiguration {

		final List<String> paths = new CopyOnWriteArrayList<>();

		@Bean
		WebClientCustomizer recordingCustomizer() {
			return (builder) -> builder.filter((request, next) -> {
				this.paths.add(request.url().getPath());
				return next.exchange(request);
			});
		}

	}

}
