package ai.specora.client.platform;

import ai.specora.client.FailMode;
import ai.specora.client.SpecoraClient;
import ai.specora.client.ValidationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Strict governance mode: {@code proxyExecute} needs the authorization id of a prior
 * {@code preAuthorize}.
 */
class PlatformStrictModeTest {

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	@BeforeEach
	void stub() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.AUTHORIZED)));
		platform.stubFor(post("/v1/platform/proxy/execute").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.PROXY)));
	}

	@Test
	void withoutAnAuthorizationProxyExecuteIsRefusedBeforeAnyRequest() {
		SpecoraClient client = PlatformFixtures.modelA(platform).strictMode(true).build();
		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> client.platform().proxyExecute(PlatformFixtures.proxyRequest(null)));
		assertThat(ex.getMessage()).contains("strict mode").contains("call preAuthorize first");
		assertThat(platform.getAllServeEvents()).isEmpty();
	}

	@Test
	void afterPreAuthorizeProxyExecuteGoesThrough() {
		SpecoraClient client = PlatformFixtures.modelA(platform).strictMode(true).build();
		assertThat(client.platform().settings().strictMode()).isTrue();
		PreAuthorizationResult authorization = client.platform().preAuthorize(PlatformFixtures.preAuthorizeRequest());
		ProxyExecuteResult result = client.platform()
			.proxyExecute(ProxyExecuteRequest.builder(Provider.ANTHROPIC, "claude-sonnet-4-20250514")
				.message(ChatMessage.user("Hello"))
				.authorization(authorization)
				.build());
		assertThat(result.content()).isEqualTo("Hello!");
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/proxy/execute"))
			.withRequestBody(matchingJsonPath("$.authorization_id", equalTo("auth_1"))));
	}

	@Test
	void withoutStrictModeProxyExecuteNeedsNoAuthorization() {
		SpecoraClient client = PlatformFixtures.modelA(platform).build();
		assertThat(client.platform().settings().strictMode()).isFalse();
		assertThat(client.platform().proxyExecute(PlatformFixtures.proxyRequest(null)).id()).isEqualTo("cmpl_1");
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/proxy/execute"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
				.not(matchingJsonPath("$.authorization_id"))));
	}

	@Test
	void aFailOpenAuthorizationHasNoIdSoStrictModeStillRefuses() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(503, "")));
		SpecoraClient client = PlatformFixtures.modelA(platform)
			.strictMode(true)
			.failMode(FailMode.OPEN)
			.retries(0)
			.build();
		PreAuthorizationResult authorization = client.platform().preAuthorize(PlatformFixtures.preAuthorizeRequest());
		assertThat(authorization.isFailOpen()).isTrue();
		ProxyExecuteRequest request = ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4")
			.message(ChatMessage.user("Hello"))
			.authorization(authorization)
			.build();
		assertThat(request.provider()).isEqualTo(Provider.ANTHROPIC);
		assertThat(catchThrowableOfType(ValidationException.class, () -> client.platform().proxyExecute(request)))
			.hasMessageContaining("call preAuthorize first");
		assertThat(platform.findAll(postRequestedFor(urlEqualTo("/v1/platform/proxy/execute")))).isEmpty();
	}

	@Test
	void aRefusedPreAuthorizationCannotBeCarriedIntoProxyExecute() {
		PreAuthorizationResult refused = new PreAuthorizationResult(false, null, null, null, "provider quarantined",
				null, false);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4").authorization(refused))
			.withMessageContaining("provider quarantined");
	}

}
