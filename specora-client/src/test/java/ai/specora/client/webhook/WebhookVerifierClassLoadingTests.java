package ai.specora.client.webhook;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks that {@link WebhookVerifier} works without Spring Data Redis, which is an
 * optional dependency used only by {@link RedisReplayStore}.
 */
class WebhookVerifierClassLoadingTests {

	@Test
	void verifiesWithoutSpringDataRedisOnClassPath() throws Exception {
		long now = 1_700_000_000L;
		byte[] body = ("{\"event_id\":\"evt_1\",\"event_type\":\"platform.sla_breach\","
				+ "\"created_at\":\"2023-11-14T22:13:20Z\"}").getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSignatures.sign("whsec_test", now, body);
		URL classes = WebhookVerifier.class.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes }, new WithoutRedisClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> Class.forName("org.springframework.data.redis.core.StringRedisTemplate", false,
						loader));
			Class<?> verifierClass = Class.forName(WebhookVerifier.class.getName(), true, loader);
			assertThat(verifierClass.getClassLoader()).isSameAs(loader);
			Object builder = verifierClass.getMethod("builder").invoke(null);
			builder.getClass().getMethod("secret", String.class).invoke(builder, "whsec_test");
			builder.getClass()
				.getMethod("clock", Clock.class)
				.invoke(builder, Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
			Object verifier = builder.getClass().getMethod("build").invoke(builder);
			Object event = verifierClass.getMethod("verify", byte[].class, String.class, String.class, String.class)
				.invoke(verifier, body, String.valueOf(now), signature, "evt_1");
			assertThat(event.getClass().getMethod("eventId").invoke(event)).isEqualTo("evt_1");
		}
	}

	/**
	 * Hides Spring Data Redis, and the client's own classes so that they are loaded
	 * again by the child loader.
	 */
	private static final class WithoutRedisClassLoader extends ClassLoader {

		WithoutRedisClassLoader() {
			super(WebhookVerifierClassLoadingTests.class.getClassLoader());
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("org.springframework.data.redis.") || name.startsWith("ai.specora.client.")) {
				throw new ClassNotFoundException(name);
			}
			return super.loadClass(name, resolve);
		}

	}

}
