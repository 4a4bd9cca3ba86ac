package ai.specora.client;

import java.net.URI;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

/**
 * A connector that answers every request with the response set last, without any
 * network: the real client, its transport and its decoders run over it. Used by one
 * thread at a time (the fuzz tests); {@link #respond} is called before each call.
 */
final class InMemoryConnector implements ClientHttpConnector {

	private int status = 200;

	private HttpHeaders headers = new HttpHeaders();

	private byte[] body = new byte[0];

	private int requests;

	/**
	 * Sets the response of the following requests.
	 * @param status the status code
	 * @param headers the response headers
	 * @param body the response body
	 */
	void respond(int status, HttpHeaders headers, byte[] body) {
		this.status = status;
		this.headers = headers;
		this.body = body;
	}

	/**
	 * How many requests were sent.
	 * @return the number of requests so far
	 */
	int requests() {
		return this.requests;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		this.requests++;
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		int status = this.status;
		HttpHeaders headers = this.headers;
		byte[] body = this.body;
		return requestCallback.apply(request).then(Mono.fromSupplier(() -> {
			MockClientHttpResponse response = new MockClientHttpResponse(status);
			response.getHeaders().putAll(headers);
			response.setBody(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body.clone())));
			return response;
		}));
	}

}
