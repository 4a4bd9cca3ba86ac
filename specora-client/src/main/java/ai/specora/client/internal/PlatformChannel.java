package ai.specora.client.internal;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's transport as the Platform API ({@code ai.specora.client.platform}) uses
 * it: the same connection pool, retries, deadline, idempotency keys, response checks,
 * typed exceptions, fail mode and {@code onError} callback as the runtime calls.
 * Implemented by the client, which hands one to the platform client it builds; the
 * platform package knows the client through this interface only.
 * <p>
 * Not API: may change without notice.
 */
public interface PlatformChannel {

	/**
	 * A POST that is not a decision: a failure after retries is the client's
	 * {@code SpecoraUnavailableException}. A new idempotency key is drawn for the call and
	 * reused by its retries (and by every subscription of the returned {@code Mono}).
	 * @param path the path below the base URL
	 * @param body the request body
	 * @param description the call, for messages, e.g. {@code recordExecution}
	 * @param decoder turns the 2xx body into the result, throwing on malformed content
	 * @param <T> the result type
	 * @return the result
	 */
	<T> Mono<T> post(String path, Object body, String description, Function<byte[], T> decoder);

	/**
	 * A POST that is not a decision, under the caller's idempotency key: the same key on
	 * every subscription, so a caller that keeps the key (in a durable queue, say) and
	 * sends the call again later, even from another process, has it recorded once.
	 * @param path the path below the base URL
	 * @param body the request body
	 * @param description the call, for messages, e.g. {@code recordExecution}
	 * @param decoder turns the 2xx body into the result, throwing on malformed content
	 * @param idempotencyKey the {@code Idempotency-Key} of the call
	 * @param <T> the result type
	 * @return the result
	 */
	<T> Mono<T> post(String path, Object body, String description, Function<byte[], T> decoder,
			UUID idempotencyKey);

	/**
	 * A GET that is not a decision.
	 * @param path the path template below the base URL (may hold a query)
	 * @param uriVariables the values of the template's variables
	 * @param description the call, for messages, e.g. {@code getRiskScore}
	 * @param decoder turns the 2xx body into the result, throwing on malformed content
	 * @param <T> the result type
	 * @return the result
	 */
	<T> Mono<T> get(String path, Object[] uriVariables, String description, Function<byte[], T> decoder);

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
	<T> Mono<T> getBinary(String path, Object[] uriVariables, String accept, String description,
			Function<byte[], T> decoder);

	/**
	 * A POST that is a decision: with no answer after retries the client's fail mode
	 * decides — the client's {@code FailClosedException} when closed, {@code failOpen}
	 * (with one warning line on {@code failOpenLogger}) when open. 4xx errors are raised
	 * whatever the fail mode.
	 * @param path the path below the base URL
	 * @param body the request body
	 * @param description the call, for messages, e.g. {@code checkPolicy}
	 * @param subject what is decided about, for messages, e.g. {@code policy of pr_run 'run-1'}
	 * @param failOpenLogger where the fail-open warning goes (the calling client's category)
	 * @param decoder turns the 2xx body into the result, throwing on malformed content
	 * @param failOpen the result under the open fail mode when no decision was had
	 * @param <T> the result type
	 * @return the decision
	 */
	<T> Mono<T> decide(String path, Object body, String description, String subject, Logger failOpenLogger,
			Function<byte[], T> decoder, Supplier<T> failOpen);

	/**
	 * The client's own refusal of a request it will not send, e.g. one that strict mode
	 * forbids: the client's {@code ValidationException}, not reported to {@code onError}.
	 * @param message the message, naming the setting or the call at fault
	 * @return the exception, to be raised by the caller
	 */
	RuntimeException invalidRequest(String message);

	/**
	 * Whether the client is set up for the vendor-reseller model (Model B): it has a
	 * vendor id and a tenant id.
	 * @return {@code true} for Model B
	 */
	boolean isVendorModel();

	/**
	 * The JSON mapper of the client (snake_case, strict bodies), for encoding and
	 * decoding platform bodies exactly as the runtime bodies are; created by the first
	 * call that needs it, so call this per use rather than keeping the result at start-up.
	 * @return the mapper
	 */
	JsonMapper jsonMapper();

}
