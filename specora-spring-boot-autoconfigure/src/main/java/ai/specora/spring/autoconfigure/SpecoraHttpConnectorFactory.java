package ai.specora.spring.autoconfigure;

import java.time.Duration;

import ai.specora.client.InvalidConfigurationException;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.StringUtils;

/**
 * Creates the HTTP connector of the auto-configured client with Spring Boot's
 * {@link ClientHttpConnectorBuilder}: redirects are never followed (the bearer token
 * must not travel to another host), the connect timeout is {@code specora.timeout} and
 * the SSL bundle named by {@code specora.ssl.bundle}, if any, applies.
 * <p>
 * The application's global HTTP client settings ({@code spring.http.clients.*}) are
 * deliberately not inherited: they may follow redirects or trust another authority.
 */
final class SpecoraHttpConnectorFactory {

	private final ClientHttpConnectorBuilder<?> connectorBuilder;

	private final SslBundles sslBundles;

	/**
	 * Creates a factory.
	 * @param connectorBuilder the builder of connectors
	 * @param sslBundles the SSL bundles, or {@code null} when the application has none
	 */
	SpecoraHttpConnectorFactory(ClientHttpConnectorBuilder<?> connectorBuilder, SslBundles sslBundles) {
		this.connectorBuilder = connectorBuilder;
		this.sslBundles = sslBundles;
	}

	ClientHttpConnector create(SpecoraProperties properties) {
		return this.connectorBuilder.build(settings(properties));
	}

	HttpClientSettings settings(SpecoraProperties properties) {
		HttpClientSettings settings = HttpClientSettings.defaults().withRedirects(HttpRedirects.DONT_FOLLOW);
		Duration timeout = properties.getTimeout();
		// an invalid timeout is reported by the client builder, which names the property
		if (timeout != null && !timeout.isNegative() && !timeout.isZero()) {
			settings = settings.withConnectTimeout(timeout);
		}
		String bundle = properties.getSsl().getBundle();
		if (StringUtils.hasText(bundle)) {
			if (this.sslBundles == null) {
				throw new InvalidConfigurationException("sslBundle",
						"Specora SSL bundle '" + bundle + "' is set but the application has no SSL bundles");
			}
			try {
				settings = settings.withSslBundle(this.sslBundles.getBundle(bundle.trim()));
			}
			catch (NoSuchSslBundleException ex) {
				throw new InvalidConfigurationException("sslBundle", "Specora SSL bundle '" + bundle.trim()
						+ "' is not defined under spring.ssl.bundle.* (" + ex.getMessage() + ")");
			}
		}
		return settings;
	}

}
