package ai.specora.spring.autoconfigure;

import java.time.Duration;

import ai.specora.client.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SpecoraHttpConnectorFactory}.
 */
class SpecoraHttpConnectorFactoryTests {

	private final SpecoraProperties properties = new SpecoraProperties();

	@Test
	void neverFollowsRedirectsAndConnectsWithinTheTimeout() {
		this.properties.setTimeout(Duration.ofSeconds(3));
		HttpClientSettings settings = new SpecoraHttpConnectorFactory(ClientHttpConnectorBuilder.reactor(), null)
			.settings(this.properties);
		assertThat(settings.redirects()).isEqualTo(HttpRedirects.DONT_FOLLOW);
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.sslBundle()).isNull();
	}

	@Test
	void leavesAnInvalidTimeoutToTheClientBuilder() {
		this.properties.setTimeout(Duration.ZERO);
		HttpClientSettings settings = new SpecoraHttpConnectorFactory(ClientHttpConnectorBuilder.reactor(), null)
			.settings(this.properties);
		assertThat(settings.connectTimeout()).isNull();
		assertThat(settings.redirects()).isEqualTo(HttpRedirects.DONT_FOLLOW);
	}

	@Test
	void usesTheNamedSslBundle() {
		SslBundle bundle = SslBundle.of(SslStoreBundle.NONE);
		DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();
		bundles.registerBundle("authority", bundle);
		this.properties.getSsl().setBundle("authority");
		HttpClientSettings settings = new SpecoraHttpConnectorFactory(ClientHttpConnectorBuilder.reactor(), bundles)
			.settings(this.properties);
		assertThat(settings.sslBundle()).isSameAs(bundle);
		assertThat(settings.redirects()).isEqualTo(HttpRedirects.DONT_FOLLOW);
	}

	@Test
	void unknownSslBundleIsAnError() {
		this.properties.getSsl().setBundle("missing");
		SpecoraHttpConnectorFactory factory = new SpecoraHttpConnectorFactory(ClientHttpConnectorBuilder.reactor(),
				new DefaultSslBundleRegistry());
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> factory.settings(this.properties))
			.withMessageContaining("'missing' is not defined under spring.ssl.bundle.*")
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("sslBundle"));
	}

	@Test
	void sslBundleWithoutBundlesIsAConfigurationError() {
		this.properties.getSsl().setBundle("authority");
		SpecoraHttpConnectorFactory factory = new SpecoraHttpConnectorFactory(ClientHttpConnectorBuilder.reactor(),
				null);
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> factory.settings(this.properties))
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("sslBundle"));
	}

	@Test
	void createsAConnectorWithTheDetectedLibrary() {
		assertThat(new SpecoraHttpConnectorFactory(ClientHttpConnectorBuilder.reactor(), null).create(this.properties))
			.isInstanceOf(ReactorClientHttpConnector.class);
	}

}
