package ai.specora.spring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.specora.client.HealthStatus;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

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
 * Tests that the auto-configured client talks to a real HTTP server, and that nothing of
 * the application's HTTP set-up sees its key or changes where it goes.
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
	void theApplicationsWebClientFiltersNeverSeeTheCalls() {
		this.runner.withUserConfiguration(RecordingWebClientConfiguration.class).run((context) -> {
			context.getBean(SpecoraClient.class).health();
			assertThat(context.getBean(RecordingWebClientConfiguration.class).paths).isEmpty();
			server.verify(getRequestedFor(urlPathEqualTo("/v1/health"))
				.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
		});
	}

	@Test
	void aCustomizerThatChangesTheBaseUrlCannotRedirectTheKey() {
		WireMockServer elsewhere = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		elsewhere.start();
		try {
			elsewhere.stubFor(get("/v1/health").willReturn(okJson("{\"status\": \"ok\"}")));
			WebClientCustomizer redirecting = (builder) -> builder
				.uriBuilderFactory(new DefaultUriBuilderFactory(elsewhere.baseUrl()));
			this.runner.withBean(WebClientCustomizer.class, () -> redirecting).run((context) -> {
				context.getBean(SpecoraClient.class).health();
				server.verify(1, getRequestedFor(urlPathEqualTo("/v1/health")));
				assertThat(elsewhere.getAllServeEvents()).isEmpty();
			});
		}
		finally {
			elsewhere.stop();
		}
	}

	@Test
	void requestDetailLoggingAtTraceNeverShowsTheKey() throws ClassNotFoundException {
		List<String> messages = new CopyOnWriteArrayList<>();
		AppenderBase<ILoggingEvent> logs = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
				messages.add(event.getFormattedMessage());
			}

		};
		logs.start();
		// Spring logs the exchanges under "_org.springframework..." (its hidden loggers)
		List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger("org.springframework"),
				(Logger) LoggerFactory.getLogger("_org.springframework"), (Logger) LoggerFactory.getLogger("reactor"));
		List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
		for (Logger logger : loggers) {
			logger.addAppender(logs);
			logger.setLevel(Level.TRACE);
		}
		try {
			this.runner
				.withConfiguration(AutoConfigurations
					.of(Class.forName("org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration")))
				// Spring Boot 4 name of the former spring.codec.log-request-details
				.withPropertyValues("spring.http.codecs.log-request-details=true")
				.run((context) -> {
					// the application's own calls do log their headers: the set-up is effective
					context.getBean(WebClient.Builder.class)
						.build()
						.get()
						.uri(server.baseUrl() + "/v1/health")
						.header("Authorization", "Bearer app-own-token")
						.retrieve()
						.toBodilessEntity()
						.block();
					assertThat(messages).anySatisfy((message) -> assertThat(message).contains("app-own-token"));
					context.getBean(SpecoraClient.class).health();
				});
		}
		finally {
			for (int i = 0; i < loggers.size(); i++) {
				loggers.get(i).setLevel(levels.get(i));
				loggers.get(i).detachAppender(logs);
			}
		}
		assertThat(messages).allSatisfy((message) -> assertThat(message).doesNotContain(API_KEY));
		server.verify(getRequestedFor(urlPathEqualTo("/v1/health"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
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
