package ai.specora.spring.webhook;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint behind Spring Security, over real HTTP: protected by the default
 * filter chain, reachable with the filter chain given in docs/webhooks.md, which lets
 * only a signed {@code POST} to the endpoint through. Subclasses name the web
 * application type and the application that declares the documented chain.
 */
abstract class AbstractWebhookSecurityTests {

	private final WebApplicationType webApplicationType;

	private final Class<?> documentedSecurityApplication;

	AbstractWebhookSecurityTests(WebApplicationType webApplicationType, Class<?> documentedSecurityApplication) {
		this.webApplicationType = webApplicationType;
		this.documentedSecurityApplication = documentedSecurityApplication;
	}

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
		try (ConfigurableApplicationContext context = start(this.documentedSecurityApplication)) {
			String id = WebhookRequests.newEventId();
			HttpResponse<String> response = requests(context).postSigned(id,
					WebhookRequests.body(id, "platform.budget_breach", "{}"));
			assertThat(response.statusCode()).isEqualTo(204);
			assertThat(context.getBean(EventCollector.class).find(id)).isInstanceOf(BudgetBreachEvent.class);
			WebhookRequests other = new WebhookRequests(port(context), "/other");
			HttpResponse<String> otherPost = other.postSigned(id, "{}");
			assertThat(otherPost.statusCode()).isIn(401, 403);
			assertThat(other.get().statusCode()).isEqualTo(401);
			assertThat(requests(context).get().statusCode()).isEqualTo(401);
		}
	}

	@Test
	void documentedFilterChainStillRefusesUnsignedWebhooks() throws Exception {
		try (ConfigurableApplicationContext context = start(this.documentedSecurityApplication)) {
			HttpResponse<String> response = requests(context).postWithoutHeaders("{}".getBytes());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.body()).contains("invalid_signature");
		}
	}

	private ConfigurableApplicationContext start(Class<?> application) {
		return new SpringApplicationBuilder(application).web(this.webApplicationType)
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

}
