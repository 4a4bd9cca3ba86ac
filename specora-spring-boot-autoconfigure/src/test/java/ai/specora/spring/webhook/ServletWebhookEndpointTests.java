package ai.specora.spring.webhook;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The webhook endpoint in a Spring MVC application on Tomcat.
 */
@SpringBootTest(classes = ServletWebhookEndpointTests.MvcApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.address=127.0.0.1",
				"specora.webhook.secret=" + WebhookRequests.SECRET, "specora.webhook.max-body-size=4KB",
				"specora.webhook.replay-store=memory", TestApplications.EXCLUDE_SECURITY, TestApplications.BASE_URL, TestApplications.API_KEY,
						TestApplications.ORG_ID })
class ServletWebhookEndpointTests extends AbstractWebhookEndpointTests {

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EventCollector.class)
	static class MvcApplication {

	}

}
