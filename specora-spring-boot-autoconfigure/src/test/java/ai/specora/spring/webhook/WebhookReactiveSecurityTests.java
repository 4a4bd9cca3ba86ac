package ai.specora.spring.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint of a WebFlux application behind Spring Security: protected by
 * the default filter chain, reachable with the {@code SecurityWebFilterChain} given in
 * docs/webhooks.md.
 */
class WebhookReactiveSecurityTests {

	@Test
	void defaultSecurityProtectsTheEndpoint() throws Exception {
		try (ConfigurableApplicationContext context = start(DefaultSecurityApplication.class)) {
			String id = WebhookRequests.newEventId();
			HttpResponse<String> response = requests(context).postSigned(id,
					WebhookRequests.body(id, "platform.budget_breach", "{}"));
			assertThat(response.statusCode()).isIn(401, 403);
			assertThat(context.getBean(EventCollector.class).find(id)).isNull();
		}
	}

	@Test
	void documentedFilterChainLetsSignedWebhooksThroughOnly() throws Exception {
		try (ConfigurableApplicationContext context = start(DocumentedSecurityApplication.class)) {
			String id = WebhookRequests.newEventId();
			HttpResponse<String> response = requests(context).postSigned(id,
					WebhookRequests.body(id, "platform.budget_breach", "{}"));
			assertThat(response.statusCode()).isEqualTo(204);
			assertThat(context.getBean(EventCollector.class).find(id)).isInstanceOf(BudgetBreachEvent.class);
			WebhookRequests other = new WebhookRequests(port(context), "/other");
			HttpResponse<String> otherPost = other.postSigned(id, "{}");
			assertThat(otherPost.statusCode()).isIn(401, 403);
			HttpResponse<String> otherGet = other.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port(context) + "/other"))
				.timeout(Duration.ofSeconds(20))
				.GET());
			assertThat(otherGet.statusCode()).isEqualTo(401);
			HttpResponse<String> webhookGet = other.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port(context) + "/specora/webhooks"))
				.timeout(Duration.ofSeconds(20))
				.GET());
			assertThat(webhookGet.statusCode()).isEqualTo(401);
		}
	}

	@Test
	void documentedFilterChainStillRefusesUnsignedWebhooks() throws Exception {
		try (ConfigurableApplicationContext context = start(DocumentedSecurityApplication.class)) {
			HttpResponse<String> response = requests(context).postWithoutHeaders("{}".getBytes());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).contains("invalid_signature");
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "server.address=127.0.0.1", "specora.webhook.secret=" + WebhookRequests.SECRET,
					"specora.webhook.replay-store=memory", TestApplications.BASE_URL, TestApplications.API_KEY,
					TestApplications.ORG_ID)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static WebhookRequests requests(ConfigurableApplicationContext context) {
		return new WebhookRequests(port(context), "/specora/webhooks");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EventCollector.class)
	static class DefaultSecurityApplication {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EventCollector.class)
	static class DocumentedSecurityApplication {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			ServerWebExchangeMatcher webhook = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
					"/specora/webhooks");
			return http.authorizeExchange((exchange) -> exchange
				.matchers(webhook).permitAll()
				.anyExchange().authenticated())
				.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
						CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(webhook))))
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

}
