package ai.specora.localauthority;

import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Immutable settings of a {@link LocalAuthority}; build them with {@link #builder()}.
 * <p>
 * Only {@code apiKey} is required. {@code toString()} never shows the API key or the
 * webhook secret.
 */
public final class LocalAuthoritySettings {

	/** The default bound of the journal. */
	public static final int DEFAULT_JOURNAL_CAPACITY = 10_000;

	/** The default life of a reservation (the {@code expires_at} of an allow). */
	public static final Duration DEFAULT_RESERVATION_TTL = Duration.ofMinutes(5);

	/** The provider {@code preferences/resolve} answers when no preference matches. */
	public static final String DEFAULT_PROVIDER = "openai";

	/** The model {@code preferences/resolve} answers when no preference matches. */
	public static final String DEFAULT_MODEL = "gpt-4o-mini";

	/** The default number of webhook delivery attempts. */
	public static final int DEFAULT_WEBHOOK_MAX_ATTEMPTS = 4;

	/** The default wait before the first webhook retry; doubled on each further one. */
	public static final Duration DEFAULT_WEBHOOK_RETRY_BACKOFF = Duration.ofMillis(500);

	private final String apiKey;

	private final String orgId;

	private final int port;

	private final PolicyEffect defaultEffect;

	private final List<PolicyRule> policies;

	private final List<BudgetRule> budgets;

	private final PlatformState platform;

	private final URI webhookUrl;

	private final Supplier<URI> webhookTarget;

	private final String webhookSecret;

	private final int webhookMaxAttempts;

	private final Duration webhookRetryBackoff;

	private final int journalCapacity;

	private final Duration reservationTtl;

	private final Clock clock;

	private final KeyPair evidenceSigningKey;

	private LocalAuthoritySettings(Builder builder) {
		SettingsValidation.requireApiKey(builder.apiKey);
		SettingsValidation.requirePort(builder.port);
		SettingsValidation.requireAtLeastOne(builder.journalCapacity, "journalCapacity");
		SettingsValidation.requirePositive(builder.reservationTtl, "reservationTtl");
		SettingsValidation.requirePositive(builder.webhookRetryBackoff, "webhookRetryBackoff");
		SettingsValidation.requireAtLeastOne(builder.webhookMaxAttempts, "webhookMaxAttempts");
		SettingsValidation.requireWebhooks(builder.webhookUrl, builder.webhookTarget, builder.webhookSecret);
		this.apiKey = builder.apiKey;
		this.orgId = builder.orgId;
		this.port = builder.port;
		this.defaultEffect = Objects.requireNonNull(builder.defaultEffect, "defaultEffect must not be null");
		this.policies = List.copyOf(builder.policies);
		this.budgets = List.copyOf(builder.budgets);
		SettingsValidation.requireUniqueNames(this.policies.stream().map(PolicyRule::name).toList(), "policy");
		SettingsValidation.requireUniqueNames(this.budgets.stream().map(BudgetRule::name).toList(), "budget");
		this.platform = new PlatformState(builder.vendorId, builder.tenantId, builder.platformBudgets,
				builder.platformPolicies, builder.preferences, builder.modelAssignments, builder.defaultProvider,
				builder.defaultModel);
		this.webhookUrl = builder.webhookUrl;
		this.webhookTarget = builder.webhookTarget;
		this.webhookSecret = builder.webhookSecret;
		this.webhookMaxAttempts = builder.webhookMaxAttempts;
		this.webhookRetryBackoff = builder.webhookRetryBackoff;
		this.journalCapacity = builder.journalCapacity;
		this.reservationTtl = builder.reservationTtl;
		this.clock = Objects.requireNonNull(builder.clock, "clock must not be null");
		if (builder.evidenceSigningKey != null) {
			EvidenceSigner.of(builder.evidenceSigningKey);
		}
		this.evidenceSigningKey = builder.evidenceSigningKey;
	}

	/**
	 * Starts a builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The API key every request must present as {@code Authorization: Bearer <key>}.
	 * @return the API key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * The organisation id; a request naming another {@code org_id} is refused with 403.
	 * @return the org id, or {@code null} to accept any
	 */
	public String orgId() {
		return this.orgId;
	}

	/**
	 * The port to bind on 127.0.0.1; 0 picks a free one.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The effect applied when no policy matches.
	 * @return the default effect
	 */
	public PolicyEffect defaultEffect() {
		return this.defaultEffect;
	}

	/**
	 * The policies, tried in order.
	 * @return the policies
	 */
	public List<PolicyRule> policies() {
		return this.policies;
	}

	/**
	 * The budgets.
	 * @return the budgets
	 */
	public List<BudgetRule> budgets() {
		return this.budgets;
	}

	/**
	 * The Model B vendor id the platform calls must present as
	 * {@code X-Specora-Vendor-Id}; another one is refused with 403.
	 * @return the vendor id, or {@code null} to accept any
	 */
	public String vendorId() {
		return this.platform.vendorId();
	}

	/**
	 * The Model B tenant id the platform calls must present as
	 * {@code X-Specora-Tenant-Id}; another one is refused with 403.
	 * @return the tenant id, or {@code null} to accept any
	 */
	public String tenantId() {
		return this.platform.tenantId();
	}

	/**
	 * The platform budgets in micro-USD, charged by recorded executions and proxied
	 * calls.
	 * @return the platform budgets
	 */
	public List<PlatformBudget> platformBudgets() {
		return this.platform.platformBudgets();
	}

	/**
	 * The policies of {@code policy/check}, tried in order.
	 * @return the platform policies
	 */
	public List<PlatformPolicy> platformPolicies() {
		return this.platform.platformPolicies();
	}

	/**
	 * The org model preferences, global and per workflow type.
	 * @return the preferences
	 */
	public List<ModelPreference> preferences() {
		return this.platform.preferences();
	}

	/**
	 * The workflow model assignments that override the requested provider and model.
	 * @return the model assignments
	 */
	public List<ModelAssignment> modelAssignments() {
		return this.platform.modelAssignments();
	}

	/**
	 * The provider {@code preferences/resolve} answers when no preference matches.
	 * @return the default provider, or {@code null} for none
	 */
	public String defaultProvider() {
		return this.platform.defaultProvider();
	}

	/**
	 * The model {@code preferences/resolve} answers when no preference matches.
	 * @return the default model, or {@code null} for none
	 */
	public String defaultModel() {
		return this.platform.defaultModel();
	}

	/**
	 * Where events are posted: the fixed {@link Builder#webhookUrl(URI) webhook URL}, or
	 * what the {@link Builder#webhookTarget(Supplier) webhook target} answers now.
	 * @return the webhook URL, or {@code null} for no webhooks (yet)
	 */
	public URI webhookUrl() {
		return (this.webhookTarget != null) ? this.webhookTarget.get() : this.webhookUrl;
	}

	/**
	 * Whether events are to be posted at all: a webhook URL or target is set.
	 * @return whether webhooks are configured
	 */
	public boolean hasWebhooks() {
		return this.webhookUrl != null || this.webhookTarget != null;
	}

	/**
	 * The secret webhooks are signed with.
	 * @return the webhook secret, or {@code null}
	 */
	public String webhookSecret() {
		return this.webhookSecret;
	}

	/**
	 * How many times a webhook delivery is attempted in all.
	 * @return the attempts
	 */
	public int webhookMaxAttempts() {
		return this.webhookMaxAttempts;
	}

	/**
	 * The wait before the first webhook retry.
	 * @return the backoff
	 */
	public Duration webhookRetryBackoff() {
		return this.webhookRetryBackoff;
	}

	/**
	 * The most journal entries kept; the oldest completed or expired entries go first.
	 * @return the capacity
	 */
	public int journalCapacity() {
		return this.journalCapacity;
	}

	/**
	 * How long an allow's reservation lives without a completion.
	 * @return the reservation life
	 */
	public Duration reservationTtl() {
		return this.reservationTtl;
	}

	/**
	 * The clock for timestamps, reservation expiry and budget windows.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * The Ed25519 key pair that signs evidence manifests, or {@code null} when the
	 * authority generates one at start-up.
	 * @return the key pair, or {@code null}
	 */
	public KeyPair evidenceSigningKey() {
		return this.evidenceSigningKey;
	}

	@Override
	public String toString() {
		return "LocalAuthoritySettings[apiKey=******, orgId=" + this.orgId + ", port=" + this.port
				+ ", defaultEffect=" + this.defaultEffect + ", policies=" + this.policies.size() + ", budgets="
				+ this.budgets.size() + ", platformBudgets=" + this.platform.platformBudgets().size()
				+ ", platformPolicies=" + this.platform.platformPolicies().size() + ", preferences="
				+ this.platform.preferences().size() + ", modelAssignments=" + this.platform.modelAssignments().size()
				+ ", webhookUrl=" + ((this.webhookTarget != null) ? "(supplied)" : this.webhookUrl)
				+ ", webhookSecret=" + ((this.webhookSecret != null) ? "******" : null) + ", journalCapacity="
				+ this.journalCapacity + ", reservationTtl=" + this.reservationTtl + ", evidenceSigningKey="
				+ ((this.evidenceSigningKey != null) ? "(configured)" : "(generated)") + "]";
	}

	/**
	 * Builds {@link LocalAuthoritySettings}.
	 */
	public static final class Builder {

		private String apiKey;

		private String orgId;

		private int port;

		private PolicyEffect defaultEffect = PolicyEffect.ALLOW;

		private final List<PolicyRule> policies = new ArrayList<>();

		private final List<BudgetRule> budgets = new ArrayList<>();

		private String vendorId;

		private String tenantId;

		private final List<PlatformBudget> platformBudgets = new ArrayList<>();

		private final List<PlatformPolicy> platformPolicies = new ArrayList<>();

		private final List<ModelPreference> preferences = new ArrayList<>();

		private final List<ModelAssignment> modelAssignments = new ArrayList<>();

		private String defaultProvider = DEFAULT_PROVIDER;

		private String defaultModel = DEFAULT_MODEL;

		private URI webhookUrl;

		private Supplier<URI> webhookTarget;

		private String webhookSecret;

		private int webhookMaxAttempts = DEFAULT_WEBHOOK_MAX_ATTEMPTS;

		private Duration webhookRetryBackoff = DEFAULT_WEBHOOK_RETRY_BACKOFF;

		private int journalCapacity = DEFAULT_JOURNAL_CAPACITY;

		private Duration reservationTtl = DEFAULT_RESERVATION_TTL;

		private Clock clock = Clock.systemUTC();

		private KeyPair evidenceSigningKey;

		private Builder() {
		}

		/**
		 * Sets the API key (required).
		 * @param apiKey the key clients send as bearer token
		 * @return this builder
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * Sets the organisation id.
		 * @param orgId the org id, or {@code null} to accept any
		 * @return this builder
		 */
		public Builder orgId(String orgId) {
			this.orgId = orgId;
			return this;
		}

		/**
		 * Sets the port on 127.0.0.1 (default 0, a free port).
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the effect when no policy matches (default {@link PolicyEffect#ALLOW}).
		 * @param defaultEffect the default effect
		 * @return this builder
		 */
		public Builder defaultEffect(PolicyEffect defaultEffect) {
			this.defaultEffect = defaultEffect;
			return this;
		}

		/**
		 * Replaces the policies.
		 * @param policies the policies, tried in order
		 * @return this builder
		 */
		public Builder policies(List<PolicyRule> policies) {
			this.policies.clear();
			this.policies.addAll(policies);
			return this;
		}

		/**
		 * Adds a policy after those already added.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder policy(PolicyRule policy) {
			this.policies.add(Objects.requireNonNull(policy, "policy must not be null"));
			return this;
		}

		/**
		 * Replaces the budgets.
		 * @param budgets the budgets
		 * @return this builder
		 */
		public Builder budgets(List<BudgetRule> budgets) {
			this.budgets.clear();
			this.budgets.addAll(budgets);
			return this;
		}

		/**
		 * Adds a budget.
		 * @param budget the budget
		 * @return this builder
		 */
		public Builder budget(BudgetRule budget) {
			this.budgets.add(Objects.requireNonNull(budget, "budget must not be null"));
			return this;
		}

		/**
		 * Requires Model B requests to present these ids as {@code X-Specora-Vendor-Id}
		 * and {@code X-Specora-Tenant-Id}; by default any ids are accepted. Both or
		 * neither.
		 * @param vendorId the vendor id, or {@code null}
		 * @param tenantId the tenant id, or {@code null}
		 * @return this builder
		 */
		public Builder modelB(String vendorId, String tenantId) {
			this.vendorId = vendorId;
			this.tenantId = tenantId;
			return this;
		}

		/**
		 * Adds a platform budget in micro-USD.
		 * @param budget the budget
		 * @return this builder
		 */
		public Builder platformBudget(PlatformBudget budget) {
			this.platformBudgets.add(Objects.requireNonNull(budget, "platform budget must not be null"));
			return this;
		}

		/**
		 * Adds a policy of {@code policy/check} after those already added.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder platformPolicy(PlatformPolicy policy) {
			this.platformPolicies.add(Objects.requireNonNull(policy, "platform policy must not be null"));
			return this;
		}

		/**
		 * Adds an org model preference.
		 * @param preference the preference
		 * @return this builder
		 */
		public Builder preference(ModelPreference preference) {
			this.preferences.add(Objects.requireNonNull(preference, "preference must not be null"));
			return this;
		}

		/**
		 * Adds a workflow model assignment.
		 * @param assignment the assignment
		 * @return this builder
		 */
		public Builder modelAssignment(ModelAssignment assignment) {
			this.modelAssignments.add(Objects.requireNonNull(assignment, "model assignment must not be null"));
			return this;
		}

		/**
		 * Sets what {@code preferences/resolve} answers when no preference matches
		 * (default {@value LocalAuthoritySettings#DEFAULT_PROVIDER}/{@value LocalAuthoritySettings#DEFAULT_MODEL}); both
		 * {@code null} for no default, which answers {@code null} provider and model.
		 * @param provider the provider, or {@code null}
		 * @param model the model, or {@code null}
		 * @return this builder
		 */
		public Builder defaultModel(String provider, String model) {
			this.defaultProvider = provider;
			this.defaultModel = model;
			return this;
		}

		/**
		 * Sets where events are posted; requires a {@link #webhookSecret(String)}.
		 * @param webhookUrl the webhook URL, or {@code null} for none
		 * @return this builder
		 */
		public Builder webhookUrl(URI webhookUrl) {
			this.webhookUrl = webhookUrl;
			this.webhookTarget = null;
			return this;
		}

		/**
		 * Sets where events are posted when that is known only once the authority runs,
		 * for example the port of an application server that starts after it. The
		 * supplier is asked at each delivery; an event is dropped, with a warning, while
		 * it answers {@code null}. Replaces a {@link #webhookUrl(URI) fixed URL}.
		 * @param webhookTarget supplies the http or https webhook URL, or {@code null}
		 * for none
		 * @return this builder
		 */
		public Builder webhookTarget(Supplier<URI> webhookTarget) {
			this.webhookTarget = webhookTarget;
			this.webhookUrl = null;
			return this;
		}

		/**
		 * Sets the secret webhooks are signed with.
		 * @param webhookSecret the secret
		 * @return this builder
		 */
		public Builder webhookSecret(String webhookSecret) {
			this.webhookSecret = webhookSecret;
			return this;
		}

		/**
		 * Sets how many times a webhook delivery is attempted in all (default 4).
		 * @param webhookMaxAttempts the attempts, at least 1
		 * @return this builder
		 */
		public Builder webhookMaxAttempts(int webhookMaxAttempts) {
			this.webhookMaxAttempts = webhookMaxAttempts;
			return this;
		}

		/**
		 * Sets the wait before the first webhook retry (default 500 ms), doubled on each
		 * further retry.
		 * @param webhookRetryBackoff the backoff
		 * @return this builder
		 */
		public Builder webhookRetryBackoff(Duration webhookRetryBackoff) {
			this.webhookRetryBackoff = webhookRetryBackoff;
			return this;
		}

		/**
		 * Sets the most journal entries kept (default 10,000).
		 * @param journalCapacity the capacity, at least 1
		 * @return this builder
		 */
		public Builder journalCapacity(int journalCapacity) {
			this.journalCapacity = journalCapacity;
			return this;
		}

		/**
		 * Sets how long an allow's reservation lives without a completion (default 5
		 * minutes).
		 * @param reservationTtl the reservation life
		 * @return this builder
		 */
		public Builder reservationTtl(Duration reservationTtl) {
			this.reservationTtl = reservationTtl;
			return this;
		}

		/**
		 * Sets the clock (default the UTC system clock).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Sets the Ed25519 key pair that signs evidence manifests (default: a key pair
		 * generated when the authority starts, so bundles of one run of the authority are
		 * verified with the key it publishes at {@code GET /v1/platform/evidence/signing-key}).
		 * @param keyPair an Ed25519 key pair, e.g. of
		 * {@code KeyPairGenerator.getInstance("Ed25519")}, or {@code null} for a
		 * generated one
		 * @return this builder
		 */
		public Builder evidenceSigningKey(KeyPair keyPair) {
			this.evidenceSigningKey = keyPair;
			return this;
		}

		/**
		 * Sets the Ed25519 key pair that signs evidence manifests from its texts.
		 * @param privateKeyPem the private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----})
		 * @param publicKey the public key, PEM ({@code -----BEGIN PUBLIC KEY-----}) or the
		 * base64 of its raw 32 bytes
		 * @return this builder
		 * @throws IllegalArgumentException when either text is not an Ed25519 key, or
		 * they are not one key pair
		 */
		public Builder evidenceSigningKey(String privateKeyPem, String publicKey) {
			Objects.requireNonNull(privateKeyPem, "privateKeyPem must not be null");
			Objects.requireNonNull(publicKey, "publicKey must not be null");
			KeyPair keyPair = EvidenceSigner.keyPair(privateKeyPem, publicKey);
			EvidenceSigner.of(keyPair);
			this.evidenceSigningKey = keyPair;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException if a setting is missing or invalid
		 */
		public LocalAuthoritySettings build() {
			return new LocalAuthoritySettings(this);
		}

	}

}
