package ai.specora.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SpecoraClientBuilderTest {

	private static SpecoraClientBuilder valid() {
		return SpecoraClient.builder()
			.baseUrl("https://api.specora.ai")
			.apiKey(ClientFixtures.API_KEY)
			.orgId(ClientFixtures.ORG_ID);
	}

	@Test
	void buildsWithDefaults() {
		SpecoraClientSettings settings = valid().build().settings();
		assertThat(settings.baseUrl()).hasToString("https://api.specora.ai");
		assertThat(settings.failMode()).isEqualTo(FailMode.CLOSED);
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.deadline()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.retries()).isEqualTo(2);
		assertThat(settings.isVendorModel()).isFalse();
	}

	@Test
	void trailingSlashesOfTheBaseUrlAreRemoved() {
		assertThat(valid().baseUrl("https://api.specora.ai/base//").build().settings().baseUrl())
			.hasToString("https://api.specora.ai/base");
	}

	@Test
	void missingBaseUrlNamesTheSetting() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> valid().baseUrl(null).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("baseUrl"))
			.withMessageContaining("base URL is not set");
	}

	@Test
	void missingApiKeyNamesTheSetting() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> valid().apiKey(" ").build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("apiKey"));
	}

	@Test
	void apiKeyWithWhiteSpaceInsideIsRefusedWithoutShowingIt() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> valid().apiKey("sk_secret value").build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("apiKey"))
			.withMessageNotContaining("sk_secret");
	}

	@Test
	void missingOrgIdNamesTheSetting() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> valid().orgId(null).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("orgId"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.specora.ai", "http://10.0.0.5:8080", "http://localhost.example.com" })
	void plainHttpToARemoteHostIsRefused(String url) {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> valid().baseUrl(url).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("baseUrl"))
			.withMessageContaining("plain http to a remote host");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8765", "http://127.0.0.1:8765", "http://127.3.4.5", "http://[::1]:9000" })
	void plainHttpToLoopbackIsAllowed(String url) {
		assertThat(valid().baseUrl(url).build().settings().baseUrl().getScheme()).isEqualTo("http");
	}

	@ParameterizedTest
	@ValueSource(strings = { "api.specora.ai", "ftp://api.specora.ai", "https://", "https://exa mple.com",
			"https://user:pw@api.specora.ai", "https://api.specora.ai?x=1" })
	void badUrlsAreRefused(String url) {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> valid().baseUrl(url).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("baseUrl"));
	}

	@Test
	void credentialsInABadUrlAreNeverEchoed() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> valid().baseUrl("ftp://admin:hunter2@api.specora.ai").build())
			.withMessageNotContaining("hunter2")
			.withMessageContaining("******@api.specora.ai");
	}

	@Test
	void vendorWithoutTenantIsAConfigurationError() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> valid().vendorId("v-1").build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("tenantId"))
			.withMessageContaining("both vendorId and tenantId");
	}

	@Test
	void tenantWithoutVendorIsAConfigurationError() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> valid().tenantId("t-1").build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("vendorId"));
	}

	@Test
	void vendorAndTenantTogetherSelectTheVendorModel() {
		assertThat(valid().vendorId("v-1").tenantId("t-1").build().settings().isVendorModel()).isTrue();
	}

	@Test
	void nonPositiveDurationsAreRefused() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> valid().timeout(Duration.ZERO).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("timeout"));
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> valid().deadline(Duration.ofSeconds(-1)).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("deadline"));
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> valid().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("maxRetryBackoff"));
	}

	@Test
	void negativeRetriesAreRefused() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> valid().retries(-1).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("retries"));
	}

	@Test
	void nullFailModeIsRefused() {
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(() -> valid().failMode(null).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("failMode"));
	}

	@Test
	void toStringNeverShowsTheApiKey() {
		SpecoraClient client = valid().build();
		assertThat(client.toString()).doesNotContain(ClientFixtures.API_KEY).contains("******");
		assertThat(client.reactive().toString()).doesNotContain(ClientFixtures.API_KEY);
		assertThat(client.settings().toString()).doesNotContain(ClientFixtures.API_KEY);
		assertThat(valid().toString()).doesNotContain(ClientFixtures.API_KEY);
	}

	@Test
	void builderToStringMasksCredentialsInTheBaseUrl() {
		SpecoraClientBuilder builder = valid().baseUrl("https://operator:s3cr3t@api.example.com");
		assertThat(builder.toString()).doesNotContain("s3cr3t").doesNotContain("operator")
			.contains("https://******@api.example.com");
		assertThat(SpecoraClient.builder().toString()).contains("baseUrl=null");
	}

}
