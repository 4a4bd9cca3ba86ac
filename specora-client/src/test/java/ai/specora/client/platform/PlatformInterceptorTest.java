package ai.specora.client.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.specora.client.SpecoraClient;
import ai.specora.client.ValidationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A {@link PlatformCallInterceptor} sees every platform call (blocking and reactive),
 * its operation and provider, and its result or error; several add up, the first
 * outermost.
 */
class PlatformInterceptorTest {

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	@Test
	void everyCallPassesThroughTheInterceptorsInOrder() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.AUTHORIZED)));
		platform.stubFor(get("/v1/platform/risk-score").willReturn(PlatformFixtures.json(200, PlatformFixtures.RISK)));
		List<String> seen = new CopyOnWriteArrayList<>();
		SpecoraClient client = PlatformFixtures.modelA(platform)
			.platformInterceptor(recording("outer", seen))
			.platformInterceptor(recording("inner", seen))
			.build();
		client.platform().preAuthorize(PlatformFixtures.preAuthorizeRequest());
		client.reactive().platform().getRiskScore().block();
		assertThat(seen).containsExactly("outer subscribe PRE_AUTHORIZE anthropic",
				"inner subscribe PRE_AUTHORIZE anthropic", "inner PreAuthorizationResult",
				"outer PreAuthorizationResult", "outer subscribe GET_RISK_SCORE null",
				"inner subscribe GET_RISK_SCORE null", "inner RiskScoreResult", "outer RiskScoreResult");
	}

	@Test
	void refusalsBeforeAnyRequestPassThroughTheInterceptorToo() {
		List<String> seen = new CopyOnWriteArrayList<>();
		SpecoraClient client = PlatformFixtures.modelA(platform).platformInterceptor(recording("only", seen)).build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> client.platform().validateBudget());
		assertThat(seen).containsExactly("only subscribe VALIDATE_BUDGET null", "only ValidationException");
	}

	private static PlatformCallInterceptor recording(String name, List<String> seen) {
		return new PlatformCallInterceptor() {

			@Override
			public <T> Mono<T> intercept(PlatformCall call, Mono<T> execution) {
				return Mono.defer(() -> {
					seen.add(name + " subscribe " + call.operation() + " "
							+ ((call.provider() != null) ? call.provider().wireName() : null));
					return execution;
				})
					.doOnNext((value) -> seen.add(name + " " + value.getClass().getSimpleName()))
					.doOnError((ex) -> seen.add(name + " " + ex.getClass().getSimpleName()));
			}

		};
	}

}
