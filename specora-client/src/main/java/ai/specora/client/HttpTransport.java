package ai.specora.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one logical call to the authority: serialises the body once, makes up to
 * {@code retries + 1} attempts with the same idempotency key, backs off with full
 * jitter (or as {@code Retry-After} says), never runs past the call's deadline, and
 * turns the last failure into a typed {@link SpecoraException}.
 */
final class HttpTransport {

	static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

	static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	static final String RETRY_COUNT_HEADER = "X-Specora-Retry-Count";

	static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	static final String REQUEST_ID_HEADER = "X-Request-Id";

	/**
	 * Where WebClient keeps the URI template of a request, read by its observation
	 * convention for the {@code uri} key value (checked by the observability tests).
	 */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private static final Logger logger = LoggerFactory.getLogger(HttpTransport.class);

	private final ClientResources resources;

	private final SpecoraClientSettings settings;

	private final Clock clock;

	private final String baseUrl;

	private final AttemptTimer attemptTimer;

	private final Map<String, URI> fixedUris = new ConcurrentHashMap<>();

	private volatile boolean closed;

	private final AuthorityCircuitBreaker circuitBreaker;

	HttpTransport(ClientResources resources, SpecoraClientSettings settings, Clock clock) {
		this(resources, settings, clock, new AttemptTimer());
	}

	HttpTransport(ClientResources resources, SpecoraClientSettings settings, Clock clock,
			AttemptTimer attemptTimer) {
		this.resources = resources;
		this.settings = settings;
		this.clock = clock;
		this.baseUrl = settings.baseUrl().toString();
		this.attemptTimer = attemptTimer;
		this.circuitBreaker = settings.circuitBreaker().enabled()
				? new AuthorityCircuitBreaker(settings.circuitBreaker(), BaseUrls.redact(this.baseUrl)) : null;
	}

	/**
	 * Executes a call; the returned {@code Mono} does nothing until subscribed, and each
	 * subscription is a new logical call with the same idempotency key.
	 */
	<T> Mono<T> execute(Call<T> call) {
		Mono<T> execution = Mono.defer(() -> {
			if (this.closed) {
				return Mono.error(closed());
			}
			byte[] body;
			try {
				body = (call.body() != null) ? this.resources.jsonMapper().writeValueAsBytes(call.body()) : null;
			}
			catch (JacksonException ex) {
				return Mono.error(new ValidationException("Specora " + call.description()
						+ " request body cannot be serialised to JSON: " + ex.getOriginalMessage(),
						SpecoraException.ErrorDetails.NONE));
			}
			long deadlineAt = System.nanoTime() + this.settings.deadline().toNanos();
			return run(call, body, 1, deadlineAt);
		});
		if (isWarm()) {
			return guard(execution, call);
		}
		// the first call creates the HTTP client, JSON mapper and circuit breaker, which
		// loads classes and may wait for another thread's warm-up: never on the
		// subscriber's (event loop) thread
		return Mono.fromRunnable(this::warmUp)
			.subscribeOn(Schedulers.boundedElastic())
			.then(Mono.defer(() -> guard(execution, call)));
	}

	/**
	 * The whole call, retries included, under the circuit breaker, if there is one: a
	 * decision counts for it, any other call is only refused while it is open.
	 */
	private <T> Mono<T> guard(Mono<T> execution, Call<T> call) {
		if (this.circuitBreaker == null) {
			return execution;
		}
		return call.decision() ? this.circuitBreaker.guard(execution, call.description())
				: this.circuitBreaker.gate(execution, call.description());
	}

	/**
	 * Creates what the calls need (HTTP client, JSON mapper, circuit breaker) now, if
	 * not created yet.
	 */
	void warmUp() {
		this.resources.warmUp();
		if (this.circuitBreaker != null) {
			this.circuitBreaker.warmUp();
		}
	}

	boolean isWarm() {
		return this.resources.isWarm() && (this.circuitBreaker == null || this.circuitBreaker.isWarm());
	}

	/**
	 * The state of the client's circuit breaker.
	 */
	CircuitBreakerState circuitBreakerState() {
		return (this.circuitBreaker != null) ? this.circuitBreaker.state() : CircuitBreakerState.DISABLED;
	}

	/**
	 * Ends the transport: calls not yet started fail with an
	 * {@link IllegalStateException}, the client's share of the attempt timer is given
	 * back, and what the client created for itself is released. Idempotent.
	 */
	void close() {
		this.closed = true;
		this.attemptTimer.close();
		this.resources.close();
	}

	boolean isClosed() {
		return this.closed;
	}

	private static IllegalStateException closed() {
		return new IllegalStateException("The Specora client is closed");
	}

	private <T> Mono<T> run(Call<T> call, byte[] body, int attempt, long deadlineAt) {
		if (this.closed) {
			return Mono.error(closed());
		}
		long remaining = deadlineAt - System.nanoTime();
		Duration attemptTimeout = min(this.settings.timeout(), Duration.ofNanos(Math.max(remaining, 0)));
		return attempt(call, body, attempt, attemptTimeout).onErrorResume(AttemptFailure.class, (failure) -> {
			if (this.closed) {
				// the attempt was cut short by the client's close, not by the authority
				return Mono.error(closed());
			}
			if (!failure.retryable() || !call.retried() || attempt > this.settings.retries()) {
				return Mono.error(toException(call, failure, attempt, null));
			}
			Duration delay = backoff(failure, attempt);
			long left = deadlineAt - System.nanoTime();
			if (delay.toNanos() >= left) {
				return Mono.error(toException(call, failure, attempt, "the call's deadline of "
						+ this.settings.deadline().toMillis() + " ms leaves no time for another attempt"));
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Specora {} attempt {} failed ({}); retrying in {} ms", call.description(), attempt,
						failure.getMessage(), delay.toMillis());
			}
			return Mono.delay(delay).then(Mono.defer(() -> run(call, body, attempt + 1, deadlineAt)));
		});
	}

	private <T> Mono<T> attempt(Call<T> call, byte[] body, int attempt, Duration timeout) {
		if (timeout.isZero()) {
			return Mono.error(AttemptFailure.transport("the call's deadline was reached", null, 0, null));
		}
		WebClient.RequestBodySpec spec = uriOf(this.resources.webClient().method(call.method()), call).headers((headers) -> {
				headers.set(RETRY_COUNT_HEADER, Integer.toString(attempt - 1));
				if (call.idempotencyKey() != null) {
					headers.set(IDEMPOTENCY_KEY_HEADER, call.idempotencyKey());
				}
				if (call.decoder() instanceof BinaryDecoder<?> binary) {
					headers.set("Accept", binary.accept());
				}
			});
		WebClient.RequestHeadersSpec<?> request = (body != null)
				? spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : spec;
		return this.attemptTimer.limit(request.exchangeToMono((response) -> handle(call, response)), timeout)
			.onErrorMap((ex) -> !(ex instanceof AttemptFailure), (ex) -> transportFailure(ex, timeout, 0, null));
	}

	/**
	 * Sets the URL of a call: built once for each path without variables (the runtime
	 * calls), with the path kept as the observation's URI template as WebClient itself
	 * would keep it; expanded by WebClient for the others.
	 */
	private WebClient.RequestBodySpec uriOf(WebClient.RequestBodyUriSpec spec, Call<?> call) {
		if (call.uriVariables().length != 0) {
			return spec.uri(call.path(), call.uriVariables());
		}
		URI uri = this.fixedUris.computeIfAbsent(call.path(), (path) -> URI.create(this.baseUrl + path));
		return spec.uri(uri).attribute(URI_TEMPLATE_ATTRIBUTE, uri.toString());
	}

	private <T> Mono<T> handle(Call<T> call, ClientResponse response) {
		int status = response.statusCode().value();
		String requestId = response.headers().asHttpHeaders().getFirst(REQUEST_ID_HEADER);
		if (status >= 200 && status < 300) {
			OptionalLong length = response.headers().contentLength();
			if (length.isPresent() && length.getAsLong() > MAX_RESPONSE_BYTES) {
				// exchangeToMono releases the unread body
				return Mono.error(AttemptFailure.transport("response body of " + length.getAsLong()
						+ " bytes exceeds the 10 MiB limit", null, status, requestId));
			}
			return response.bodyToMono(byte[].class)
				.onErrorMap((ex) -> !(ex instanceof AttemptFailure),
						(ex) -> transportFailure(ex, this.settings.timeout(), status, requestId))
				.switchIfEmpty(Mono.error(() -> AttemptFailure.transport("empty response body", null, status,
						requestId)))
				.map((bytes) -> decode(call, bytes, status, requestId));
		}
		if (status >= 300 && status < 400) {
			return Mono.error(AttemptFailure.transport(
					"redirect (HTTP " + status + ") refused: redirects are never followed", null, status, requestId));
		}
		Duration retryAfter = RetryAfter.parse(response.headers().asHttpHeaders().getFirst("Retry-After"),
				this.clock);
		Mono<DataBuffer> errorBody = DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()),
					MAX_ERROR_BODY_BYTES));
		return errorBody.map(this::readAndRelease)
			.defaultIfEmpty("")
			.onErrorReturn("")
			.flatMap((text) -> Mono.error(errorFor(status, requestId, text, retryAfter)));
	}

	private String readAndRelease(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private AttemptFailure errorFor(int status, String requestId, String text, Duration retryAfter) {
		String code = null;
		String message = null;
		JsonNode details = null;
		if (!text.isBlank()) {
			try {
				JsonNode error = this.resources.jsonMapper().readTree(text).path("error");
				code = textOrNull(error.path("code"));
				message = textOrNull(error.path("message"));
				details = error.path("details").isObject() ? error.path("details") : null;
			}
			catch (JacksonException ex) {
				// not JSON: the status alone says what happened
				logger.debug("Error body of HTTP {} is not JSON", status);
			}
		}
		return AttemptFailure.status(status, requestId, code, message, details, retryAfter);
	}

	private static String textOrNull(JsonNode node) {
		return (node.isString() || node.isNumber()) ? node.asString() : null;
	}

	private <T> T decode(Call<T> call, byte[] bytes, int status, String requestId) {
		if (!(call.decoder() instanceof BinaryDecoder<?>) && !Utf8.isWellFormed(bytes)) {
			// JSON is UTF-8; Jackson does not check the bytes of every field name
			throw AttemptFailure.transport("malformed response body: not UTF-8", null, status, requestId);
		}
		try {
			return call.decoder().apply(bytes);
		}
		catch (RuntimeException ex) {
			// whatever the decoder refuses is a malformed response, retried like any other
			throw AttemptFailure.transport("malformed response body: " + conciseMessage(ex), null, status,
					requestId);
		}
	}

	private static String conciseMessage(Exception ex) {
		if (ex instanceof JacksonException jackson) {
			return jackson.getOriginalMessage();
		}
		return ex.getMessage();
	}

	private static AttemptFailure transportFailure(Throwable ex, Duration timeout, int status, String requestId) {
		if (ex instanceof TimeoutException) {
			return AttemptFailure.transport("no response within " + timeout.toMillis() + " ms", ex, status,
					requestId);
		}
		if (hasCause(ex, DataBufferLimitException.class)) {
			return AttemptFailure.transport("response body exceeds the 10 MiB limit", ex, status, requestId);
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String detail = root.getClass().getSimpleName()
				+ ((root.getMessage() != null) ? ": " + root.getMessage() : "");
		return AttemptFailure.transport("transport failure (" + detail + ")", ex, status, requestId);
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private Duration backoff(AttemptFailure failure, int attempt) {
		if (failure.retryAfter() != null) {
			return failure.retryAfter();
		}
		return new Backoff(this.settings.retryBackoff(), this.settings.maxRetryBackoff(), Backoff.Jitter.FULL)
			.delay(attempt);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private SpecoraException toException(Call<?> call, AttemptFailure failure, int attempts, String stopReason) {
		SpecoraException.ErrorDetails details = new SpecoraException.ErrorDetails(failure.statusCode(),
				failure.requestId(), failure.code(), attempts, failure.retryable());
		String serverMessage = (failure.code() != null || failure.getMessage() != null)
				? " [" + ((failure.code() != null) ? failure.code() + ": " : "")
						+ ((failure.getMessage() != null) ? failure.getMessage() : "") + "]"
				: "";
		String requestIdText = (failure.requestId() != null) ? " (request id " + failure.requestId() + ")" : "";
		if (failure.isClientError()) {
			return ClientErrors.create(call.description(), failure, details, serverMessage + requestIdText);
		}
		String what = (failure.statusCode() >= 400) ? "HTTP " + failure.statusCode() + serverMessage
				: failure.getMessage();
		String message = "Specora " + call.description() + " failed after " + attempts
				+ ((attempts == 1) ? " attempt: " : " attempts: ") + what + requestIdText
				+ ((stopReason != null) ? "; " + stopReason : "");
		return new SpecoraUnavailableException(message, failure.getCause(), details);
	}

	/**
	 * One logical call.
	 *
	 * @param method the HTTP method
	 * @param path the path template below the base URL, e.g. {@code /v1/runtime/enforce}
	 * @param uriVariables the values of the template's variables
	 * @param body the request body, or {@code null}
	 * @param idempotencyKey the {@code Idempotency-Key}, or {@code null} for GET
	 * @param retried whether transient failures are retried
	 * @param description what the call does, for messages, e.g. {@code enforce}
	 * @param decoder turns the 2xx body into the result; any exception it throws makes the
	 * response malformed (retried, then reported with its status and request id)
	 * @param <T> the result type
	 */
	/**
	 * The decoder of a body that is not JSON (a ZIP, a PEM file): it gets the bytes
	 * without the UTF-8 check, and the call asks for its media types.
	 */
	record BinaryDecoder<T>(String accept, Function<byte[], T> decoder) implements Function<byte[], T> {

		@Override
		public T apply(byte[] bytes) {
			return this.decoder.apply(bytes);
		}

	}

	/**
	 * One logical call.
	 * @param decision whether the call asks for a decision (or checks the authority's
	 * health): only such calls count for the circuit breaker; the others (completions,
	 * journal reads, records) are refused while it is open, but their failures never
	 * open it, so that a backlog of background deliveries cannot fail decisions the
	 * authority still answers
	 */
	record Call<T>(HttpMethod method, String path, Object[] uriVariables, Object body, String idempotencyKey,
			boolean retried, String description, Function<byte[], T> decoder, boolean decision) {
	}

}
