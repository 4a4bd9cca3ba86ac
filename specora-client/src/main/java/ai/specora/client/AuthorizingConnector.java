package ai.specora.client;

import java.net.URI;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;

/**
 * The last step before the wire: refuses any request whose URL is not under the
 * configured base URL, and only then adds the {@code Authorization} header to the HTTP
 * request itself. The key is never part of the {@code WebClient}'s request, so no filter,
 * observation handler or request log line above the connector can see it.
 */
final class AuthorizingConnector implements ClientHttpConnector {

	private final ClientHttpConnector delegate;

	private final URI baseUrl;

	private final String basePath;

	private final int basePort;

	private final String authorization;

	AuthorizingConnector(ClientHttpConnector delegate, URI baseUrl, String apiKey) {
		this.delegate = delegate;
		this.baseUrl = baseUrl;
		this.basePath = (baseUrl.getRawPath() != null) ? baseUrl.getRawPath() : "";
		this.basePort = port(baseUrl);
		this.authorization = "Bearer " + apiKey;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		if (!isUnderBaseUrl(uri)) {
			return Mono.error(new IllegalStateException("the request URL " + uri.getScheme() + "://"
					+ uri.getRawAuthority() + uri.getRawPath() + " is not under the configured base URL "
					+ this.baseUrl + "; refused before sending, the API key was not sent"));
		}
		return this.delegate.connect(method, uri, (request) -> {
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.authorization);
			return requestCallback.apply(request);
		});
	}

	boolean isUnderBaseUrl(URI uri) {
		if (uri.getRawUserInfo() != null || uri.getHost() == null
				|| !this.baseUrl.getScheme().equalsIgnoreCase(uri.getScheme())
				|| !this.baseUrl.getHost().equalsIgnoreCase(uri.getHost()) || port(uri) != this.basePort) {
			return false;
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		if (!path.startsWith(this.basePath)
				|| (path.length() > this.basePath.length() && path.charAt(this.basePath.length()) != '/')) {
			return false;
		}
		return !path.contains("/../") && !path.endsWith("/..") && !path.contains("%2e") && !path.contains("%2E");
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	@Override
	public String toString() {
		return "AuthorizingConnector[baseUrl=" + this.baseUrl + ", delegate=" + this.delegate + "]";
	}

}
