package ai.specora.spring.autoconfigure.localauthority;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import ai.specora.localauthority.BudgetRule;
import ai.specora.localauthority.LocalAuthoritySettings;
import ai.specora.localauthority.PolicyEffect;
import ai.specora.localauthority.PolicyRule;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.autoconfigure.SpecoraProperties;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookProperties;

import org.springframework.util.StringUtils;

/**
 * Turns the {@code specora.local-authority.*} properties into
 * {@link LocalAuthoritySettings}, naming the property at fault when one is invalid.
 */
final class LocalAuthoritySettingsMapper {

	private static final String PREFIX = "specora.local-authority.";

	/** The organisation of the local authority when {@code specora.org-id} is not set. */
	static final String DEFAULT_ORG_ID = "org_local";

	private final SpecoraLocalAuthorityProperties properties;

	private final SpecoraProperties specora;

	private final SpecoraWebhookProperties webhook;

	LocalAuthoritySettingsMapper(SpecoraLocalAuthorityProperties properties, SpecoraProperties specora,
			SpecoraWebhookProperties webhook) {
		this.properties = properties;
		this.specora = specora;
		this.webhook = webhook;
	}

	/**
	 * Builds the settings.
	 * @param ownEndpoint the application's own webhook endpoint, or {@code null} when it
	 * is not a web application
	 * @return the settings
	 * @throws SpecoraConfigurationException if a property is invalid
	 */
	LocalAuthoritySettings toSettings(Supplier<URI> ownEndpoint) {
		if (this.properties.getDefaultEffect() == null) {
			throw invalid("default-effect", "is required", "default-effect: allow");
		}
		LocalAuthoritySettings.Builder builder = LocalAuthoritySettings.builder()
			.apiKey(StringUtils.hasText(this.specora.getApiKey()) ? this.specora.getApiKey()
					: "sk_local_" + UUID.randomUUID().toString().replace("-", ""))
			.orgId(StringUtils.hasText(this.specora.getOrgId()) ? this.specora.getOrgId() : DEFAULT_ORG_ID)
			.port(check("port", this.properties.getPort(), 0, 65535))
			.defaultEffect(effect(this.properties.getDefaultEffect()))
			.journalCapacity(check("journal-capacity", this.properties.getJournalCapacity(), 1, Integer.MAX_VALUE));
		if (this.properties.getReservationTtl() == null || this.properties.getReservationTtl().isNegative()
				|| this.properties.getReservationTtl().isZero()) {
			throw invalid("reservation-ttl", "must be a positive duration, but is "
					+ this.properties.getReservationTtl(), "reservation-ttl: 5m");
		}
		builder.reservationTtl(this.properties.getReservationTtl());
		List<SpecoraLocalAuthorityProperties.Policy> policies = this.properties.getPolicies();
		for (int i = 0; i < policies.size(); i++) {
			builder.policy(policy(i, policies.get(i)));
		}
		List<SpecoraLocalAuthorityProperties.Budget> budgets = this.properties.getBudgets();
		for (int i = 0; i < budgets.size(); i++) {
			builder.budget(budget(i, budgets.get(i)));
		}
		if (StringUtils.hasText(this.specora.getVendorId()) && StringUtils.hasText(this.specora.getTenantId())) {
			builder.modelB(this.specora.getVendorId(), this.specora.getTenantId());
		}
		new LocalAuthorityPlatformMapper(this.properties.getPlatform()).apply(builder);
		applyWebhooks(builder, ownEndpoint);
		applyEvidenceSigningKey(builder);
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new SpecoraConfigurationException(PREFIX + "*",
					"Invalid local authority configuration: " + ex.getMessage(),
					"Fix the properties under specora.local-authority.", ex);
		}
	}

	private void applyWebhooks(LocalAuthoritySettings.Builder builder, Supplier<URI> ownEndpoint) {
		String secret = StringUtils.hasText(this.properties.getWebhookSecret()) ? this.properties.getWebhookSecret()
				: this.webhook.allSecrets().stream().findFirst().orElse(null);
		URI url = this.properties.getWebhookUrl();
		if (url != null) {
			String scheme = url.getScheme();
			if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
				throw invalid("webhook-url", "must be an http or https URL, but is '" + url + "'",
						"webhook-url: http://127.0.0.1:8080/specora/webhooks");
			}
			if (secret == null) {
				throw invalid("webhook-secret", "is needed to sign the webhooks sent to " + url,
						"webhook-secret: <the secret the receiver verifies with>");
			}
			builder.webhookUrl(url).webhookSecret(secret);
		}
		else if (secret != null && ownEndpoint != null) {
			builder.webhookTarget(ownEndpoint).webhookSecret(secret);
		}
	}

	private void applyEvidenceSigningKey(LocalAuthoritySettings.Builder builder) {
		String privateKey = this.properties.getEvidenceSigningPrivateKey();
		String publicKey = this.properties.getEvidenceSigningPublicKey();
		if (!StringUtils.hasText(privateKey) && !StringUtils.hasText(publicKey)) {
			return;
		}
		if (!StringUtils.hasText(privateKey) || !StringUtils.hasText(publicKey)) {
			String missing = StringUtils.hasText(privateKey) ? "evidence-signing-public-key"
					: "evidence-signing-private-key";
			throw invalid(missing, "is needed: evidence-signing-private-key and evidence-signing-public-key are set "
					+ "both or neither", missing + ": |\n      -----BEGIN ...");
		}
		try {
			builder.evidenceSigningKey(privateKey, publicKey);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("evidence-signing-private-key", "and evidence-signing-public-key are not one Ed25519 key "
					+ "pair: " + ex.getMessage(), null);
		}
	}

	private PolicyRule policy(int index, SpecoraLocalAuthorityProperties.Policy policy) {
		String property = "policies[" + index + "]";
		if (policy.getEffect() == null) {
			throw invalid(property + ".effect", "is required", "effect: allow");
		}
		String name = StringUtils.hasText(policy.getName()) ? policy.getName() : "policy-" + index;
		return new PolicyRule(name, policy.getActionType(), policy.getScope(), effect(policy.getEffect()),
				policy.getReason(), policy.getApprovalSource());
	}

	private BudgetRule budget(int index, SpecoraLocalAuthorityProperties.Budget budget) {
		String property = "budgets[" + index + "]";
		if (budget.getLimit() == null || budget.getLimit().signum() < 0) {
			throw invalid(property + ".limit", "must be an amount in USD of zero or more, but is "
					+ budget.getLimit(), "limit: 100.00");
		}
		if (budget.getPeriod() == null || budget.getPeriod().toMillis() <= 0) {
			throw invalid(property + ".period", "must be at least one millisecond, but is " + budget.getPeriod(),
					"period: 1d");
		}
		String name = StringUtils.hasText(budget.getName()) ? budget.getName() : "budget-" + index;
		return new BudgetRule(name, budget.getActionType(), budget.getScope(), budget.getLimit(),
				budget.getPeriod());
	}

	private static PolicyEffect effect(SpecoraLocalAuthorityProperties.Effect effect) {
		return switch (effect) {
			case ALLOW -> PolicyEffect.ALLOW;
			case BLOCK -> PolicyEffect.BLOCK;
			case SUSPEND -> PolicyEffect.SUSPEND;
		};
	}

	private static int check(String property, int value, int min, int max) {
		if (value < min || value > max) {
			throw invalid(property, "must be between " + min + " and " + max + ", but is " + value, null);
		}
		return value;
	}

	private static SpecoraConfigurationException invalid(String property, String problem, String example) {
		String action = "Fix property '" + PREFIX + property + "'"
				+ ((example != null) ? ", for example:\n\n    " + example : ".");
		return new SpecoraConfigurationException(PREFIX + property,
				"Property '" + PREFIX + property + "' " + problem, action, null);
	}

}
