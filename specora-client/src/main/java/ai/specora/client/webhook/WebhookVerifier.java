package ai.specora.client.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import javax.crypto.spec.SecretKeySpec;

import ai.specora.client.webhook.WebhookVerificationException.Reason;

/**
 * Verifies webhook requests sent by Specora and turns them into {@link WebhookEvent}s.
 * <p>
 * A request is accepted only if all of these hold, checked in this order; the first
 * that fails decides the {@link Reason} of the {@link WebhookVerificationException}:
 * <ol>
 * <li>the body is at most {@code maxBodySize} bytes ({@link Reason#TOO_LARGE});</li>
 * <li>the {@value #TIMESTAMP_HEADER}, {@value #SIGNATURE_HEADER} and
 * {@value #EVENT_ID_HEADER} headers are present and not blank
 * ({@link Reason#MISSING_HEADER});</li>
 * <li>the timestamp is a number of Unix seconds within {@code tolerance} of the clock,
 * both ends included; a timestamp that is not a plain non-negative decimal number
 * cannot be placed in the window and is refused as {@link Reason#STALE_TIMESTAMP}, so
 * that everything refused before the signature check is an authentication failure
 * ({@link Reason#STALE_TIMESTAMP});</li>
 * <li>the signature header holds at most {@value #MAX_SIGNATURES} comma-separated
 * values (more are refused before any HMAC is computed), and one of its
 * {@code sha256=<hex>} values is the HMAC-SHA256 of {@code <timestamp>.<raw body>} under
 * one of the secrets, compared in constant time; values of other schemes are ignored
 * ({@link Reason#BAD_SIGNATURE});</li>
 * <li>the body is a JSON object with string fields {@code event_id},
 * {@code event_type} and {@code created_at} (ISO-8601), whose {@code event_id} equals the
 * header, and, for a {@code runtime.approval_resolved} event, a complete
 * {@link ApprovalResolved} payload ({@link Reason#MALFORMED});</li>
 * <li>the {@link ReplayStore} has not seen the event id ({@link Reason#REPLAYED}).</li>
 * </ol>
 * The replay store is asked last, so neither forged nor malformed requests record an id;
 * it keeps ids for twice the tolerance (600 s by default), since the window is
 * two-sided. If the store fails, {@link ReplayStoreUnavailableException} is thrown and
 * the event is not accepted.
 * <p>
 * Always pass the raw bytes of the request body as received: JSON parsed and written
 * again does not keep the signed bytes. A header sent on several lines is one
 * comma-separated list (RFC 9110, section 5.3): pass all its lines joined with
 * {@link #joinFieldLines(Iterable)}, not only the first.
 * <p>
 * Instances are immutable and thread-safe. Secrets never appear in {@link #toString()}
 * or in exception messages.
 */
public final class WebhookVerifier {

	/** The header carrying the Unix time in seconds at which the request was signed. */
	public static final String TIMESTAMP_HEADER = "X-Specora-Timestamp";

	/** The header carrying one or more comma-separated {@code sha256=<hex>} signatures. */
	public static final String SIGNATURE_HEADER = "X-Specora-Signature";

	/** The header carrying the event id, also found in the body. */
	public static final String EVENT_ID_HEADER = "X-Specora-Event-Id";

	/**
	 * The largest number of comma-separated values accepted in the
	 * {@value #SIGNATURE_HEADER} header, all its lines together: 8.
	 */
	public static final int MAX_SIGNATURES = 8;

	/** The default tolerance between the timestamp and the clock: 300 seconds. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

	/** The default maximum body size: 1 MiB. */
	public static final int DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

	private static final int MAX_TIMESTAMP_DIGITS = 18;

	private final WebhookSignatureCheck signatureCheck;

	private final Duration tolerance;

	private final Duration replayRetention;

	private final Clock clock;

	private final ReplayStore replayStore;

	private final int maxBodySize;

	WebhookVerifier(List<SecretKeySpec> keys, Duration tolerance, Clock clock, ReplayStore replayStore,
			int maxBodySize) {
		this.signatureCheck = new WebhookSignatureCheck(keys);
		this.tolerance = tolerance;
		this.replayRetention = tolerance.multipliedBy(2);
		this.clock = clock;
		this.replayStore = replayStore;
		this.maxBodySize = maxBodySize;
	}

	/**
	 * Starts a builder.
	 * @return a new builder
	 */
	public static WebhookVerifierBuilder builder() {
		return new WebhookVerifierBuilder();
	}

	/**
	 * Verifies a request given its body and header values.
	 * @param rawBody the exact bytes of the request body
	 * @param timestampHeader the value of {@value #TIMESTAMP_HEADER}, may be {@code null}
	 * @param signatureHeader the value of {@value #SIGNATURE_HEADER}, may be {@code null}
	 * @param eventIdHeader the value of {@value #EVENT_ID_HEADER}, may be {@code null}
	 * @return the verified event, recorded as seen
	 * @throws WebhookVerificationException if the request is refused
	 * @throws ReplayStoreUnavailableException if the replay store cannot answer
	 */
	public WebhookEvent verify(byte[] rawBody, String timestampHeader, String signatureHeader,
			String eventIdHeader) {
		Objects.requireNonNull(rawBody, "rawBody must not be null");
		if (rawBody.length > this.maxBodySize) {
			throw new WebhookVerificationException(Reason.TOO_LARGE,
					"Webhook body exceeds " + this.maxBodySize + " bytes");
		}
		String timestamp = requireHeader(TIMESTAMP_HEADER, timestampHeader);
		String signature = requireHeader(SIGNATURE_HEADER, signatureHeader);
		String eventId = requireHeader(EVENT_ID_HEADER, eventIdHeader);
		checkTimestamp(timestamp);
		this.signatureCheck.check(rawBody, timestamp, signature);
		WebhookEvent event = WebhookEventParser.parse(rawBody, eventId);
		markSeen(eventId);
		return event;
	}

	/**
	 * Verifies a request given its body and a header lookup. The lookup should return
	 * all lines of a header joined with {@link #joinFieldLines(Iterable)}, such as
	 * {@code (name) -> joinFieldLines(headers.get(name))} over Spring's
	 * {@code HttpHeaders}: a lookup that returns only the first line
	 * ({@code headers::getFirst}) misses signatures sent on further lines. The lookup is asked for {@value #TIMESTAMP_HEADER},
	 * {@value #SIGNATURE_HEADER} and {@value #EVENT_ID_HEADER}, and, if it finds nothing,
	 * for the same names in lower case (as HTTP/2 sends them). Header names are case
	 * insensitive: give a lookup that ignores case, or wrap a plain map with
	 * {@link #caseInsensitive(Map)}.
	 * @param rawBody the exact bytes of the request body
	 * @param headers returns the value of the named header, or {@code null}
	 * @return the verified event, recorded as seen
	 * @throws WebhookVerificationException if the request is refused
	 * @throws ReplayStoreUnavailableException if the replay store cannot answer
	 */
	public WebhookEvent verify(byte[] rawBody, Function<String, String> headers) {
		Objects.requireNonNull(headers, "headers must not be null");
		return verify(rawBody, header(headers, TIMESTAMP_HEADER), header(headers, SIGNATURE_HEADER),
				header(headers, EVENT_ID_HEADER));
	}

	/**
	 * Returns a header lookup over a map of header names to values that ignores the case
	 * of names. If the map holds one name in several cases, one of the values is used.
	 * @param headers header names to values
	 * @return a lookup for {@link #verify(byte[], Function)}
	 */
	public static Function<String, String> caseInsensitive(Map<String, String> headers) {
		Objects.requireNonNull(headers, "headers must not be null");
		TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, value) -> {
			if (name != null && value != null) {
				copy.putIfAbsent(name, value);
			}
		});
		return copy::get;
	}

	/**
	 * Joins the lines of one header field into its value, as a recipient may do by RFC
	 * 9110, section 5.3: in order, separated by {@code ", "}. {@code null} lines are
	 * skipped.
	 * @param lines the values of the header's lines in the order received, may be
	 * {@code null}
	 * @return the combined value, or {@code null} when there is no line
	 */
	public static String joinFieldLines(Iterable<String> lines) {
		if (lines == null) {
			return null;
		}
		StringBuilder joined = null;
		for (String line : lines) {
			if (line != null) {
				if (joined == null) {
					joined = new StringBuilder(line);
				}
				else {
					joined.append(", ").append(line);
				}
			}
		}
		return (joined != null) ? joined.toString() : null;
	}

	/**
	 * Returns the tolerance between a request's timestamp and the clock.
	 * @return the tolerance
	 */
	public Duration tolerance() {
		return this.tolerance;
	}

	/**
	 * Returns how long the replay store is asked to keep each event id: twice the
	 * tolerance.
	 * @return the retention
	 */
	public Duration replayRetention() {
		return this.replayRetention;
	}

	/**
	 * Returns the maximum body size in bytes.
	 * @return the maximum body size
	 */
	public int maxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * Returns the number of configured secrets (their values are never exposed).
	 * @return the number of secrets
	 */
	public int secretCount() {
		return this.signatureCheck.keyCount();
	}

	/**
	 * Returns the replay store.
	 * @return the replay store
	 */
	public ReplayStore replayStore() {
		return this.replayStore;
	}

	private static String header(Function<String, String> headers, String name) {
		String value = headers.apply(name);
		return (value != null) ? value : headers.apply(name.toLowerCase(Locale.ROOT));
	}

	private static String requireHeader(String name, String value) {
		String trimmed = (value != null) ? value.strip() : "";
		if (trimmed.isEmpty()) {
			throw new WebhookVerificationException(Reason.MISSING_HEADER, "Missing header " + name);
		}
		return trimmed;
	}

	private void checkTimestamp(String timestamp) {
		long seconds = parseSeconds(timestamp);
		Instant now = this.clock.instant();
		Duration age = Duration.ofSeconds(now.getEpochSecond() - seconds, now.getNano());
		if (seconds < 0 || age.abs().compareTo(this.tolerance) > 0) {
			throw new WebhookVerificationException(Reason.STALE_TIMESTAMP,
					"Timestamp outside the tolerance window");
		}
	}

	/** Returns the seconds, or -1 if the text is not a plain decimal number. */
	private static long parseSeconds(String timestamp) {
		if (timestamp.length() > MAX_TIMESTAMP_DIGITS) {
			return -1;
		}
		long seconds = 0;
		for (int i = 0; i < timestamp.length(); i++) {
			char c = timestamp.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			seconds = seconds * 10 + (c - '0');
		}
		return seconds;
	}

	private void markSeen(String eventId) {
		boolean firstSeen;
		try {
			firstSeen = this.replayStore.markSeen(eventId, this.replayRetention);
		}
		catch (ReplayStoreUnavailableException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ReplayStoreUnavailableException("Webhook replay store failed", ex);
		}
		if (!firstSeen) {
			throw new WebhookVerificationException(Reason.REPLAYED, "Event " + eventId + " was already received");
		}
	}

	@Override
	public String toString() {
		return "WebhookVerifier[secrets=" + secretCount() + ", tolerance=" + this.tolerance + ", maxBodySize="
				+ this.maxBodySize + ", replayStore=" + this.replayStore + "]";
	}

}
