package ai.specora.spring.autoconfigure;

import java.time.Duration;

import ai.specora.client.CircuitBreakerSettings;
import ai.specora.client.FailMode;
import ai.specora.client.SpecoraDefaults;
import ai.specora.runtime.GovernanceMode;
import ai.specora.spring.enforcement.completion.CompletionDefaults;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;

/**
 * Configuration of Specora for a Spring Boot application, under the {@code specora}
 * prefix.
 */
@ConfigurationProperties("specora")
public class SpecoraProperties {

	/**
	 * The default order of the enforcement advisor: before (outside) transaction
	 * management, which runs at the lowest precedence, so that a blocked call never
	 * opens a transaction; with room on both sides for other advisors.
	 */
	public static final int DEFAULT_ENFORCEMENT_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

	/**
	 * Whether Specora is enabled. When false, no client is created and @Enforced methods
	 * run ungoverned.
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the Specora authority, e.g. https://api.specora.ai. Plain http is
	 * accepted only for localhost, 127.0.0.0/8 and [::1].
	 */
	private String baseUrl;

	/**
	 * API key, sent as a bearer token. Set it from a secret store or the SPECORA_API_KEY
	 * environment variable; it is never logged.
	 */
	private String apiKey;

	/**
	 * Organisation id sent with every runtime call.
	 */
	private String orgId;

	/**
	 * Project id sent with every runtime call.
	 */
	private String projectId;

	/**
	 * Agent id sent with every runtime call.
	 */
	private String agentId;

	/**
	 * Vendor id of the vendor-reseller model (Model B), sent as X-Specora-Vendor-Id.
	 * Requires tenant-id too; without both the client is org-scoped (Model A) and the
	 * Model B platform calls (checkPolicy, validateBudget, recordExecution,
	 * validateAssumptions, generateEvidenceBundle) are refused.
	 */
	private String vendorId;

	/**
	 * Tenant id of the vendor-reseller model (Model B), sent as X-Specora-Tenant-Id.
	 * Requires vendor-id too.
	 */
	private String tenantId;

	/**
	 * Workflow identity of this application for the Platform API, sent as
	 * routing_hints.agent_name when a call sets none. Defaults to the
	 * SPECORA_WORKFLOW_ID environment variable; with neither, agent_name is omitted.
	 */
	private String workflowId;

	/**
	 * Strict governance mode: proxyExecute without the authorization id of a prior
	 * preAuthorize is refused before any request.
	 */
	private boolean strictMode;

	/**
	 * Whether the client's HTTP client and JSON mapper are created on a background thread
	 * once the application is ready, so that the first call to the authority does not pay
	 * for loading them; when false, the first call creates them.
	 */
	private boolean warmUp = true;

	/**
	 * What decisions do when the authority cannot be reached or fails after all
	 * retries: 'closed' raises and the action does not run; 'open' allows the action
	 * ungoverned and logs a warning.
	 */
	private FailMode failMode = SpecoraDefaults.FAIL_MODE;

	/**
	 * Whether decisions are applied ('enforce') or only recorded ('shadow': every
	 * decision is asked, completed, metered and observed, block and suspend are logged
	 * at WARN, and the call runs). Overridden per method by @Enforced(mode) and per tool
	 * by specora.ai.tools.<name>.mode.
	 */
	private GovernanceMode mode = GovernanceMode.ENFORCE;

	/**
	 * Time limit of one HTTP attempt.
	 */
	private Duration timeout = SpecoraDefaults.TIMEOUT;

	/**
	 * Time limit of a whole call to the authority, retries and back-off included.
	 */
	private Duration deadline = SpecoraDefaults.DEADLINE;

	/**
	 * How many times a transient failure (connection error, 408, 429, 5xx) is retried.
	 */
	private int retries = SpecoraDefaults.RETRIES;

	/**
	 * Back-off before the first retry; it doubles on every further retry, with full
	 * jitter.
	 */
	private Duration retryBackoff = SpecoraDefaults.RETRY_BACKOFF;

	/**
	 * Largest back-off between two retries.
	 */
	private Duration maxRetryBackoff = SpecoraDefaults.MAX_RETRY_BACKOFF;

	private final Ssl ssl = new Ssl();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	private final Enforcement enforcement = new Enforcement();

	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public String getOrgId() {
		return this.orgId;
	}

	public void setOrgId(String orgId) {
		this.orgId = orgId;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public void setProjectId(String projectId) {
		this.projectId = projectId;
	}

	public String getAgentId() {
		return this.agentId;
	}

	public void setAgentId(String agentId) {
		this.agentId = agentId;
	}

	public String getVendorId() {
		return this.vendorId;
	}

	public void setVendorId(String vendorId) {
		this.vendorId = vendorId;
	}

	public String getTenantId() {
		return this.tenantId;
	}

	public void setTenantId(String tenantId) {
		this.tenantId = tenantId;
	}

	public String getWorkflowId() {
		return this.workflowId;
	}

	public void setWorkflowId(String workflowId) {
		this.workflowId = workflowId;
	}

	public boolean isStrictMode() {
		return this.strictMode;
	}

	public void setStrictMode(boolean strictMode) {
		this.strictMode = strictMode;
	}

	public boolean isWarmUp() {
		return this.warmUp;
	}

	public void setWarmUp(boolean warmUp) {
		this.warmUp = warmUp;
	}

	public FailMode getFailMode() {
		return this.failMode;
	}

	public void setFailMode(FailMode failMode) {
		this.failMode = failMode;
	}

	public GovernanceMode getMode() {
		return this.mode;
	}

	public void setMode(GovernanceMode mode) {
		this.mode = mode;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getDeadline() {
		return this.deadline;
	}

	public void setDeadline(Duration deadline) {
		this.deadline = deadline;
	}

	public int getRetries() {
		return this.retries;
	}

	public void setRetries(int retries) {
		this.retries = retries;
	}

	public Duration getRetryBackoff() {
		return this.retryBackoff;
	}

	public void setRetryBackoff(Duration retryBackoff) {
		this.retryBackoff = retryBackoff;
	}

	public Duration getMaxRetryBackoff() {
		return this.maxRetryBackoff;
	}

	public void setMaxRetryBackoff(Duration maxRetryBackoff) {
		this.maxRetryBackoff = maxRetryBackoff;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Enforcement getEnforcement() {
		return this.enforcement;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	/**
	 * Shows the settings without the API key.
	 */
	@Override
	public String toString() {
		return "SpecoraProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", orgId=" + this.orgId
				+ ", failMode=" + this.failMode + ", apiKey=" + ((this.apiKey != null) ? "******" : null) + "]";
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * TLS settings of the connection to the authority.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) used to connect to the authority,
		 * e.g. for a private certificate authority or client certificates. By default the
		 * JVM's trust store is used.
		 */
		private String bundle;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * The {@code specora} health contributor.
	 */
	public static class Health {

		/**
		 * How long the authority's answer to the health check is used before the next
		 * health request checks again; concurrent health requests always share one
		 * check. Zero checks on every request.
		 */
		private Duration cacheTtl = Duration.ofSeconds(10);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

	}

	/**
	 * The client's circuit breaker, which fails calls to the authority at once, without a
	 * request, while the authority leaves them without an answer.
	 */
	public static class CircuitBreaker {

		/**
		 * Whether calls to the authority go through a circuit breaker. When it is open,
		 * calls fail at once without a request and decisions follow the fail mode.
		 */
		private boolean enabled = SpecoraDefaults.CIRCUIT_BREAKER_ENABLED;

		/**
		 * Percentage (1 to 100) of the last sliding-window-size calls left without an
		 * answer (transport failure, timeout, or 5xx, 408 or 429 after the retries) at
		 * which the breaker opens. Answers, 4xx included, count as successes.
		 */
		private int failureRateThreshold = SpecoraDefaults.CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD;

		/**
		 * How many of the last calls the failure rate is computed over.
		 */
		private int slidingWindowSize = SpecoraDefaults.CIRCUIT_BREAKER_SLIDING_WINDOW_SIZE;

		/**
		 * How many calls must have ended before the breaker may open; at most
		 * sliding-window-size.
		 */
		private int minimumNumberOfCalls = SpecoraDefaults.CIRCUIT_BREAKER_MINIMUM_NUMBER_OF_CALLS;

		/**
		 * How long an open breaker fails every call at once before the next call moves it
		 * to half-open and probes the authority.
		 */
		private Duration waitDurationInOpenState = SpecoraDefaults.CIRCUIT_BREAKER_WAIT_DURATION_IN_OPEN_STATE;

		/**
		 * How many probe calls a half-open breaker lets through: it closes when enough of
		 * them are answered, and opens again otherwise.
		 */
		private int permittedNumberOfCallsInHalfOpenState = SpecoraDefaults.CIRCUIT_BREAKER_PERMITTED_CALLS_IN_HALF_OPEN_STATE;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(int failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public int getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public int getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		public Duration getWaitDurationInOpenState() {
			return this.waitDurationInOpenState;
		}

		public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
			this.waitDurationInOpenState = waitDurationInOpenState;
		}

		public int getPermittedNumberOfCallsInHalfOpenState() {
			return this.permittedNumberOfCallsInHalfOpenState;
		}

		public void setPermittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
			this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
		}

		/**
		 * The client's settings from these properties.
		 * @return the settings
		 * @throws ai.specora.client.InvalidConfigurationException naming the setting at
		 * fault
		 */
		public CircuitBreakerSettings toSettings() {
			return CircuitBreakerSettings.builder()
				.enabled(this.enabled)
				.failureRateThreshold(this.failureRateThreshold)
				.slidingWindowSize(this.slidingWindowSize)
				.minimumNumberOfCalls(this.minimumNumberOfCalls)
				.waitDurationInOpenState(this.waitDurationInOpenState)
				.permittedNumberOfCallsInHalfOpenState(this.permittedNumberOfCallsInHalfOpenState)
				.build();
		}

	}

	/**
	 * Settings of the {@code @Enforced} method interceptor.
	 */
	public static class Enforcement {

		/**
		 * Whether @Enforced methods are intercepted.
		 */
		private boolean enabled = true;

		/**
		 * Order of the enforcement advisor. The default runs enforcement outside
		 * transaction management, so a blocked call never opens a transaction.
		 */
		private int order = DEFAULT_ENFORCEMENT_ORDER;

		private final Completion completion = new Completion();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

		public Completion getCompletion() {
			return this.completion;
		}

	}

	/**
	 * How completions of governed calls are delivered.
	 */
	public static class Completion {

		/**
		 * 'async' hands completions to a bounded queue delivered in the background with
		 * retries; 'sync' completes before the governed method returns.
		 */
		private CompletionMode mode = CompletionMode.ASYNC;

		/**
		 * Largest number of completions waiting for delivery in async mode. A completion
		 * arriving when the queue is full is dropped and logged at ERROR.
		 */
		private int queueCapacity = CompletionDefaults.QUEUE_CAPACITY;

		/**
		 * Largest number of completions being delivered at once in async mode, at most
		 * one per journal entry. The rate delivered is about this number divided by the
		 * authority's round-trip time: 256 sustain about 2,500 completions a second at
		 * 100 ms.
		 */
		private int maxInFlight = CompletionDefaults.MAX_IN_FLIGHT;

		/**
		 * How long an undelivered completion is retried before it is dropped and logged
		 * at ERROR.
		 */
		private Duration maxAge = CompletionDefaults.MAX_AGE;

		/**
		 * How long shutdown waits for the queue of completions to drain.
		 */
		private Duration shutdownTimeout = CompletionDefaults.SHUTDOWN_TIMEOUT;

		/**
		 * Where async completions wait for delivery: 'memory' (this process only, lost
		 * if it dies), 'redis' (a Redis stream shared by the replicas, needs a
		 * RedisConnectionFactory) or 'auto' (Redis when the application has a
		 * RedisConnectionFactory, memory otherwise).
		 */
		private CompletionStoreType store = CompletionStoreType.MEMORY;

		private final CompletionRedis redis = new CompletionRedis();

		public CompletionStoreType getStore() {
			return this.store;
		}

		public void setStore(CompletionStoreType store) {
			this.store = store;
		}

		public CompletionRedis getRedis() {
			return this.redis;
		}

		public CompletionMode getMode() {
			return this.mode;
		}

		public void setMode(CompletionMode mode) {
			this.mode = mode;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public int getMaxInFlight() {
			return this.maxInFlight;
		}

		public void setMaxInFlight(int maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

	}

	/**
	 * The Redis completion store.
	 */
	public static class CompletionRedis {

		/**
		 * Key of the Redis stream of completions, the same for every replica.
		 */
		private String stream = "specora:completions";

		/**
		 * Consumer group of the replicas that deliver the completions.
		 */
		private String group = "specora-completions";

		/**
		 * How long a completion may stay pending with a replica that does not answer
		 * before another replica claims it; longer than specora.deadline.
		 */
		private Duration lease = Duration.ofMinutes(1);

		/**
		 * How long a governed call waits for Redis to take its completion before the
		 * completion goes to the memory of this process instead (moved to Redis once
		 * it answers again). A non-blocking thread never waits.
		 */
		private Duration appendTimeout = Duration.ofMillis(200);

		/**
		 * Consumer name of this replica in the consumer group: stable across its
		 * restarts (for example a StatefulSet pod name) and different from every other
		 * live replica's. Unset or blank: 'specora-<HOSTNAME>-<pid>'. Consumers idle for
		 * an hour with nothing pending are removed from the group.
		 */
		private String consumerName;

		/**
		 * The consumer name of this replica in the consumer group.
		 * @return the name, or {@code null} (or blank) for the default
		 * {@code specora-<HOSTNAME>-<pid>}
		 */
		public String getConsumerName() {
			return this.consumerName;
		}

		/**
		 * Sets the consumer name of this replica in the consumer group: stable across
		 * its restarts and different from every other live replica's.
		 * @param consumerName the name, or {@code null} (or blank) for the default
		 * {@code specora-<HOSTNAME>-<pid>}
		 */
		public void setConsumerName(String consumerName) {
			this.consumerName = consumerName;
		}

		public Duration getAppendTimeout() {
			return this.appendTimeout;
		}

		public void setAppendTimeout(Duration appendTimeout) {
			this.appendTimeout = appendTimeout;
		}

		public String getStream() {
			return this.stream;
		}

		public void setStream(String stream) {
			this.stream = stream;
		}

		public String getGroup() {
			return this.group;
		}

		public void setGroup(String group) {
			this.group = group;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

	}

	/**
	 * Where async completions wait for delivery.
	 */
	public enum CompletionStoreType {

		/** Redis when a RedisConnectionFactory is available, memory otherwise. */
		AUTO,

		/** In the memory of this process. */
		MEMORY,

		/** In a Redis stream shared by the replicas. */
		REDIS

	}

	/**
	 * How completions are delivered.
	 */
	public enum CompletionMode {

		/** Queued and delivered in the background, with retries. */
		ASYNC,

		/** Delivered before the governed method returns. */
		SYNC

	}

}
