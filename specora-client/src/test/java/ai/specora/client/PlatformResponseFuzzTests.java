package ai.specora.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import ai.specora.client.platform.AssumptionsValidationRequest;
import ai.specora.client.platform.AssumptionsValidationResult;
import ai.specora.client.platform.BudgetValidationResult;
import ai.specora.client.platform.ChatMessage;
import ai.specora.client.platform.EvidenceBundleRequest;
import ai.specora.client.platform.EvidenceBundleResult;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.ExecutionRecordResult;
import ai.specora.client.platform.PlatformClient;
import ai.specora.client.platform.PolicyCheckRequest;
import ai.specora.client.platform.PolicyCheckResult;
import ai.specora.client.platform.PolicyDecision;
import ai.specora.client.platform.PreAuthorizationResult;
import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.PreferenceResolveRequest;
import ai.specora.client.platform.PreferenceResolveResult;
import ai.specora.client.platform.PreferencesResult;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.ProxyExecuteRequest;
import ai.specora.client.platform.ProxyExecuteResult;
import ai.specora.client.platform.ReactivePlatformClient;
import ai.specora.client.platform.RiskScoreResult;
import ai.specora.client.platform.Severity;
import ai.specora.client.platform.WorkflowType;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the decoders of the platform calls ({@link SpecoraClient#platform()}) through
 * the public client, as {@link AuthorityResponseFuzzTests} does for the runtime calls:
 * an {@link InMemoryConnector} answers each call with a fuzzed status, headers and body.
 * <p>
 * The invariant, checked on the public behaviour: every answer ends in the call's typed
 * result or in a {@link SpecoraException}, never in another exception, and a result
 * from the authority comes only from a 2xx answer. For the two decisions
 * ({@code checkPolicy}, {@code preAuthorize}): under fail mode CLOSED a 2xx answer that
 * is not a decision ends in {@link FailClosedException}; under OPEN every answer but a
 * client error ends in a result, marked fail-open when it is not the authority's; a
 * fail-open result never comes from a client error nor under CLOSED; a policy decision
 * is the body's {@code decision} field, and an authorization only comes from a body
 * whose {@code authorized} is the JSON boolean {@code true} with a string
 * {@code authorization_id}. The other calls never fail closed, whatever the fail mode,
 * and a result carries the body's required fields. Nothing here asserts that a decoder
 * is lenient.
 * <p>
 * Input layout: the first byte picks the status ({@link #STATUSES}), the second the
 * headers and the call (bit 0: JSON content type, bits 1-2: a {@code Retry-After}
 * value, bits 3-5: the call, {@link #DECISIONS} or {@link #CALLS}, bit 6: fail mode
 * OPEN), the rest is the body.
 */
class PlatformResponseFuzzTests {

	private static final int[] STATUSES = { 200, 200, 200, 200, 201, 204, 302, 400, 401, 403, 404, 409, 422, 429,
			500, 503 };

	private static final String[] RETRY_AFTER = { null, "0", "1", "Sat, 21 Nov 2026 22:00:00 GMT" };

	/** The decisions, picked by bit 3 of the second byte. */
	private static final String[] DECISIONS = { "checkPolicy", "preAuthorize" };

	/** The other calls, picked by bits 3-5 of the second byte. */
	private static final String[] CALLS = { "validateBudget", "recordExecution", "validateAssumptions",
			"generateEvidenceBundle", "getRiskScore", "proxyExecute", "getPreferences", "resolvePreference" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final InMemoryConnector connector = new InMemoryConnector();

	private final PlatformClient closed = client(FailMode.CLOSED);

	private final PlatformClient open = client(FailMode.OPEN);

	private final PreAuthorizeRequest preAuthorizeRequest = PreAuthorizeRequest
		.builder(Provider.ANTHROPIC, "claude-sonnet-4")
		.estimatedTokens(2000)
		.estimatedCostMicros(500)
		.build();

	/**
	 * Quiets the fail-open warning (one line per fail-open answer, tested in
	 * {@code PlatformFailModeTest}): printed for every input it would slow fuzzing down
	 * many times over.
	 */
	@BeforeAll
	static void quietFailOpenWarnings() {
		failOpenLogger().setLevel(Level.ERROR);
	}

	@AfterAll
	static void restoreFailOpenWarnings() {
		failOpenLogger().setLevel(null);
	}

	private static Logger failOpenLogger() {
		return (Logger) LoggerFactory.getLogger(ReactivePlatformClient.class);
	}

	@FuzzTest
	void decision(byte[] input) {
		int status = answer(input);
		boolean failOpen = failOpen(input);
		String call = DECISIONS[(flags(input) >> 3) & 1];
		PlatformClient platform = failOpen ? this.open : this.closed;
		try {
			if (call.equals("checkPolicy")) {
				checkPolicy(platform.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1")), status, failOpen,
						body(input));
			}
			else {
				checkAuthorization(platform.preAuthorize(this.preAuthorizeRequest), status, failOpen, body(input));
			}
		}
		catch (SpecoraException ex) {
			checkMessage(ex);
			if (isClientError(status)) {
				assertThat(ex).as("a client error is raised whatever the fail mode")
					.isNotInstanceOf(FailClosedException.class);
			}
			else {
				assertThat(failOpen).as("under OPEN only a client error is raised: %s", ex).isFalse();
				assertThat(ex).as("under CLOSED no decision is a FailClosedException")
					.isInstanceOf(FailClosedException.class);
			}
		}
	}

	@FuzzTest
	void call(byte[] input) {
		int status = answer(input);
		PlatformClient platform = failOpen(input) ? this.open : this.closed;
		String call = CALLS[(flags(input) >> 3) & 7];
		try {
			Object result = call(platform, call);
			assertSuccessful(status);
			checkResult(call, result, tree(body(input)));
		}
		catch (SpecoraException ex) {
			checkMessage(ex);
			assertThat(ex).as("a call that is not a decision never fails closed")
				.isNotInstanceOf(FailClosedException.class);
			if (!isClientError(status)) {
				assertThat(ex).isInstanceOf(SpecoraUnavailableException.class);
			}
		}
	}

	private void checkPolicy(PolicyCheckResult result, int status, boolean failOpen, byte[] body) {
		assertThat(result.decision()).isNotNull();
		assertThat(result.severity()).isNotNull();
		if (result.isFailOpen()) {
			assertFailOpenAllowed(status, failOpen);
			assertThat(result.decision()).isEqualTo(PolicyDecision.ALLOW);
			assertThat(result.severity()).isEqualTo(Severity.UNKNOWN);
			return;
		}
		assertSuccessful(status);
		JsonNode decision = tree(body).get("decision");
		assertThat(decision).as("decision field").isNotNull();
		assertThat(decision.isString()).as("decision is a string").isTrue();
		assertThat(decision.stringValue()).as("the decision is the body's").isEqualTo(result.decision().wireName());
		result.invariants().forEach((invariant) -> assertThat(invariant.id()).isNotNull());
	}

	private void checkAuthorization(PreAuthorizationResult result, int status, boolean failOpen, byte[] body) {
		if (result.isFailOpen()) {
			assertFailOpenAllowed(status, failOpen);
			assertThat(result.authorized()).isTrue();
			assertThat(result.authorizationId()).as("a fail-open authorization has no id").isNull();
			return;
		}
		assertSuccessful(status);
		JsonNode tree = tree(body);
		JsonNode authorized = tree.get("authorized");
		assertThat(authorized).as("authorized field").isNotNull();
		assertThat(authorized.isBoolean()).as("authorized is a JSON boolean").isTrue();
		assertThat(result.authorized()).as("the authorization is the body's").isEqualTo(authorized.booleanValue());
		if (result.authorized()) {
			JsonNode authorizationId = tree.get("authorization_id");
			assertThat(authorizationId).as("an authorization carries an authorization_id").isNotNull();
			assertThat(authorizationId.isString()).isTrue();
			assertThat(result.authorizationId()).isEqualTo(authorizationId.stringValue());
		}
	}

	private static void assertFailOpenAllowed(int status, boolean failOpen) {
		assertThat(failOpen).as("a fail-open result only under fail mode OPEN").isTrue();
		assertThat(isClientError(status)).as("a fail-open result never from a client error").isFalse();
	}

	private Object call(PlatformClient platform, String call) {
		return switch (call) {
			case "validateBudget" -> platform.validateBudget();
			case "recordExecution" -> platform.recordExecution(ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4")
				.costMicros(5000)
				.tokens(1000, 500)
				.build());
			case "validateAssumptions" -> platform.validateAssumptions(AssumptionsValidationRequest.builder("run-1")
				.assumption("a1", "the public API is unchanged", Severity.HIGH)
				.build());
			case "generateEvidenceBundle" -> platform.generateEvidenceBundle(EvidenceBundleRequest.of("run-1"));
			case "getRiskScore" -> platform.getRiskScore();
			case "proxyExecute" -> platform.proxyExecute(ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4")
				.message(ChatMessage.user("Hello"))
				.authorizationId("auth_1")
				.build());
			case "getPreferences" -> platform.getPreferences(WorkflowType.REVIEW);
			case "resolvePreference" -> platform.resolvePreference(PreferenceResolveRequest.of(WorkflowType.CODEGEN));
			default -> throw new IllegalStateException(call);
		};
	}

	/** A result carries what the body says of its required fields. */
	private static void checkResult(String call, Object result, JsonNode body) {
		switch (call) {
			case "validateBudget" -> {
				BudgetValidationResult budget = (BudgetValidationResult) result;
				assertPresent(body, "budget_remaining", "budget_total", "usage_percent", "forecast_breach",
						"enforcement_state");
				assertThat(budget.budgetRemaining()).isNotNull();
				assertThat(budget.enforcementState()).isNotNull();
			}
			case "recordExecution" -> {
				ExecutionRecordResult execution = (ExecutionRecordResult) result;
				assertPresent(body, "execution_id", "budget_remaining_micros", "usage_percent", "enforcement_state");
				assertStringEquals(body, "execution_id", execution.executionId());
			}
			case "validateAssumptions" -> {
				AssumptionsValidationResult assumptions = (AssumptionsValidationResult) result;
				assertPresent(body, "severity", "verification_required", "merge_eligible");
				assertThat(assumptions.severity()).isNotNull();
				assumptions.violations().forEach((violation) -> assertThat(violation.assumptionId()).isNotNull());
			}
			case "generateEvidenceBundle" -> {
				EvidenceBundleResult evidence = (EvidenceBundleResult) result;
				assertPresent(body, "bundle_id", "bundle_hash", "storage_path");
				assertStringEquals(body, "bundle_id", evidence.bundleId());
				assertStringEquals(body, "bundle_hash", evidence.bundleHash());
				assertStringEquals(body, "storage_path", evidence.storagePath());
			}
			case "getRiskScore" -> {
				RiskScoreResult risk = (RiskScoreResult) result;
				assertPresent(body, "risk_percentile", "drift_risk", "override_frequency_risk", "anomaly_status");
				assertThat(risk.anomalyStatus()).isNotNull();
			}
			case "proxyExecute" -> {
				ProxyExecuteResult proxy = (ProxyExecuteResult) result;
				assertPresent(body, "id", "provider", "model", "content", "usage", "cost_micros");
				assertStringEquals(body, "id", proxy.id());
				assertStringEquals(body, "content", proxy.content());
				assertThat(proxy.provider()).isNotNull();
				assertThat(proxy.usage()).isNotNull();
			}
			case "getPreferences" -> {
				PreferencesResult preferences = (PreferencesResult) result;
				assertPresent(body, "preferences");
				assertThat(body.get("preferences").isArray()).as("preferences is an array").isTrue();
				assertThat(preferences.preferences()).hasSize(body.get("preferences").size());
				preferences.preferences().forEach((preference) -> assertThat(preference.modelName()).isNotNull());
			}
			case "resolvePreference" -> {
				PreferenceResolveResult resolved = (PreferenceResolveResult) result;
				assertPresent(body, "fallback_used");
				assertThat(resolved).isNotNull();
			}
			default -> throw new IllegalStateException(call);
		}
	}

	private static void assertPresent(JsonNode body, String... fields) {
		for (String field : fields) {
			JsonNode value = body.get(field);
			assertThat(value).as("required field %s", field).isNotNull();
			assertThat(value.isNull()).as("required field %s is not null", field).isFalse();
		}
	}

	private static void assertStringEquals(JsonNode body, String field, String value) {
		if (body.get(field).isString()) {
			assertThat(value).as(field).isEqualTo(body.get(field).stringValue());
		}
	}

	private static void checkMessage(SpecoraException ex) {
		assertThat(ex.getMessage()).isNotBlank().doesNotContain("sk_fuzz_key");
	}

	private PlatformClient client(FailMode failMode) {
		return SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:9")
			.apiKey("sk_fuzz_key")
			.orgId("org-fuzz")
			.vendorId("vendor-fuzz")
			.tenantId("tenant-fuzz")
			.environment(Map.<String, String>of()::get)
			.failMode(failMode)
			.retries(0)
			.timeout(Duration.ofSeconds(10))
			.deadline(Duration.ofSeconds(20))
			.clientConnector(this.connector)
			.build()
			.platform();
	}

	/** Sets the connector's answer from the input; returns the status. */
	private int answer(byte[] input) {
		int status = (input.length > 0) ? STATUSES[input[0] & 0x0F] : 200;
		int flags = flags(input);
		HttpHeaders headers = new HttpHeaders();
		if ((flags & 1) == 0) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		String retryAfter = RETRY_AFTER[(flags >> 1) & 3];
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		this.connector.respond(status, headers, body(input));
		return status;
	}

	private static int flags(byte[] input) {
		return (input.length > 1) ? input[1] : 0;
	}

	private static boolean failOpen(byte[] input) {
		return (flags(input) & 0x40) != 0;
	}

	private static byte[] body(byte[] input) {
		return (input.length > 2) ? Arrays.copyOfRange(input, 2, input.length) : new byte[0];
	}

	/** A client error, raised whatever the fail mode (not 408 or 429, which are retried). */
	private static boolean isClientError(int status) {
		return status >= 400 && status < 500 && status != 408 && status != 429;
	}

	private static void assertSuccessful(int status) {
		assertThat(status).as("a result only from a 2xx answer").isBetween(200, 299);
	}

	private static JsonNode tree(byte[] body) {
		try {
			// decoded as text first: Jackson does not check the UTF-8 of the names of ignored
			// fields, so the client may read a body whose raw bytes a tree parser refuses
			JsonNode tree = JSON.readTree(new String(body, StandardCharsets.UTF_8));
			assertThat(tree).as("a decoded body is a JSON object").isNotNull();
			assertThat(tree.isObject()).as("a decoded body is a JSON object: %s",
					new String(body, StandardCharsets.UTF_8)).isTrue();
			return tree;
		}
		catch (JacksonException ex) {
			throw new AssertionError("a body the client decoded is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
