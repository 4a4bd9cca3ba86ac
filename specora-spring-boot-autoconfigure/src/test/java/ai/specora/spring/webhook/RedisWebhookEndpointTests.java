package ai.specora.spring.webhook;

import java.net.http.HttpResponse;

import ai.specora.client.webhook.RedisReplayStore;
import ai.specora.client.webhook.ReplayStore;
import ai.specora.client.testing.RedisServer;
import ai.specora.client.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances sharing one real {@code redis-server} on loopback: a replay
 * sent to the second instance is refused, and a stopped Redis gives 503.
 */
@ExtendWith(RedisServerExtension.class)
class RedisWebhookEndpointTests {

	@Test
	void replaySentToAnotherInstanceIsRefused(RedisServer redis) throws Exception {
		try (ConfigurableApplicationContext first = start(redis, "15s");
				ConfigurableApplicationContext second = start(redis, "15s")) {
			assertThat(first.getBean(ReplayStore.class)).isInstanceOf(RedisReplayStore.class);
			String id = WebhookRequests.newEventId();
			String body = WebhookRequests.body(id, "platform.provider_quarantined", "{}");
			assertThat(requests(first).postSigned(id, body).statusCode()).isEqualTo(204);
			HttpResponse<String> replay = requests(second).postSigned(id, body);
			assertThat(replay.statusCode()).isEqualTo(409);
			assertThat(second.getBean(EventCollector.class).find(id)).isNull();
			assertThat(first.getBean(EventCollector.class).find(id)).isInstanceOf(ProviderQuarantinedEvent.class);
		}
	}

	@Test
	void stoppedRedisGives503(RedisServer redis) throws Exception {
		// A short command timeout: with Redis gone, Lettuce holds the command until it
		// times out, and the endpoint must answer 503 well before the test's HTTP timeout.
		try (ConfigurableApplicationContext context = start(redis, "2s")) {
			redis.stop();
			String id = WebhookRequests.newEventId();
			HttpResponse<String> response = requests(context).postSigned(id,
					WebhookRequests.body(id, "platform.break_glass_used", "{}"));
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.body()).contains("replay_store_unavailable");
			assertThat(context.getBean(EventCollector.class).find(id)).isNull();
		}
	}

	private static ConfigurableApplicationContext start(RedisServer redis, String redisTimeout) {
		return new SpringApplicationBuilder(RedisApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + redis.port(), "spring.data.redis.timeout=" + redisTimeout,
					"spring.data.redis.connect-timeout=" + redisTimeout, "specora.webhook.secret=" + WebhookRequests.SECRET,
					TestApplications.EXCLUDE_SECURITY, TestApplications.BASE_URL, TestApplications.API_KEY,
						TestApplications.ORG_ID)
			.run();
	}

	private static WebhookRequests requests(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new WebhookRequests(port, "/specora/webhooks");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EventCollector.class)
	static class RedisApplication {

	}

}
