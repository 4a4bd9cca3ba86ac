package ai.specora.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import ai.specora.client.platform.PlatformCallInterceptor;
import ai.specora.client.platform.PlatformClient;
import ai.specora.client.platform.PlatformSettings;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;

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
public final class SpecoraClient {

	/**
	 * The request attribute every HTTP request of the client carries, e.g. for an
	 * observation filter that names the authority's calls.
	 */
	public static final String REQUEST_ATTRIBUTE = "ai.specora.client";

	private final ReactiveSpecoraClient reactive;

	private final ClientResources resources;

	private final SpecoraClientSettings settings;

	private final PlatformClient platform;

	private SpecoraClient(ReactiveSpecoraClient reactive, ClientResources resources, SpecoraClientSettings settings) {
		this.reactive = reactive;
		this.resources = resources;
		this.settings = settings;
		this.platform = new PlatformClient(reactive.platform());
	}

	/**
	 * Starts building a client.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Creates the client's HTTP client and JSON mapper now, instead of in the first call
	 * that needs them. {@link Builder#build()} only checks the settings: creating these
	 * loads and initialises Reactor, Reactor Netty and Jackson, which takes several
	 * hundred milliseconds in a JVM that has not loaded them yet. It does not contact
	 * the authority. Safe to call more than once and from several threads (later calls
	 * return at once, concurrent ones wait for the same work); it blocks, so call it from
	 * a thread that may block, never from an event loop.
	 */
	public void warmUp() {
		this.resources.warmUp();
	}

	/**
	 * Whether the client's HTTP client and JSON mapper exist: after {@link #warmUp()} or
	 * the first call.
	 * @return {@code true} once both have been created
	 */
	public boolean isWarm() {
		return this.resources.isWarm();
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
	 * The settings this client was built with (never the API key).
	 * @return the settings
	 */
	public SpecoraClientSettings settings() {
		return this.settings;
	}

	@Override
	public String toString() {
		return "SpecoraClient[" + describe(this.settings) + "]";
	}

	static String describe(SpecoraClientSettings settings) {
		return "baseUrl=" + settings.baseUrl() + ", orgId=" + settings.orgId() + ", projectId=" + settings.projectId()
				+ ", failMode=" + settings.failMode() + ", apiKey=******";
	}

	/**
	 * Builds a {@link SpecoraClient}. Every setting is checked in {@link #build()},
	 * which names the setting at fault.
	 */
	public static final class Builder {

		private String baseUrl;

		private String apiKey;

		private String orgId;

		private String projectId;

		private String agentId;

		private String vendorId;

		private String tenantId;

		private FailMode failMode = SpecoraDefaults.FAIL_MODE;

		private Duration timeout = SpecoraDefaults.TIMEOUT;

		private Duration deadline = SpecoraDefaults.DEADLINE;

		private int retries = SpecoraDefaults.RETRIES;

		private Duration retryBackoff = SpecoraDefaults.RETRY_BACKOFF;

		private Duration maxRetryBackoff = SpecoraDefaults.MAX_RETRY_BACKOFF;

		private Consumer<EnforcementResult> onDecision;

		private Consumer<SpecoraException> onError;

		private ObservationRegistry observationRegistry;

		private ClientRequestObservationConvention observationConvention;

		private ClientHttpConnector clientConnector;

		private Clock clock = Clock.systemUTC();

		private String workflowId;

		private boolean strictMode;

		private Function<String, String> environment = System::getenv;

		private PlatformCallInterceptor platformInterceptor;

		private Builder() {
		}

		/**
		 * The authority's base URL, e.g. {@code https://api.specora.ai}. Plain
		 * {@code http://} is accepted only for localhost, 127.0.0.0/8 and [::1].
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * The API key, sent as a bearer token. Never logged or shown.
		 * @param apiKey the API key
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * The organisation id (required).
		 * @param orgId the organisation id
		 * @return this builder
		 */
		public Builder orgId(String orgId) {
			this.orgId = orgId;
			return this;
		}

		/**
		 * The project id (optional).
		 * @param projectId the project id
		 * @return this builder
		 */
		public Builder projectId(String projectId) {
			this.projectId = projectId;
			return this;
		}

		/**
		 * The agent id (optional).
		 * @param agentId the agent id
		 * @return this builder
		 */
		public Builder agentId(String agentId) {
			this.agentId = agentId;
			return this;
		}

		/**
		 * The vendor id of the vendor-reseller model; requires a tenant id too.
		 * @param vendorId the vendor id
		 * @return this builder
		 */
		public Builder vendorId(String vendorId) {
			this.vendorId = vendorId;
			return this;
		}

		/**
		 * The tenant id of the vendor-reseller model; requires a vendor id too.
		 * @param tenantId the tenant id
		 * @return this builder
		 */
		public Builder tenantId(String tenantId) {
			this.tenantId = tenantId;
			return this;
		}

		/**
		 * What decisions do when no answer can be had (default {@link FailMode#CLOSED}).
		 * @param failMode the fail mode
		 * @return this builder
		 */
		public Builder failMode(FailMode failMode) {
			this.failMode = failMode;
			return this;
		}

		/**
		 * The time limit of one HTTP attempt (default 10 s).
		 * @param timeout the timeout, positive
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * The time limit of a whole call, retries and back-off included (default 30 s).
		 * @param deadline the deadline, positive
		 * @return this builder
		 */
		public Builder deadline(Duration deadline) {
			this.deadline = deadline;
			return this;
		}

		/**
		 * How many times a transient failure is retried (default 2, so 3 attempts).
		 * @param retries the number of retries, 0 to 10
		 * @return this builder
		 */
		public Builder retries(int retries) {
			this.retries = retries;
			return this;
		}

		/**
		 * The back-off before the first retry (default 500 ms); it doubles on each
		 * further retry up to {@code maxBackoff}, and each wait is drawn at random below
		 * it (full jitter).
		 * @param initial the first back-off, positive
		 * @param max the largest back-off, at least {@code initial}
		 * @return this builder
		 */
		public Builder retryBackoff(Duration initial, Duration max) {
			this.retryBackoff = initial;
			this.maxRetryBackoff = max;
			return this;
		}

		/**
		 * Called once for every decision (enforce and simulate), including fail-open
		 * ones. Callbacks add up: each one given is called, in the order given. A
		 * callback that throws is logged and does not break the call nor stop the
		 * others.
		 * @param onDecision the callback
		 * @return this builder
		 */
		public Builder onDecision(Consumer<EnforcementResult> onDecision) {
			this.onDecision = Callbacks.chain(this.onDecision,
					Objects.requireNonNull(onDecision, "onDecision must not be null"), "onDecision");
			return this;
		}

		/**
		 * Called once for every failed call with the exception that describes it (for a
		 * fail-open decision, the failure that was turned into an allow). Callbacks add
		 * up: each one given is called, in the order given. A callback that throws is
		 * logged and does not break the call nor stop the others.
		 * @param onError the callback
		 * @return this builder
		 */
		public Builder onError(Consumer<SpecoraException> onError) {
			this.onError = Callbacks.chain(this.onError, Objects.requireNonNull(onError, "onError must not be null"),
					"onError");
			return this;
		}

		/**
		 * The registry that observes the client's HTTP calls (as Spring's
		 * {@code http.client.requests}); none by default. Each request carries the
		 * {@link #REQUEST_ATTRIBUTE} attribute, so that an observation filter can tell
		 * the authority's calls apart. Nothing else of the application's HTTP set-up is
		 * used: no filter or customizer sees the API key or changes the URL.
		 * @param observationRegistry the registry, or {@code null}
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The convention of the HTTP client observations; Spring's default when not
		 * set.
		 * @param observationConvention the convention, or {@code null}
		 * @return this builder
		 */
		public Builder observationConvention(ClientRequestObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * The HTTP connector to use (e.g. one with an SSL bundle). It must not follow
		 * redirects. By default the client uses its own Reactor Netty connector, which
		 * never follows redirects.
		 * @param clientConnector the connector
		 * @return this builder
		 */
		public Builder clientConnector(ClientHttpConnector clientConnector) {
			this.clientConnector = clientConnector;
			return this;
		}

		/**
		 * The workflow identity of this application for the Platform API, sent as
		 * {@code routing_hints.agent_name} when a call sets none. Without it the
		 * {@code SPECORA_WORKFLOW_ID} environment variable is used, read once when the
		 * client is built; with neither, {@code agent_name} is omitted.
		 * @param workflowId the workflow id, e.g. {@code pr-review-pipeline}
		 * @return this builder
		 */
		public Builder workflowId(String workflowId) {
			this.workflowId = workflowId;
			return this;
		}

		/**
		 * Strict governance mode (default {@code false}): {@code proxyExecute} without the
		 * authorization id of a prior {@code preAuthorize} is refused before any request.
		 * @param strictMode whether strict mode is on
		 * @return this builder
		 */
		public Builder strictMode(boolean strictMode) {
			this.strictMode = strictMode;
			return this;
		}

		/**
		 * Where environment variables are read from (default {@link System#getenv(String)});
		 * for tests, and for applications that resolve them elsewhere.
		 * @param environment returns the value of a variable, or {@code null}
		 * @return this builder
		 */
		public Builder environment(Function<String, String> environment) {
			this.environment = Objects.requireNonNull(environment, "environment must not be null");
			return this;
		}

		/**
		 * Wraps every platform call, e.g. to observe it. Interceptors add up: the first
		 * one given is the outermost.
		 * @param interceptor the interceptor
		 * @return this builder
		 */
		public Builder platformInterceptor(PlatformCallInterceptor interceptor) {
			Objects.requireNonNull(interceptor, "interceptor must not be null");
			this.platformInterceptor = (this.platformInterceptor != null)
					? this.platformInterceptor.around(interceptor) : interceptor;
			return this;
		}

		Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Checks the settings and builds the client.
		 * @return the client
		 * @throws InvalidConfigurationException naming the setting at fault
		 */
		public SpecoraClient build() {
			SpecoraClientSettings settings = validate();
			String apiKey = this.apiKey.trim();
			ClientHttpConnector connector = this.clientConnector;
			ObservationRegistry registry = this.observationRegistry;
			ClientRequestObservationConvention convention = this.observationConvention;
			ClientResources resources = new ClientResources(WireJson::create,
					() -> AuthorityWebClient.create(settings, apiKey, connector, registry, convention));
			HttpTransport transport = new HttpTransport(resources, settings, this.clock);
			PlatformSettings platformSettings = new PlatformSettings(workflowId(), this.strictMode);
			ReactiveSpecoraClient reactive = new ReactiveSpecoraClient(transport, resources, settings,
					this.onDecision, this.onError, platformSettings, this.platformInterceptor);
			return new SpecoraClient(reactive, resources, settings);
		}

		private SpecoraClientSettings validate() {
			URI uri = BaseUrls.validate(this.baseUrl);
			if (this.apiKey == null || this.apiKey.isBlank()) {
				throw new InvalidConfigurationException("apiKey",
						"Specora API key is not set: set it from a secret store or the SPECORA_API_KEY variable");
			}
			if (this.apiKey.trim().chars().anyMatch((c) -> c < 0x21 || c > 0x7e)) {
				throw new InvalidConfigurationException("apiKey",
						"Specora API key contains white space or non-ASCII characters: check how it is loaded");
			}
			if (this.orgId == null || this.orgId.isBlank()) {
				throw new InvalidConfigurationException("orgId", "Specora organisation id (orgId) is not set");
			}
			String vendor = blankToNull(this.vendorId);
			String tenant = blankToNull(this.tenantId);
			if ((vendor == null) != (tenant == null)) {
				String missing = (vendor == null) ? "vendorId" : "tenantId";
				throw new InvalidConfigurationException(missing, "Specora vendor-reseller model needs both vendorId and "
						+ "tenantId, but " + missing + " is not set: set both, or neither for the org-scoped model");
			}
			if (this.failMode == null) {
				throw new InvalidConfigurationException("failMode", "Specora failMode must not be null");
			}
			requirePositive("timeout", this.timeout);
			requirePositive("deadline", this.deadline);
			requirePositive("retryBackoff", this.retryBackoff);
			requirePositive("maxRetryBackoff", this.maxRetryBackoff);
			if (this.maxRetryBackoff.compareTo(this.retryBackoff) < 0) {
				throw new InvalidConfigurationException("maxRetryBackoff",
						"Specora maxRetryBackoff must not be shorter than retryBackoff");
			}
			if (this.retries < 0 || this.retries > SpecoraDefaults.MAX_RETRIES) {
				throw new InvalidConfigurationException("retries",
						"Specora retries must be between 0 and " + SpecoraDefaults.MAX_RETRIES + ", but was " + this.retries);
			}
			Objects.requireNonNull(this.clock, "clock must not be null");
			return new SpecoraClientSettings(uri, this.orgId.trim(), blankToNull(this.projectId),
					blankToNull(this.agentId), vendor, tenant, this.failMode, this.timeout, this.deadline,
					this.retries, this.retryBackoff, this.maxRetryBackoff);
		}

		private String workflowId() {
			String configured = blankToNull(this.workflowId);
			return (configured != null) ? configured
					: blankToNull(this.environment.apply(PlatformSettings.WORKFLOW_ID_VARIABLE));
		}

		private static void requirePositive(String setting, Duration value) {
			if (value == null || value.isZero() || value.isNegative()) {
				throw new InvalidConfigurationException(setting,
						"Specora " + setting + " must be a positive duration, but was " + value);
			}
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.trim();
		}

		@Override
		public String toString() {
			String baseUrl = (this.baseUrl != null) ? BaseUrls.redact(this.baseUrl) : null;
			return "SpecoraClient.Builder[baseUrl=" + baseUrl + ", orgId=" + this.orgId + ", apiKey=******]";
		}

	}

}
