package ai.specora.spring.actuate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys {@link SpecoraSecretsSanitizingFunction} masks, in every form a property
 * source may hold them, and the keys it leaves alone.
 */
class SpecoraSecretsSanitizingFunctionTests {

	private final SpecoraSecretsSanitizingFunction function = new SpecoraSecretsSanitizingFunction();

	@ParameterizedTest
	@ValueSource(strings = { "specora.api-key", "specora.apiKey", "specora.api_key", "SPECORA_API_KEY",
			"specora.webhook.secret", "SPECORA_WEBHOOK_SECRET", "specora.webhook.secrets",
			"specora.webhook.secrets[0]", "specora.webhook.secrets[12]", "SPECORA_WEBHOOK_SECRETS_0",
			"specora.webhook.secrets.3", "specora.local-authority.webhook-secret",
			"specora.localAuthority.webhookSecret", "SPECORA_LOCALAUTHORITY_WEBHOOKSECRET",
			"specora.local-authority.evidence-signing-private-key",
			"SPECORA_LOCALAUTHORITY_EVIDENCESIGNINGPRIVATEKEY",
			"SPECORA_LOCAL_AUTHORITY_WEBHOOK_SECRET", "Specora.Api-Key" })
	void masksSecretKeys(String key) {
		assertThat(SpecoraSecretsSanitizingFunction.isSecret(key)).isTrue();
		assertThat(this.function.apply(new SanitizableData(null, key, "s3cr3t")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		assertThat(this.function
			.apply(new SanitizableData(new SystemEnvironmentPropertySource("env", Map.of(key, "s3cr3t")), key,
					"s3cr3t"))
			.getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "specora.org-id", "specora.base-url", "specora.webhook.path", "specora.api-key-hint",
			"specora.webhook.secret-count", "other.api-key", "api-key", "spring.data.redis.password",
			"specora.local-authority.webhook-url", "SPECORA", "" })
	void leavesOtherKeysAlone(String key) {
		assertThat(SpecoraSecretsSanitizingFunction.isSecret(key)).isFalse();
		assertThat(this.function.apply(new SanitizableData(null, key, "value")).getValue()).isEqualTo("value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "specora.base-url", "specora.local-authority.webhook-url", "SPECORA_BASE_URL",
			"specora.localAuthority.webhookUrl" })
	void masksTheUserInformationOfUrls(String key) {
		MapPropertySource source = new MapPropertySource("test", Map.of());
		assertThat(this.function.apply(new SanitizableData(source, key, "https://alice:pw@hooks.example.com/x"))
			.getValue()).isEqualTo("https://******@hooks.example.com/x");
		assertThat(this.function.apply(new SanitizableData(source, key, "https://hooks.example.com/a@b")).getValue())
			.isEqualTo("https://hooks.example.com/a@b");
	}

	@ParameterizedTest
	@ValueSource(strings = { "specora.api-key" })
	void leavesNullValuesNull(String key) {
		assertThat(this.function.apply(new SanitizableData(null, key, null)).getValue()).isNull();
	}

}
