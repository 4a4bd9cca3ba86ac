package ai.specora.spring.starter;

import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.specora.spring.Enforced;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose only Specora dependency is the starter gets a working client,
 * and its {@code @Enforced} methods are governed.
 */
class SpecoraStarterApplicationTests {

	private static final String API_KEY = "sk_test_starter_51c0";

	private WireMockServer server;

	@BeforeEach
	void startServer() {
		this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		this.server.start();
		this.server.stubFor(get("/v1/health").willReturn(okJson("{\"status\": \"ok\", \"version\": \"1.0\"}")));
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	@Test
	void applicationWithTheStarterCallsTheAuthority() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties("specora.base-url=" + this.server.baseUrl(), "specora.api-key=" + API_KEY,
					"specora.org-id=org-1", "specora.timeout=60s", "specora.deadline=120s")
			.run()) {
			assertThat(context.getBeansOfType(WebClient.Builder.class)).isNotEmpty();
			assertThat(context.containsBean("specoraHttpConnectorFactory")).isTrue();
			assertThat(context.getBean(ReactiveSpecoraClient.class))
				.isSameAs(context.getBean(SpecoraClient.class).reactive());
			assertThat(context.getBean(SpecoraClient.class).health().isOk()).isTrue();
			this.server.verify(getRequestedFor(urlPathEqualTo("/v1/health"))
				.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
		}
	}

	@Test
	void anAnnotatedMethodIsGovernedWithNothingButTheStarterAndProperties() {
		// the authority sends back the request's own request_id; the client refuses any other
		this.server.stubFor(post("/v1/runtime/enforce").willReturn(okJson("""
				{"decision": "allow", "journal_id": "jrn_starter",
				 "request_id": "{{jsonPath request.body '$.request_id'}}", "source": "authority"}
				""").withTransformers("response-template")));
		this.server.stubFor(post("/v1/runtime/complete").willReturn(okJson("""
				{"journal_id": "jrn_starter", "status": "success", "recorded": true}
				""")));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties("specora.base-url=" + this.server.baseUrl(), "specora.api-key=" + API_KEY,
					"specora.org-id=org-1", "specora.timeout=60s", "specora.deadline=120s",
					"specora.enforcement.completion.mode=sync")
			.run()) {
			UserTools tools = context.getBean(UserTools.class);
			assertThat(tools.rename("acme", 7L)).isEqualTo("renamed 7");
			this.server.verify(postRequestedFor(urlPathEqualTo("/v1/runtime/enforce"))
				.withRequestBody(matchingJsonPath("$.action_type", equalTo("db_write")))
				.withRequestBody(matchingJsonPath("$.scope.table", equalTo("users")))
				.withRequestBody(matchingJsonPath("$.scope.tenant", equalTo("acme"))));
			this.server.verify(postRequestedFor(urlPathEqualTo("/v1/runtime/complete"))
				.withRequestBody(matchingJsonPath("$.journal_id", equalTo("jrn_starter")))
				.withRequestBody(matchingJsonPath("$.status", equalTo("success"))));
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(UserTools.class)
	static class Application {

	}

	static class UserTools {

		@Enforced(actionType = "db_write", scope = "{'table': 'users', 'tenant': #tenantId}", writeOp = true)
		public String rename(String tenantId, long userId) {
			return "renamed " + userId;
		}

	}

}
