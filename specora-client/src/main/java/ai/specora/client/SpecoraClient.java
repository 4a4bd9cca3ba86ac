package ai.specora.client;

import java.util.Objects;

import ai.specora.client.platform.PlatformClient;

/**
 * The Specora Runtime Authority client: asks for a decision before an AI agent's tool
 * call ({@link #enforce}), runs governed actions ({@link #enforced}), dry-runs
 * ({@link #simulate}), reports completions ({@link #complete}) and reads the journal
 * ({@link #journal}); {@link #platform()} gives the Platform API of the Node SDK
 * (policy, budget, executions, evidence, risk, pre-authorization, proxy execution,
 * preferences) on the same connection.
 * <p>
 * Build one with {@link #builder()}; it is thread-safe and meant to be shared. The
 * methods here block; {@link #reactive()} gives the same calls as {@code Mono}s for
 * WebFlux applications. Fail-closed by default: when no decision can be had, decisions
 * raise {@link FailClosedException} and the action does not run.
 * <p>
 * {@link #close() Close} a client when it is no longer needed (the Spring Boot starter
 * closes its own with the application context): it gives back its share of the timer
 * thread that keeps the attempts' time limits, which stops with the last open client,
 * and releases the connection pool of its own connector.
 *
 * <pre class="code">
 * SpecoraClient client = SpecoraClient.builder()
 *     .baseUrl("https://api.specora.ai")
 *     .apiKey(System.getenv("SPECORA_API_KEY"))
 *     .orgId("your-org-uuid")
 *     .build();
 *
 * User user = client.enforced(
 *     EnforceRequest.builder("db_write").scope("table", "users").writeOp(true).build(),
 *     (ctx) -&gt; repository.save(alice));
 * </pre>
 */
public final class SpecoraClient implements AutoCloseable {

	/**
	 * The request attribute every HTTP request of the client carries, e.g. for an
	 * observation filter that names the authority's calls.
	 */
	public static final String REQUEST_ATTRIBUTE = "ai.specora.client";

	private final ReactiveSpecoraClient reactive;

	private final SpecoraClientSettings settings;

	private final PlatformClient platform;

	private final HttpTransport transport;

	SpecoraClient(ReactiveSpecoraClient reactive, SpecoraClientSettings settings, HttpTransport transport) {
		this.reactive = reactive;
		this.settings = settings;
		this.platform = new PlatformClient(reactive.platform());
		this.transport = transport;
	}

	/**
	 * Starts building a client.
	 * @return a new builder
	 */
	public static SpecoraClientBuilder builder() {
		return new SpecoraClientBuilder();
	}

	/**
	 * Creates the client's HTTP client, JSON mapper and circuit breaker now, instead of in
	 * the first call that needs them. {@link SpecoraClientBuilder#build()} only checks the
	 * settings: creating these loads and initialises Reactor, Reactor Netty, Jackson and
	 * Resilience4j, which takes several
	 * hundred milliseconds in a JVM that has not loaded them yet. It does not contact
	 * the authority. Safe to call more than once and from several threads (later calls
	 * return at once, concurrent ones wait for the same work); it blocks, so call it from
	 * a thread that may block, never from an event loop.
	 */
	public void warmUp() {
		this.transport.warmUp();
	}

	/**
	 * Whether the client's HTTP client, JSON mapper and circuit breaker (if it has one)
	 * exist: after {@link #warmUp()} or the first call.
	 * @return {@code true} once they have been created
	 */
	public boolean isWarm() {
		return this.transport.isWarm();
	}

	/**
	 * Asks the authority for a decision; see {@link ReactiveSpecoraClient#enforce}.
	 * @param request the action
	 * @return the decision (block and suspend are returned, not raised)
	 * @throws FailClosedException when no decision could be had under
	 * {@link FailMode#CLOSED}
	 * @throws SpecoraClientException when the authority refused the request (4xx)
	 */
	public EnforcementResult enforce(EnforceRequest request) {
		return this.reactive.enforce(request).block();
	}

	/**
	 * Dry-runs an enforcement; see {@link ReactiveSpecoraClient#simulate}.
	 * @param request the action
	 * @return the decision the authority would make
	 */
	public EnforcementResult simulate(EnforceRequest request) {
		return this.reactive.simulate(request).block();
	}

	/**
	 * Reports how an allowed action ended; see {@link ReactiveSpecoraClient#complete}.
	 * @param journalId the journal id of the allowed enforcement
	 * @param completion how the action ended
	 * @return the acknowledgement
	 */
	public CompletionResult complete(String journalId, Completion completion) {
		return this.reactive.complete(journalId, completion).block();
	}

	/**
	 * Reads a journal entry; see {@link ReactiveSpecoraClient#journal}.
	 * @param journalId the journal id
	 * @return the entry
	 */
	public JournalEntry journal(String journalId) {
		return this.reactive.journal(journalId).block();
	}

	/**
	 * Checks that the authority is reachable; see {@link ReactiveSpecoraClient#health}.
	 * @return the authority's health
	 */
	public HealthStatus health() {
		return this.reactive.health().block();
	}

	/**
	 * Runs an action under governance: enforces the request, runs the action only when
	 * allowed, and completes the enforcement — {@code SUCCESS} when the action returns,
	 * {@code FAILURE} (naming the exception class) when it throws, unless the action
	 * completed it explicitly through the context.
	 * <p>
	 * The action's own exception is rethrown unchanged. A completion that cannot be
	 * delivered never changes the action's outcome: it is reported to the
	 * {@code onError} callback and logged with its journal id.
	 * @param request the action to enforce
	 * @param action the governed action
	 * @param <T> the action's result type
	 * @param <E> the checked exception the action may throw
	 * @return the action's result
	 * @throws E the action's own exception
	 * @throws SpecoraBlockedException when the authority blocked the action
	 * @throws SpecoraSuspendedException when the action needs an approval first
	 * @throws FailClosedException when no decision could be had under
	 * {@link FailMode#CLOSED}
	 */
	public <T, E extends Throwable> T enforced(EnforceRequest request, EnforcedAction<T, E> action) throws E {
		Objects.requireNonNull(action, "action must not be null");
		EnforcementResult result = enforce(request);
		switch (result.decision()) {
			case BLOCK -> throw new SpecoraBlockedException(result);
			case SUSPEND -> throw new SpecoraSuspendedException(result);
			case ALLOW -> {
			}
		}
		DefaultEnforcementContext context = new DefaultEnforcementContext(this.reactive, result);
		T value;
		try {
			value = action.run(context);
		}
		catch (Throwable ex) {
			context.completeAutomatically(CompletionStatus.FAILURE, ex.getClass().getName());
			throw ex;
		}
		context.completeAutomatically(CompletionStatus.SUCCESS, null);
		return value;
	}

	/**
	 * The Platform API (the calls of the Node SDK: policy, budget, executions,
	 * assumptions, evidence, risk, pre-authorization, proxy execution, preferences) on
	 * this client's settings and connection pool.
	 * @return the blocking platform client
	 */
	public PlatformClient platform() {
		return this.platform;
	}

	/**
	 * The same client with non-blocking calls, for reactive applications.
	 * @return the reactive view of this client
	 */
	public ReactiveSpecoraClient reactive() {
		return this.reactive;
	}

	/**
	 * The state of the client's circuit breaker, shared by all its calls (runtime and
	 * platform alike); see {@link CircuitBreakerSettings}. An open breaker moves to
	 * half-open with the first call after its wait, so it may read {@code OPEN} a while
	 * after the wait has passed when no call comes.
	 * @return the state, {@link CircuitBreakerState#DISABLED} when the client has no
	 * breaker
	 */
	public CircuitBreakerState circuitBreakerState() {
		return this.reactive.circuitBreakerState();
	}

	/**
	 * The settings this client was built with (never the API key).
	 * @return the settings
	 */
	public SpecoraClientSettings settings() {
		return this.settings;
	}

	/**
	 * Closes the client, and its {@link #reactive() reactive view} and
	 * {@link #platform() platform client} with it: calls made afterwards fail with an
	 * {@link IllegalStateException} (never turned into a decision by the fail mode), the
	 * client's share of the attempt timer is given back (the timer thread stops with the
	 * last open client of the JVM and starts again with the next one's first call), and
	 * the connection pool of the client's own connector is released. A connector given to
	 * {@link SpecoraClientBuilder#clientConnector} belongs to the application and is left
	 * open. Calls in flight end by their time limit, at once when the timer stops.
	 * Idempotent: closing a closed client does nothing.
	 */
	@Override
	public void close() {
		this.transport.close();
	}

	/**
	 * Whether {@link #close()} was called.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.transport.isClosed();
	}

	@Override
	public String toString() {
		return "SpecoraClient[" + describe(this.settings) + "]";
	}

	static String describe(SpecoraClientSettings settings) {
		return "baseUrl=" + settings.baseUrl() + ", orgId=" + settings.orgId() + ", projectId=" + settings.projectId()
				+ ", failMode=" + settings.failMode() + ", apiKey=******";
	}

}
