package ai.specora.sample;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ai.specora.localauthority.BudgetRule;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.LocalAuthoritySettings;
import ai.specora.localauthority.PolicyEffect;
import ai.specora.localauthority.PolicyRule;
import ai.specora.spring.autoconfigure.SpecoraConnectionDetails;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts the local authority from the {@code specora.local-authority.*} properties.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "specora.local-authority.enabled")
class InterimLocalAuthorityConfiguration {

	@Bean(destroyMethod = "close")
	LocalAuthority localAuthority(Environment environment) {
		Binder binder = Binder.get(environment);
		List<Policy> policies = binder.bind("specora.local-authority.policies", Bindable.listOf(Policy.class))
			.orElse(List.of());
		List<Budget> budgets = binder.bind("specora.local-authority.budgets", Bindable.listOf(Budget.class))
			.orElse(List.of());
		String apiKey = environment.getProperty("specora.api-key", UUID.randomUUID().toString());
		LocalAuthoritySettings.Builder settings = LocalAuthoritySettings.builder()
			.apiKey(apiKey)
			.orgId(environment.getRequiredProperty("specora.org-id"))
			.defaultEffect(PolicyEffect.valueOf(environment
				.getProperty("specora.local-authority.default-effect", "allow")
				.toUpperCase(Locale.ROOT)));
		policies.forEach((policy) -> settings.policy(new PolicyRule(policy.name(), policy.actionType(), policy.scope(),
				PolicyEffect.valueOf(policy.effect().toUpperCase(Locale.ROOT)), policy.reason(),
				policy.approvalSource())));
		budgets.forEach((budget) -> settings
			.budget(new BudgetRule(budget.name(), budget.actionType(), budget.scope(), budget.limit(), budget.period())));
		String secret = environment.getProperty("specora.webhook.secret");
		if (secret != null) {
			settings.webhookSecret(secret)
				.webhookTarget(() -> URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port")
						+ environment.getProperty("specora.webhook.path", "/specora/webhooks")));
		}
		return LocalAuthority.start(settings.build());
	}

	@Bean
	SpecoraConnectionDetails localAuthorityConnectionDetails(LocalAuthority authority) {
		return new SpecoraConnectionDetails() {

			@Override
			public String baseUrl() {
				return authority.baseUrl();
			}

			@Override
			public String apiKey() {
				return authority.settings().apiKey();
			}

			@Override
			public String toString() {
				return "LocalAuthorityConnectionDetails[" + authority.baseUrl() + "]";
			}

		};
	}

	record Policy(String name, String actionType, Map<String, String> scope, String effect, String reason,
			String approvalSource) {
	}

	record Budget(String name, String actionType, Map<String, String> scope, BigDecimal limit, Duration period) {
	}

}
