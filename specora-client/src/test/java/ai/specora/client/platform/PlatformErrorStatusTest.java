package ai.specora.client.platform;

import java.util.List;
import java.util.function.Function;

import ai.specora.client.AuthenticationException;
import ai.specora.client.AuthorizationException;
import ai.specora.client.BudgetExceededException;
import ai.specora.client.FailMode;
import ai.specora.client.IdempotencyConflictException;
import ai.specora.client.NotFoundException;
import ai.specora.client.SpecoraClientException;
import ai.specora.client.ValidationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * 4xx answers of the platform become the typed exceptions, are never retried, and are
 * raised whatever the fail mode — also by the two decision calls.
 */
class PlatformErrorStatusTest {

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	static List<Arguments> statuses() {
		return List.of(Arguments.of(400, ValidationException.class), Arguments.of(422, ValidationException.class),
				Arguments.of(401, AuthenticationException.class), Arguments.of(402, BudgetExceededException.class),
				Arguments.of(403, AuthorizationException.class), Arguments.of(404, NotFoundException.class),
				Arguments.of(409, IdempotencyConflictException.class));
	}

	private static final List<Function<PlatformClient, Object>> CALLS = List.of(
			(c) -> c.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1")),
			(c) -> c.preAuthorize(PlatformFixtures.preAuthorizeRequest()), PlatformClient::validateBudget,
			(c) -> c.recordExecution(PlatformFixtures.executionRequest()),
			(c) -> c.validateAssumptions(AssumptionsValidationRequest.builder("run-1").build()),
			(c) -> c.generateEvidenceBundle(EvidenceBundleRequest.of("run-1", "trace")), PlatformClient::getRiskScore,
			(c) -> c.proxyExecute(PlatformFixtures.proxyRequest("auth_1")), PlatformClient::getPreferences,
			(c) -> c.resolvePreference(PreferenceResolveRequest.of(WorkflowType.PLAN)));

	@ParameterizedTest(name = "HTTP {0} -> {1}")
	@MethodSource("statuses")
	void clientErrorsAreTypedNeverRetriedAndRaisedInBothModes(int status,
			Class<? extends SpecoraClientException> type) {
		platform.stubFor(post(urlPathMatching("/v1/platform/.*"))
			.willReturn(PlatformFixtures.json(status, PlatformFixtures.error("err_" + status, "refused"))));
		platform.stubFor(get(urlPathMatching("/v1/platform/.*"))
			.willReturn(PlatformFixtures.json(status, PlatformFixtures.error("err_" + status, "refused"))));
		for (FailMode failMode : FailMode.values()) {
			PlatformClient client = PlatformFixtures.modelB(platform).failMode(failMode).build().platform();
			for (Function<PlatformClient, Object> call : CALLS) {
				platform.resetRequests();
				SpecoraClientException ex = catchThrowableOfType(SpecoraClientException.class, () -> call.apply(client));
				assertThat(ex).as("HTTP %d under %s", status, failMode).isExactlyInstanceOf(type);
				assertThat(ex.getStatusCode()).isEqualTo(status);
				assertThat(ex.getRequestId()).isEqualTo("req_srv_42");
				assertThat(ex.getCode()).isEqualTo("err_" + status);
				assertThat(ex.getAttempts()).isEqualTo(1);
				assertThat(ex.getMessage()).doesNotContain(PlatformFixtures.API_KEY);
				assertThat(platform.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
			}
		}
	}

	@Test
	void budgetExceededCarriesTheUsagePercentOfTheErrorDetails() {
		platform.stubFor(post("/v1/platform/executions").willReturn(PlatformFixtures.json(402,
				PlatformFixtures.error("budget_exceeded", "Monthly budget exhausted"))));
		BudgetExceededException ex = catchThrowableOfType(BudgetExceededException.class,
				() -> PlatformFixtures.modelB(platform).build().platform()
					.recordExecution(PlatformFixtures.executionRequest()));
		assertThat(ex.getUsagePercent()).isEqualTo(104.5);
		assertThat(ex.getMessage()).contains("budget_exceeded").contains("Monthly budget exhausted");
	}

	@Test
	void budgetExceededWithoutDetailsHasNoUsagePercent() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(402, "not json")));
		BudgetExceededException ex = catchThrowableOfType(BudgetExceededException.class,
				() -> PlatformFixtures.modelA(platform).failMode(FailMode.OPEN).build().platform()
					.preAuthorize(PlatformFixtures.preAuthorizeRequest()));
		assertThat(ex.getUsagePercent()).isNull();
		assertThat(ex.getStatusCode()).isEqualTo(402);
	}

}
