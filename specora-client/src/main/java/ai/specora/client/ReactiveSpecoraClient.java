package ai.specora.client;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Consumer;

import ai.specora.client.platform.PlatformCallInterceptor;
import ai.specora.client.platform.PlatformSettings;
import ai.specora.client.platform.ReactivePlatformClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

/**
 * The reactive form of the Specora client, for WebFlux applications: every call
 * returns a {@link Mono} that does nothing until subscribed and never blocks.
 * <p>
 * Obtain it from {@link SpecoraClient#reactive()}; the blocking methods of
 * {@link SpecoraClient} are these same calls, awaited.
 */
public final class ReactiveSpecoraClient {

	private static final Logger logger = LoggerFactory.getLogger(ReactiveSpecoraClient.class);

	private static final Object[] NO_VARIABLES = {};

	// the constants, copied once (never written)

	private static final Decision[] DECISIONS = Decision.values();

	private static final CompletionStatus[] COMPLETION_STATUSES = CompletionStatus.values();

	private static final JournalStatus[] JOURNAL_STATUSES = JournalStatus.values();

	private static final ApprovalState[] APPROVAL_STATES = ApprovalState.values();

	private final HttpTransport transport;

	private final ClientResources resources;

	private final SpecoraClientSettings settings;

	private final Consumer<EnforcementResult> onDecision;

	private final Consumer<SpecoraException> onError;

	private final ReactivePlatformClient platform;

	ReactiveSpecoraClient(HttpTransport transport, ClientResources resources, SpecoraClientSettings settings,
			Consumer<EnforcementResult> onDecision, Consumer<SpecoraException> onError,
			PlatformSettings platformSettings, PlatformCallInterceptor platformInterceptor) {
		this.transport = transport;
		this.resources = resources;
		this.settings = settings;
		this.onDecision = onDecision;
		this.onError = onError;
		this.platform = new ReactivePlatformClient(new TransportPlatformChannel(transport, resources, settings, onError),
				platformSettings, platformInterceptor);
	}

	/**
	 * Asks the authority for a decision and, on allow, reserves the estimated cost until
	 * completion. Block and suspend are returned, not raised.
	 * @param request the action
	 * @return the decision; under {@link FailMode#OPEN} an allow with source
	 * {@link DecisionSource#FAIL_OPEN} when no decision could be had
	 * @throws FailClosedException (as the Mono's error) when no decision could be had
	 * under {@link FailMode#CLOSED}
	 * @throws SpecoraClientException (as the Mono's error) when the authority refused
	 * the request (4xx), whatever the fail mode
	 */
	public Mono<EnforcementResult> enforce(EnforceRequest request) {
		return decide(request, "/v1/runtime/enforce", "enforce", false, this.settings.failMode());
	}

	/**
	 * Asks the authority for a decision as {@link #enforce(EnforceRequest)} does, with
	 * the given fail mode instead of the client's: for callers whose governed action has
	 * a fail mode of its own.
	 * @param request the action
	 * @param failMode what the call becomes when no decision could be had
	 * @return the decision; under {@link FailMode#OPEN} an allow with source
	 * {@link DecisionSource#FAIL_OPEN} when no decision could be had
	 * @throws FailClosedException (as the Mono's error) when no decision could be had
	 * under {@link FailMode#CLOSED}
	 * @throws SpecoraClientException (as the Mono's error) when the authority refused
	 * the request (4xx), whatever the fail mode
	 */
	public Mono<EnforcementResult> enforce(EnforceRequest request, FailMode failMode) {
		Objects.requireNonNull(failMode, "failMode must not be null");
		return decide(request, "/v1/runtime/enforce", "enforce", false, failMode);
	}

	/**
	 * Dry-runs an enforcement: the decision the authority would make, with nothing
	 * reserved and nothing to complete.
	 * @param request the action
	 * @return the decision whose source is {@link DecisionSource#SIMULATION}
	 */
	public Mono<EnforcementResult> simulate(EnforceRequest request) {
		return decide(request, "/v1/runtime/simulate", "simulate", true, this.settings.failMode());
	}

	/**
	 * Reports how an allowed action ended, settling its reservation. Delivering the
	 * same {@link Completion} again is recorded once (its request id is the
	 * idempotency key).
	 * @param journalId the journal id of the allowed enforcement
	 * @param completion how the action ended
	 * @return the acknowledgement
	 */
	public Mono<CompletionResult> complete(String journalId, Completion completion) {
		Objects.requireNonNull(completion, "completion must not be null");
		if (journalId == null || journalId.isBlank()) {
			return Mono.error(new ValidationException("journalId must not be empty", SpecoraException.ErrorDetails.NONE));
		}
		String requestId = completion.requestId().toString();
		Wire.CompleteBody body = new Wire.CompleteBody(requestId, journalId, completion.status().wireName(),
				completion.costActual(), completion.volumeActual(),
				(completion.duration() != null) ? completion.duration().toMillis() : null, completion.error());
		HttpTransport.Call<CompletionResult> call = new HttpTransport.Call<>(HttpMethod.POST, "/v1/runtime/complete",
				NO_VARIABLES, body, requestId, true, "complete", this::decodeCompletion, false);
		return this.transport.execute(call).doOnError(SpecoraException.class, this::notifyError);
	}

	/**
	 * Reads a journal entry, e.g. to follow a suspended action's approval.
	 * @param journalId the journal id
	 * @return the entry
	 */
	public Mono<JournalEntry> journal(String journalId) {
		if (journalId == null || journalId.isBlank()) {
			return Mono.error(new ValidationException("journalId must not be empty", SpecoraException.ErrorDetails.NONE));
		}
		HttpTransport.Call<JournalEntry> call = new HttpTransport.Call<>(HttpMethod.GET,
				"/v1/runtime/journal/{journalId}", new Object[] { journalId }, null, null, true, "journal",
				this::decodeJournal, false);
		return this.transport.execute(call).doOnError(SpecoraException.class, this::notifyError);
	}

	/**
	 * Checks that the authority is reachable and accepts the API key, with one
	 * attempt and no retry. Cheap: meant for health indicators.
	 * @return the authority's health
	 */
	public Mono<HealthStatus> health() {
		HttpTransport.Call<HealthStatus> call = new HttpTransport.Call<>(HttpMethod.GET, "/v1/health", NO_VARIABLES,
				null, null, false, "health check", (bytes) -> {
					Wire.HealthBody body = this.resources.jsonMapper().readValue(bytes, Wire.HealthBody.class);
					return new HealthStatus(Objects.requireNonNull(body.status(), "missing 'status'"),
							body.version());
				}, true);
		return this.transport.execute(call);
	}

	/**
	 * The Platform API (the calls of the Node SDK) on this client's settings and
	 * connection pool, reactive.
	 * @return the reactive platform client
	 */
	public ReactivePlatformClient platform() {
		return this.platform;
	}

	/**
	 * The state of the client's circuit breaker; see
	 * {@link SpecoraClient#circuitBreakerState()}.
	 * @return the state, {@link CircuitBreakerState#DISABLED} when the client has no
	 * breaker
	 */
	public CircuitBreakerState circuitBreakerState() {
		return this.transport.circuitBreakerState();
	}

	/**
	 * The settings this client was built with (never the API key).
	 * @return the settings
	 */
	public SpecoraClientSettings settings() {
		return this.settings;
	}

	private Mono<EnforcementResult> decide(EnforceRequest request, String path, String description,
			boolean simulation, FailMode failMode) {
		Objects.requireNonNull(request, "request must not be null");
		String requestId = (request.requestId() != null) ? request.requestId().toString() : RequestIds.next();
		Wire.EnforceBody body = new Wire.EnforceBody(requestId, this.settings.orgId(), this.settings.projectId(),
				this.settings.agentId(), request.actionType(), request.scope(), request.args(),
				request.estimatedCost(), request.estimatedVolume(), request.writeOp());
		HttpTransport.Call<EnforcementResult> call = new HttpTransport.Call<>(HttpMethod.POST, path, NO_VARIABLES,
				body, requestId, true, description, (bytes) -> decodeDecision(bytes, request, requestId, simulation),
				true);
		return this.transport.execute(call)
			.onErrorResume(SpecoraUnavailableException.class,
					(ex) -> applyFailMode(request, requestId, description, failMode, ex))
			.doOnNext(this::notifyDecision)
			.doOnError(SpecoraException.class, this::notifyError);
	}

	private Mono<EnforcementResult> applyFailMode(EnforceRequest request, String requestId, String description,
			FailMode failMode, SpecoraUnavailableException ex) {
		return FailModes.apply(logger, failMode, description, "action '" + request.actionType() + "'",
				requestId, ex, () -> EnforcementResult.failOpen(request.actionType(), requestId), this::notifyError);
	}

	/**
	 * Decodes a decision. An allow without a journal id is accepted only from a
	 * simulation that says so: an enforced allow is completed under its journal id.
	 */
	private EnforcementResult decodeDecision(byte[] bytes, EnforceRequest request, String requestId,
			boolean simulation) {
		Wire.DecisionBody body = this.resources.jsonMapper().readValue(bytes, Wire.DecisionBody.class);
		Decision decision = WireValue.parse(DECISIONS, body.decision(), "decision");
		DecisionSource source = DecisionSource.fromWire(body.source());
		if (decision == Decision.ALLOW && body.journalId() == null
				&& !(simulation && source == DecisionSource.SIMULATION)) {
			throw new IllegalArgumentException("allow decision without 'journal_id'");
		}
		if (body.requestId() != null && !body.requestId().equals(requestId)) {
			throw new IllegalArgumentException("the response's request_id '" + body.requestId()
					+ "' is not the request id sent, " + requestId);
		}
		return new EnforcementResult(decision, request.actionType(), body.journalId(), requestId,
				body.blockedReason(), body.approvalSource(), body.approvalId(), body.policyId(), body.reservationId(),
				source, instant(body.expiresAt(), "expires_at"));
	}

	private CompletionResult decodeCompletion(byte[] bytes) {
		Wire.CompletionBody body = this.resources.jsonMapper().readValue(bytes, Wire.CompletionBody.class);
		return new CompletionResult(Objects.requireNonNull(body.journalId(), "missing 'journal_id'"),
				WireValue.parse(COMPLETION_STATUSES, body.status(), "status"),
				Boolean.TRUE.equals(body.recorded()));
	}

	private JournalEntry decodeJournal(byte[] bytes) {
		Wire.JournalBody body = this.resources.jsonMapper().readValue(bytes, Wire.JournalBody.class);
		return new JournalEntry(Objects.requireNonNull(body.journalId(), "missing 'journal_id'"),
				WireValue.parse(DECISIONS, body.decision(), "decision"),
				WireValue.parse(JOURNAL_STATUSES, body.status(), "status"),
				(body.approvalState() != null) ? WireValue.parse(APPROVAL_STATES, body.approvalState(),
						"approval_state") : ApprovalState.NONE,
				body.approvalId(),
				(body.completedStatus() != null)
						? WireValue.parse(COMPLETION_STATUSES, body.completedStatus(), "completed_status") : null,
				body.costActual(), instant(body.createdAt(), "created_at"), instant(body.updatedAt(), "updated_at"));
	}

	private static Instant instant(String value, String field) {
		if (value == null) {
			return null;
		}
		try {
			return WireInstant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("unreadable '" + field + "' '" + value + "'", ex);
		}
	}

	private void notifyDecision(EnforcementResult result) {
		if (this.onDecision == null) {
			return;
		}
		Listeners.callSafely(logger, "onDecision callback", () -> this.onDecision.accept(result));
	}

	private void notifyError(SpecoraException error) {
		if (this.onError == null) {
			return;
		}
		Listeners.callSafely(logger, "onError callback", () -> this.onError.accept(error));
	}

	@Override
	public String toString() {
		return "ReactiveSpecoraClient[" + SpecoraClient.describe(this.settings) + "]";
	}

}
