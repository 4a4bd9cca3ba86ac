package ai.specora.localauthority;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import ai.specora.client.webhook.WebhookSignatures;

/**
 * Posts signed events to the configured webhook URL in the background: never blocks
 * the caller, retries connection failures, 408, 429 and 5xx with exponential backoff,
 * bounds the deliveries in flight and logs the events it gives up on.
 */
final class WebhookSender implements AutoCloseable {

	static final String TIMESTAMP_HEADER = "X-Specora-Timestamp";

	static final String SIGNATURE_HEADER = "X-Specora-Signature";

	static final String EVENT_ID_HEADER = "X-Specora-Event-Id";

	private static final int MAX_IN_FLIGHT = 256;

	private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(WebhookSender.class);

	private final LocalAuthoritySettings settings;

	private final String secret;

	private final Clock clock;

	private final int maxAttempts;

	private final Duration backoff;

	private final JsonMapper mapper;

	private final ConnectionProvider connections;

	private final WebClient webClient;

	private final Sinks.One<Boolean> closing = Sinks.one();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicInteger inFlight = new AtomicInteger();

	WebhookSender(LocalAuthoritySettings settings, JsonMapper mapper) {
		this.settings = settings;
		this.secret = settings.webhookSecret();
		this.clock = settings.clock();
		this.maxAttempts = settings.webhookMaxAttempts();
		this.backoff = settings.webhookRetryBackoff();
		this.mapper = mapper;
		this.connections = ConnectionProvider.builder("specora-local-authority-webhooks").maxConnections(16).build();
		HttpClient httpClient = HttpClient.create(this.connections).responseTimeout(ATTEMPT_TIMEOUT);
		this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
	}

	/**
	 * Schedules the delivery of an event; does nothing without a webhook URL.
	 * @param event the event
	 */
	void send(Wire.WebhookEvent event) {
		if (!this.settings.hasWebhooks() || this.closed.get()) {
			return;
		}
		URI url = target(event);
		if (url == null) {
			return;
		}
		if (this.inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
			this.inFlight.decrementAndGet();
			logger.warn("Dropped webhook event {} ({}): {} deliveries already in flight", event.eventId(),
					event.eventType(), MAX_IN_FLIGHT);
			return;
		}
		byte[] body = this.mapper.writeValueAsBytes(event);
		Mono.defer(() -> post(url, event.eventId(), body))
			.retryWhen(Retry.backoff(this.maxAttempts - 1L, this.backoff)
				.maxBackoff(MAX_BACKOFF)
				.filter(WebhookSender::isRetryable)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.takeUntilOther(this.closing.asMono())
			.doFinally((signal) -> this.inFlight.decrementAndGet())
			.subscribe(null,
					(ex) -> logger.warn("Webhook event {} ({}) not delivered to {}: {}", event.eventId(),
							event.eventType(), url, ex.toString()),
					() -> {
						if (logger.isDebugEnabled()) {
							logger.debug("Webhook event {} ({}) delivered", event.eventId(), event.eventType());
						}
					});
	}

	private URI target(Wire.WebhookEvent event) {
		URI url;
		try {
			url = this.settings.webhookUrl();
			if (url != null) {
				SettingsValidation.requireHttp(url);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Dropped webhook event {} ({}): no usable webhook URL: {}", event.eventId(),
					event.eventType(), ex.toString());
			return null;
		}
		if (url == null) {
			logger.warn("Dropped webhook event {} ({}): the webhook URL is not known yet", event.eventId(),
					event.eventType());
		}
		return url;
	}

	private Mono<Void> post(URI url, String eventId, byte[] body) {
		long timestamp = this.clock.instant().getEpochSecond();
		return this.webClient.post()
			.uri(url)
			.contentType(MediaType.APPLICATION_JSON)
			.header(TIMESTAMP_HEADER, Long.toString(timestamp))
			.header(SIGNATURE_HEADER, WebhookSignatures.sign(this.secret, timestamp, body))
			.header(EVENT_ID_HEADER, eventId)
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.timeout(ATTEMPT_TIMEOUT)
			.then();
	}

	private static boolean isRetryable(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			int status = response.getStatusCode().value();
			return status == 408 || status == 429 || status >= 500;
		}
		return ex instanceof WebClientRequestException || ex instanceof TimeoutException;
	}

	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.closing.tryEmitValue(Boolean.TRUE);
			this.connections.dispose();
		}
	}

}
