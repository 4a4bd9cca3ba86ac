package ai.specora.spring.autoconfigure.localauthority;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of the embedded local authority, under the
 * {@code specora.local-authority} prefix: an in-memory implementation of the Specora
 * protocol for development, demos and tests, never for production. It needs
 * {@code ai.specora:specora-local-authority} on the class path.
 */
@ConfigurationProperties("specora.local-authority")
public class SpecoraLocalAuthorityProperties {

	/**
	 * Whether to start a local authority inside the application and point the Specora
	 * client at it. For development, demos and tests only: refused under a 'prod' or
	 * 'production' profile.
	 */
	private boolean enabled;

	/**
	 * Loopback port of the local authority; 0 picks a free one.
	 */
	private int port;

	/**
	 * Decision for actions that match no policy.
	 */
	private Effect defaultEffect = Effect.ALLOW;

	/**
	 * Policies, tried in order: the first whose action type and scope match decides.
	 */
	private List<Policy> policies = new ArrayList<>();

	/**
	 * Budgets in USD: each action's estimated cost is reserved against every budget it
	 * matches, and an action that would exceed one is blocked.
	 */
	private List<Budget> budgets = new ArrayList<>();

	/**
	 * The Platform API's scripted state: budgets in micro-USD, policy checks, model
	 * preferences and model assignments.
	 */
	@NestedConfigurationProperty
	private SpecoraLocalAuthorityPlatformProperties platform = new SpecoraLocalAuthorityPlatformProperties();

	/**
	 * Where the local authority posts its signed webhooks. By default, this
	 * application's own webhook endpoint (specora.webhook.path on its server port) when
	 * that endpoint is configured; otherwise no webhooks are sent.
	 */
	private URI webhookUrl;

	/**
	 * Secret the webhooks are signed with. Defaults to the first of
	 * specora.webhook.secret and specora.webhook.secrets.
	 */
	private String webhookSecret;

	/**
	 * Maximum number of journal entries kept in memory; the oldest are dropped first.
	 */
	private int journalCapacity = 10_000;

	/**
	 * How long a reservation stays held for an action that is never completed.
	 */
	private Duration reservationTtl = Duration.ofMinutes(5);

	/**
	 * Ed25519 private key that signs evidence bundle manifests, as PKCS#8 PEM
	 * ("-----BEGIN PRIVATE KEY-----"). Set it together with evidence-signing-public-key;
	 * by default a key pair is generated at start-up, and its public key is served at
	 * GET /v1/platform/evidence/signing-key.
	 */
	private String evidenceSigningPrivateKey;

	/**
	 * Ed25519 public key of evidence-signing-private-key, as PEM ("-----BEGIN PUBLIC
	 * KEY-----") or the base64 of its raw 32 bytes.
	 */
	private String evidenceSigningPublicKey;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public Effect getDefaultEffect() {
		return this.defaultEffect;
	}

	public void setDefaultEffect(Effect defaultEffect) {
		this.defaultEffect = defaultEffect;
	}

	public List<Policy> getPolicies() {
		return this.policies;
	}

	public void setPolicies(List<Policy> policies) {
		this.policies = policies;
	}

	public List<Budget> getBudgets() {
		return this.budgets;
	}

	public void setBudgets(List<Budget> budgets) {
		this.budgets = budgets;
	}

	public SpecoraLocalAuthorityPlatformProperties getPlatform() {
		return this.platform;
	}

	public void setPlatform(SpecoraLocalAuthorityPlatformProperties platform) {
		this.platform = platform;
	}

	public URI getWebhookUrl() {
		return this.webhookUrl;
	}

	public void setWebhookUrl(URI webhookUrl) {
		this.webhookUrl = webhookUrl;
	}

	public String getWebhookSecret() {
		return this.webhookSecret;
	}

	public void setWebhookSecret(String webhookSecret) {
		this.webhookSecret = webhookSecret;
	}

	public int getJournalCapacity() {
		return this.journalCapacity;
	}

	public void setJournalCapacity(int journalCapacity) {
		this.journalCapacity = journalCapacity;
	}

	public Duration getReservationTtl() {
		return this.reservationTtl;
	}

	public void setReservationTtl(Duration reservationTtl) {
		this.reservationTtl = reservationTtl;
	}

	public String getEvidenceSigningPrivateKey() {
		return this.evidenceSigningPrivateKey;
	}

	public void setEvidenceSigningPrivateKey(String evidenceSigningPrivateKey) {
		this.evidenceSigningPrivateKey = evidenceSigningPrivateKey;
	}

	public String getEvidenceSigningPublicKey() {
		return this.evidenceSigningPublicKey;
	}

	public void setEvidenceSigningPublicKey(String evidenceSigningPublicKey) {
		this.evidenceSigningPublicKey = evidenceSigningPublicKey;
	}

	@Override
	public String toString() {
		return "SpecoraLocalAuthorityProperties[enabled=" + this.enabled + ", port=" + this.port + ", policies="
				+ this.policies.size() + ", budgets=" + this.budgets.size() + ", webhookUrl=" + this.webhookUrl
				+ ", webhookSecret=" + ((this.webhookSecret != null) ? "******" : null) + ", evidenceSigningPrivateKey="
				+ ((this.evidenceSigningPrivateKey != null) ? "******" : null) + "]";
	}

	/**
	 * What a policy decides.
	 */
	public enum Effect {

		/** The action runs. */
		ALLOW,

		/** The action is refused. */
		BLOCK,

		/** The action waits for an approval. */
		SUSPEND

	}

	/**
	 * One policy of the local authority.
	 */
	public static class Policy {

		/**
		 * Name of the policy, unique among the policies; reported as policy id
		 * 'pol_<name>'. Defaults to 'policy-<index>'.
		 */
		private String name;

		/**
		 * Glob the action type must match ('*' any run of characters, '?' one
		 * character), for example 'db_*'.
		 */
		private String actionType = "*";

		/**
		 * Scope key to value glob; every entry must match the action's scope.
		 */
		private Map<String, String> scope = new LinkedHashMap<>();

		/**
		 * What the policy decides.
		 */
		private Effect effect = Effect.ALLOW;

		/**
		 * Reason given when the policy blocks.
		 */
		private String reason;

		/**
		 * Who must approve when the policy suspends, for example 'slack:#sec-approvals'.
		 */
		private String approvalSource;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getActionType() {
			return this.actionType;
		}

		public void setActionType(String actionType) {
			this.actionType = actionType;
		}

		public Map<String, String> getScope() {
			return this.scope;
		}

		public void setScope(Map<String, String> scope) {
			this.scope = scope;
		}

		public Effect getEffect() {
			return this.effect;
		}

		public void setEffect(Effect effect) {
			this.effect = effect;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

		public String getApprovalSource() {
			return this.approvalSource;
		}

		public void setApprovalSource(String approvalSource) {
			this.approvalSource = approvalSource;
		}

	}

	/**
	 * One budget of the local authority.
	 */
	public static class Budget {

		/**
		 * Name of the budget, unique among the budgets. Defaults to 'budget-<index>'.
		 */
		private String name;

		/**
		 * Glob the action type must match for the budget to apply.
		 */
		private String actionType = "*";

		/**
		 * Scope key to value glob; the budget applies when every entry matches.
		 */
		private Map<String, String> scope = new LinkedHashMap<>();

		/**
		 * Limit in USD per period.
		 */
		private BigDecimal limit;

		/**
		 * Length of the budget's period; usage starts again at zero in each.
		 */
		private Duration period = Duration.ofDays(1);

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getActionType() {
			return this.actionType;
		}

		public void setActionType(String actionType) {
			this.actionType = actionType;
		}

		public Map<String, String> getScope() {
			return this.scope;
		}

		public void setScope(Map<String, String> scope) {
			this.scope = scope;
		}

		public BigDecimal getLimit() {
			return this.limit;
		}

		public void setLimit(BigDecimal limit) {
			this.limit = limit;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

	}

}
