package ai.specora.spring.autoconfigure.webhook;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code specora.webhook.secret} or {@code specora.webhook.secrets} holds a
 * non-blank value. The condition report names the properties, never their values.
 */
class OnWebhookSecretCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Specora webhook secret");
		Binder binder = Binder.get(context.getEnvironment());
		String secret = binder.bind("specora.webhook.secret", String.class).orElse(null);
		if (secret != null && !secret.isBlank()) {
			return ConditionOutcome.match(message.foundExactly("property specora.webhook.secret"));
		}
		List<String> secrets = binder.bind("specora.webhook.secrets", Bindable.listOf(String.class))
			.orElse(List.of());
		if (secrets.stream().anyMatch((value) -> value != null && !value.isBlank())) {
			return ConditionOutcome.match(message.foundExactly("property specora.webhook.secrets"));
		}
		return ConditionOutcome
			.noMatch(message.didNotFind("property").items("specora.webhook.secret", "specora.webhook.secrets"));
	}

}
