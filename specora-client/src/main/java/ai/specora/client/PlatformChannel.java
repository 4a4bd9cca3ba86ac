package ai.specora.client;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/**
 * The client's transport as the Platform API ({@link ai.specora.client.platform}) uses
 * it: the same connection pool, retries, deadline, idempotency keys, response checks,
 * typed exceptions, fail mode and {@code onError} callback as the runtime calls.
 * <p>
 * An internal type: it cannot be created outside this package, and applications reach
 * the platform calls through {@link SpecoraClient#platform()} and
 * {@link ReactiveSpecoraClient#platform()}.
 */
public final class PlatformChannel {

	private static final Logger logger = LoggerFactory.getLogger(PlatformChannel.class);

	private final HttpTransport transport;

	private final ClientResources resources;

	private final SpecoraClientSettings settings;

	private final Consumer<SpecoraException> onError;

	PlatformChannel(HttpTransport transport, ClientResources resources, SpecoraClientSettings settings,
			Consumer<SpecoraException> onError) {
		this.transport = transport;
		this.resources = resources;
		this.settings = settings;
		this.onError = (onError != null) ? onError : (ex) -> {
		};
	}

	/**
	 * A POST that is not a decision: a failure after retries is a
	 * {@link SpecoraUnavailableException}. A new idempotency key is drawn for the call and
	 * reused by its retries (and by every subscription of the returned {@code Mono}).
	 * @param path the path below the base URL
	 * @param body the request body
	 * @param description the call, for messages, e.g. {@code recordExecution}
	 * @param decoder turns the 2xx body into the result, throwing on malformed content
	 * @param <T> the result type
	 * @return the result
	 */
	public <T> Mono<T> post(String path, Object body, String description, Function<byte[], T> decoder) {
		return execute(postCall(path, body, description, decoder));
	}

	/**
	 * A GET that is not a decision.
	 * @param path the path template below the base URL (may hold a query)
	 * @param uriVariables the values of the template's variables
	 * @param description the call, for messages, e.g. {@code getRiskScore}
	 * @param decoder turns the 2xx body into the result, throwing on malformed content
	 * @param <T> the result type
	 * @return the result
	 */
	public <T> Mono<T> get(String path, Object[] uriVariables, String description, Function<byte[], T> decoder) {
		return execute(new HttpTransport.Call<>(HttpMethod.GET, path, uriVariables.clone(), null, null, true,
				description, decoder));
	}

	/**
	 * A GET of a body that is not JSON (a ZIP, a PEM file): capped, retried and turned
	 * into typed exceptions like every call, but not checked as UTF-8, and asking for
	 * the given media types instead of JSON.
	 * @param path the path template below the base URL
	 * @param uriVariables the values of the template's variables
	 * @param accept the {@code Accept} header, e.g. {@code application/zip}
	 * @param description the call, for messages, e.g. {@code downloadEvidenceBundle}
	 * @param decoder turns the 2xx body into the result, throwing on malformed content
	 * @param <T> the result type
	 * @return the result
	 */
	public <T> Mono<T> getBinary(String path, Object[] uriVariables, String accept, String description,
			Function<byte[], T> decoder) {
		return execute(new HttpTransport.Call<>(HttpMethod.GET, path, uriVariables.clone(), null, null, true,
				description, new HttpTransport.BinaryDecoder<>(accept, decoder)));
	}

	/**
	 * A POST that is a decision: with no answer after retries the fail mode decides —
	 * {@link FailClosedException} under {@link FailMode#CLOSED}, {@code failOpen} (with
	 * one warning line on {@code failOpenLogger}) under {@link FailMode#OPEN}. 4xx errors are
	 * raised whatever the fail mode.
	 * @param path the path below the base URL
	 * @param body the request body
	 * @param description the call, for messages, e.g. {@code checkPolicy}
	 * @param subject what is decided about, for messages, e.g. {@code policy of pr_run 'run-1'}
	 * @param failOpenLogger where the fail-open warning goes (the calling client's category)
	 * @param decoder turns the 2xx body into the result, throwing on malformed content
	 * @param failOpen the result under {@link FailMode#OPEN} when no decision was had
	 * @param <T> the result type
	 * @return the decision
	 */
	public <T> Mono<T> decide(String path, Object body, String description, String subject, Logger failOpenLogger,
			Function<byte[], T> decoder, Supplier<T> failOpen) {
		HttpTransport.Call<T> call = postCall(path, body, description, decoder);
		return this.transport.execute(call)
			.onErrorResume(SpecoraUnavailableException.class,
					(ex) -> FailModes.apply(failOpenLogger, this.settings.failMode(), description, subject,
							call.idempotencyKey(), ex, failOpen, this::notifyError))
			.doOnError(SpecoraException.class, this::notifyError);
	}

	/**
	 * The JSON mapper of the client (snake_case, strict bodies), for encoding and
	 * decoding platform bodies exactly as the runtime bodies are; created by the first
	 * call that needs it, so call this per use rather than keeping the result at start-up.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.resources.jsonMapper();
	}

	/**
	 * The client's settings (never the API key).
	 * @return the settings
	 */
	public SpecoraClientSettings settings() {
		return this.settings;
	}

	private <T> HttpTransport.Call<T> postCall(String path, Object body, String description,
			Function<byte[], T> decoder) {
		Objects.requireNonNull(body, "body must not be null");
		return new HttpTransport.Call<>(HttpMethod.POST, path, new Object[0], body, UUID.randomUUID().toString(), true,
				description, decoder);
	}

	private <T> Mono<T> execute(HttpTransport.Call<T> call) {
		return this.transport.execute(call).doOnError(SpecoraException.class, this::notifyError);
	}

	private void notifyError(SpecoraException error) {
		try {
			this.onError.accept(error);
		}
		catch (RuntimeException ex) {
			logger.warn("Specora onError callback failed; the call goes on", ex);
		}
	}

	@Override
	public String toString() {
		return "PlatformChannel[" + SpecoraClient.describe(this.settings) + "]";
	}

}
