package ai.specora.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the one {@link WebClient} a client talks to the authority with: its own, so
 * nothing of an application's HTTP set-up but the observation can change where the key
 * goes. Redirects are never followed, bodies are capped, every request is marked with
 * {@link SpecoraClient#REQUEST_ATTRIBUTE} and carries the client's identity headers, and
 * the key is added by an {@link AuthorizingConnector} below every filter.
 * <p>
 * Without a connector of the application's, the client's own Reactor Netty connector
 * has a connection pool of its own (as large as Reactor Netty's shared one), released
 * when the client is closed: the application's pool never holds the authority's
 * connections.
 */
final class AuthorityWebClient {

	static final String VENDOR_HEADER = "X-Specora-Vendor-Id";

	static final String TENANT_HEADER = "X-Specora-Tenant-Id";

	/** {@code specora-java/<version> (java/<version>)}. */
	static final String USER_AGENT = "specora-java/" + readVersion() + " (java/" + System.getProperty("java.version")
			+ ")";

	/** The name of the connection pool of the client's own connector. */
	static final String POOL_NAME = "specora";

	/** The size of Reactor Netty's shared pool (at least), which the client's own matches. */
	private static final int SHARED_POOL_MAX_CONNECTIONS = 500;

	private AuthorityWebClient() {
	}

	/**
	 * Builds the web client.
	 * @param settings the checked settings
	 * @param apiKey the API key, checked
	 * @param connector the connector, or {@code null} for Reactor Netty with no redirects
	 * @param observationRegistry the registry that observes the calls, or {@code null}
	 * @param observationConvention the convention that names them, or {@code null}
	 * @param owned receives what the client creates for itself and must release when
	 * closed
	 */
	static WebClient create(SpecoraClientSettings settings, String apiKey, ClientHttpConnector connector,
			ObservationRegistry observationRegistry, ClientRequestObservationConvention observationConvention,
			Consumer<Disposable> owned) {
		WebClient.Builder builder = WebClient.builder();
		if (observationRegistry != null) {
			builder.observationRegistry(observationRegistry);
		}
		if (observationConvention != null) {
			builder.observationConvention(observationConvention);
		}
		ClientHttpConnector transport = (connector != null) ? connector : ownConnector(settings, owned);
		return builder.baseUrl(settings.baseUrl().toString())
			.clientConnector(new AuthorizingConnector(transport, settings.baseUrl(), apiKey))
			.defaultRequest((request) -> request.attribute(SpecoraClient.REQUEST_ATTRIBUTE, Boolean.TRUE))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(HttpTransport.MAX_RESPONSE_BYTES))
			.defaultHeaders((headers) -> {
				headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
				if (settings.isVendorModel()) {
					headers.set(VENDOR_HEADER, settings.vendorId());
					headers.set(TENANT_HEADER, settings.tenantId());
				}
			})
			.build();
	}

	private static ClientHttpConnector ownConnector(SpecoraClientSettings settings, Consumer<Disposable> owned) {
		ConnectionProvider pool = ConnectionProvider.create(POOL_NAME,
				Math.max(ConnectionProvider.DEFAULT_POOL_MAX_CONNECTIONS, SHARED_POOL_MAX_CONNECTIONS));
		owned.accept(pool);
		return new ReactorClientHttpConnector(HttpClient.create(pool)
			.followRedirect(false)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis())));
	}

	private static String readVersion() {
		try (InputStream in = SpecoraClient.class.getResourceAsStream("specora-client.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Specora client version", ex);
		}
	}

}
