package ai.specora.spring.autoconfigure;

import java.time.Duration;
import java.util.UUID;

import ai.specora.client.SpecoraClient;
import ai.specora.client.testing.RedisServer;
import ai.specora.client.testing.RedisServerExtension;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.enforcement.Authority;
import ai.specora.spring.enforcement.GovernedServices.Tools;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application contexts, two replicas of one application, sharing one Redis with
 * {@code specora.enforcement.completion.store=redis}: completions of governed calls
 * made while the authority refuses them are delivered once it is back, each journal id
 * exactly once.
 */
@ExtendWith(RedisServerExtension.class)
class RedisCompletionReplicasTests {

	static final Authority authority = new Authority().start();

	private final String stream = "specora:replicas:" + UUID.randomUUID();

	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	private ApplicationContextRunner replica(RedisServer redis) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class))
			.withUserConfiguration(ReplicaConfig.class)
			.withBean(RedisConnectionFactory.class, () -> connectionFactory(redis.port()))
			.withPropertyValues("specora.enforcement.completion.store=redis",
					"specora.enforcement.completion.redis.stream=" + this.stream,
					"specora.enforcement.completion.redis.lease=30s",
					"specora.enforcement.completion.shutdown-timeout=1s");
	}

	private static LettuceConnectionFactory connectionFactory(int port) {
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(2))
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build())
			.build();
		return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
	}

	@Test
	void completionsQueuedWhileTheAuthorityRefusesThemAreDeliveredOnceEach(RedisServer redis) {
		authority.allow("plain", "jrn_replica_a");
		authority.allow("void_action", "jrn_replica_b");
		StubMapping refusing = authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).atPriority(1).willReturn(aResponse().withStatus(503)));
		replica(redis).run((first) -> replica(redis).run((second) -> {
			CompletionDispatcher firstDispatcher = first.getBean(CompletionDispatcher.class);
			assertThat(firstDispatcher.storeName()).isEqualTo("redis");
			assertThat(first.getBean(Tools.class).write("users", 1, 0)).isEqualTo("written");
			second.getBean(Tools.class).fire("target");
			assertThat(firstDispatcher.pendingCount()).isEqualTo(2);
			await().atMost(Duration.ofSeconds(30)).until(() -> authority.completions().size() >= 2);
			authority.server().removeStub(refusing);
			await().atMost(Duration.ofSeconds(60)).until(() -> firstDispatcher.pendingCount() == 0);
			assertThat(recordedCompletionsOf("jrn_replica_a")).isEqualTo(1);
			assertThat(recordedCompletionsOf("jrn_replica_b")).isEqualTo(1);
			assertThat(firstDispatcher.droppedCount() + second.getBean(CompletionDispatcher.class).droppedCount())
				.isZero();
		}));
	}

	/**
	 * The completions of a journal entry the authority answered with 200.
	 */
	private static long recordedCompletionsOf(String journalId) {
		return authority.server()
			.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals(Authority.COMPLETE)
					&& event.getResponse().getStatus() == 200
					&& event.getRequest().getBodyAsString().contains("\"" + journalId + "\""))
			.count();
	}

	@Configuration(proxyBeanMethods = false)
	static class ReplicaConfig {

		@Bean
		SpecoraClient specoraClient() {
			return authority.client();
		}

		@Bean
		Tools tools() {
			return new Tools();
		}

	}

}
