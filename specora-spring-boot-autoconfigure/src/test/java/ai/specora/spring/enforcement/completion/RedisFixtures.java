package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Templates on a loopback Redis that fail at once while Redis is down, and are closed
 * together.
 */
final class RedisFixtures implements AutoCloseable {

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	static StringRedisTemplate template(int port, List<LettuceConnectionFactory> factories) {
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(2))
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
				.build())
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port), client);
		factory.afterPropertiesSet();
		factory.start();
		factories.add(factory);
		return new StringRedisTemplate(factory);
	}

	StringRedisTemplate template(int port) {
		return template(port, this.factories);
	}

	@Override
	public void close() {
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.factories.clear();
	}

}
