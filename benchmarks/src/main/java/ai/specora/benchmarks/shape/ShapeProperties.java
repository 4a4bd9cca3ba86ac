package ai.specora.benchmarks.shape;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the {@linkplain ImportStarterShape starter's shape}: as many properties,
 * of the same kinds and nesting, as the starter's {@code specora.*} properties, under
 * {@code shape.*}. Their accessors only hold values for the binder.
 */
@ConfigurationProperties("shape")
public class ShapeProperties {

	private boolean enabled = true;

	private String baseUrl;

	private String apiKey;

	private String orgId;

	private String projectId;

	private String agentId;

	private String vendorId;

	private String tenantId;

	private String workflowId;

	private boolean strictMode;

	private boolean warmUp = true;

	private Mode failMode = Mode.FIRST;

	private Duration timeout = Duration.ofSeconds(5);

	private Duration deadline = Duration.ofSeconds(15);

	private int retries = 2;

	private Duration retryBackoff = Duration.ofMillis(200);

	private Duration maxRetryBackoff = Duration.ofSeconds(2);

	private final Ssl ssl = new Ssl();

	private final Enforcement enforcement = new Enforcement();

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

	public Mode getFailMode() {
		return this.failMode;
	}

	public void setFailMode(Mode failMode) {
		this.failMode = failMode;
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

	/** A choice, bound from its name. */
	public enum Mode {

		/** The first. */
		FIRST,

		/** The second. */
		SECOND

	}

	/** A nested group of one property. */
	public static class Ssl {

		private String bundle;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	/** A nested group with a nested group. */
	public static class Enforcement {

		private boolean enabled = true;

		private int order;

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

	/** A nested group with a nested group. */
	public static class Completion {

		private Mode store = Mode.FIRST;

		private Mode mode = Mode.SECOND;

		private int queueCapacity = 10_000;

		private Duration maxAge = Duration.ofHours(1);

		private Duration shutdownTimeout = Duration.ofSeconds(10);

		private final Redis redis = new Redis();

		public Mode getStore() {
			return this.store;
		}

		public void setStore(Mode store) {
			this.store = store;
		}

		public Mode getMode() {
			return this.mode;
		}

		public void setMode(Mode mode) {
			this.mode = mode;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
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

		public Redis getRedis() {
			return this.redis;
		}

	}

	/** A nested group of three properties. */
	public static class Redis {

		private String stream = "shape";

		private String group = "shape";

		private Duration lease = Duration.ofSeconds(30);

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

}
