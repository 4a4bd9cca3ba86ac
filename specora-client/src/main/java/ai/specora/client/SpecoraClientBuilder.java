package ai.specora.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import ai.specora.client.platform.PlatformCallInterceptor;
import ai.specora.client.platform.PlatformSettings;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;

/**
 * Builds a {@link SpecoraClient}; start one with {@link SpecoraClient#builder()}. Every
 * setting is checked in {@link #build()}, which names the setting at fault. Not
 * thread-safe: set it up on one thread, then share the client it builds.
 */
public final class SpecoraClientBuilder {

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

	private CircuitBreakerSettings circuitBreaker = CircuitBreakerSettings.defaults();

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

	private AttemptTimer.SharedWheel attemptTimerWheel = AttemptTimer.SharedWheel.JVM;

	SpecoraClientBuilder() {
	}

	/**
	 * The authority's base URL, e.g. {@code https://api.specora.ai}. Plain
	 * {@code http://} is accepted only for localhost, 127.0.0.0/8 and [::1].
	 * @param baseUrl the base URL
	 * @return this builder
	 */
	public SpecoraClientBuilder baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	/**
	 * The API key, sent as a bearer token. Never logged or shown.
	 * @param apiKey the API key
	 * @return this builder
	 */
	public SpecoraClientBuilder apiKey(String apiKey) {
		this.apiKey = apiKey;
		return this;
	}

	/**
	 * The organisation id (required).
	 * @param orgId the organisation id
	 * @return this builder
	 */
	public SpecoraClientBuilder orgId(String orgId) {
		this.orgId = orgId;
		return this;
	}

	/**
	 * The project id (optional).
	 * @param projectId the project id
	 * @return this builder
	 */
	public SpecoraClientBuilder projectId(String projectId) {
		this.projectId = projectId;
		return this;
	}

	/**
	 * The agent id (optional).
	 * @param agentId the agent id
	 * @return this builder
	 */
	public SpecoraClientBuilder agentId(String agentId) {
		this.agentId = agentId;
		return this;
	}

	/**
	 * The vendor id of the vendor-reseller model; requires a tenant id too.
	 * @param vendorId the vendor id
	 * @return this builder
	 */
	public SpecoraClientBuilder vendorId(String vendorId) {
		this.vendorId = vendorId;
		return this;
	}

	/**
	 * The tenant id of the vendor-reseller model; requires a vendor id too.
	 * @param tenantId the tenant id
	 * @return this builder
	 */
	public SpecoraClientBuilder tenantId(String tenantId) {
		this.tenantId = tenantId;
		return this;
	}

	/**
	 * What decisions do when no answer can be had (default {@link FailMode#CLOSED}).
	 * @param failMode the fail mode
	 * @return this builder
	 */
	public SpecoraClientBuilder failMode(FailMode failMode) {
		this.failMode = failMode;
		return this;
	}

	/**
	 * The time limit of one HTTP attempt (default 10 s).
	 * @param timeout the timeout, positive
	 * @return this builder
	 */
	public SpecoraClientBuilder timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	/**
	 * The time limit of a whole call, retries and back-off included (default 30 s).
	 * @param deadline the deadline, positive
	 * @return this builder
	 */
	public SpecoraClientBuilder deadline(Duration deadline) {
		this.deadline = deadline;
		return this;
	}

	/**
	 * How many times a transient failure is retried (default 2, so 3 attempts).
	 * @param retries the number of retries, 0 to 10
	 * @return this builder
	 */
	public SpecoraClientBuilder retries(int retries) {
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
	public SpecoraClientBuilder retryBackoff(Duration initial, Duration max) {
		this.retryBackoff = initial;
		this.maxRetryBackoff = max;
		return this;
	}

	/**
	 * The circuit breaker that makes calls fail at once, without a request, while the
	 * authority leaves them without an answer (default
	 * {@link CircuitBreakerSettings#defaults()}: on, opening after 10 calls in a row with
	 * no answer, open for 10 s); {@link CircuitBreakerSettings#disabled()} turns it off.
	 * One breaker guards all of the client's calls, runtime and platform alike.
	 * @param circuitBreaker the breaker's settings
	 * @return this builder
	 */
	public SpecoraClientBuilder circuitBreaker(CircuitBreakerSettings circuitBreaker) {
		this.circuitBreaker = circuitBreaker;
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
	public SpecoraClientBuilder onDecision(Consumer<EnforcementResult> onDecision) {
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
	public SpecoraClientBuilder onError(Consumer<SpecoraException> onError) {
		this.onError = Callbacks.chain(this.onError, Objects.requireNonNull(onError, "onError must not be null"),
				"onError");
		return this;
	}

	/**
	 * The registry that observes the client's HTTP calls (as Spring's
	 * {@code http.client.requests}); none by default. Each request carries the
	 * {@link SpecoraClient#REQUEST_ATTRIBUTE} attribute, so that an observation filter can tell
	 * the authority's calls apart. Nothing else of the application's HTTP set-up is
	 * used: no filter or customizer sees the API key or changes the URL.
	 * @param observationRegistry the registry, or {@code null}
	 * @return this builder
	 */
	public SpecoraClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * The convention of the HTTP client observations; Spring's default when not
	 * set.
	 * @param observationConvention the convention, or {@code null}
	 * @return this builder
	 */
	public SpecoraClientBuilder observationConvention(ClientRequestObservationConvention observationConvention) {
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
	public SpecoraClientBuilder clientConnector(ClientHttpConnector clientConnector) {
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
	public SpecoraClientBuilder workflowId(String workflowId) {
		this.workflowId = workflowId;
		return this;
	}

	/**
	 * Strict governance mode (default {@code false}): {@code proxyExecute} without the
	 * authorization id of a prior {@code preAuthorize} is refused before any request.
	 * @param strictMode whether strict mode is on
	 * @return this builder
	 */
	public SpecoraClientBuilder strictMode(boolean strictMode) {
		this.strictMode = strictMode;
		return this;
	}

	/**
	 * Where environment variables are read from (default {@link System#getenv(String)});
	 * for tests, and for applications that resolve them elsewhere.
	 * @param environment returns the value of a variable, or {@code null}
	 * @return this builder
	 */
	public SpecoraClientBuilder environment(Function<String, String> environment) {
		this.environment = Objects.requireNonNull(environment, "environment must not be null");
		return this;
	}

	/**
	 * Wraps every platform call, e.g. to observe it. Interceptors add up: the first
	 * one given is the outermost.
	 * @param interceptor the interceptor
	 * @return this builder
	 */
	public SpecoraClientBuilder platformInterceptor(PlatformCallInterceptor interceptor) {
		Objects.requireNonNull(interceptor, "interceptor must not be null");
		this.platformInterceptor = (this.platformInterceptor != null)
				? this.platformInterceptor.around(interceptor) : interceptor;
		return this;
	}

	/**
	 * The wheel whose share keeps the attempts' time limits (for tests, which need one no
	 * other client holds).
	 */
	SpecoraClientBuilder attemptTimerWheel(AttemptTimer.SharedWheel wheel) {
		this.attemptTimerWheel = Objects.requireNonNull(wheel, "wheel must not be null");
		return this;
	}

	SpecoraClientBuilder clock(Clock clock) {
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
				(owned) -> AuthorityWebClient.create(settings, apiKey, connector, registry, convention, owned));
		HttpTransport transport = new HttpTransport(resources, settings, this.clock,
				new AttemptTimer(this.attemptTimerWheel));
		PlatformSettings platformSettings = new PlatformSettings(workflowId(), this.strictMode);
		ReactiveSpecoraClient reactive = new ReactiveSpecoraClient(transport, resources, settings,
				this.onDecision, this.onError, platformSettings, this.platformInterceptor);
		return new SpecoraClient(reactive, settings, transport);
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
		if (this.circuitBreaker == null) {
			throw new InvalidConfigurationException("circuitBreaker",
					"Specora circuitBreaker must not be null: use CircuitBreakerSettings.disabled() to turn it off");
		}
		Objects.requireNonNull(this.clock, "clock must not be null");
		return new SpecoraClientSettings(uri, this.orgId.trim(), blankToNull(this.projectId),
				blankToNull(this.agentId), vendor, tenant, this.failMode, this.timeout, this.deadline,
				this.retries, this.retryBackoff, this.maxRetryBackoff, this.circuitBreaker);
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
		return "SpecoraClientBuilder[baseUrl=" + baseUrl + ", orgId=" + this.orgId + ", apiKey=******]";
	}

}

