package ai.specora.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecoraClientEnforceTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	@Test
	void enforceSendsTheProtocolBodyInSnakeCase() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		EnforceRequest request = ClientFixtures.dbWrite();
		ClientFixtures.client(authority).projectId("proj-1").agentId("agent-7").build().enforce(request);
		authority.verify(postRequestedFor(urlEqualTo("/v1/runtime/enforce")).withRequestBody(equalToJson("""
				{"request_id": "%s", "org_id": "%s", "project_id": "proj-1", "agent_id": "agent-7",
				 "action_type": "db_write", "scope": {"table": "users"}, "args": {"where": {"id": 1}},
				 "estimated_cost": 0.02, "estimated_volume": 1, "is_write_op": true}
				""".formatted(request.requestId(), ClientFixtures.ORG_ID))));
	}

	@Test
	void everyRequestCarriesAuthIdentityAndIdempotencyHeaders() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		EnforceRequest request = ClientFixtures.dbWrite();
		ClientFixtures.client(authority).build().enforce(request);
		authority.verify(postRequestedFor(urlEqualTo("/v1/runtime/enforce"))
			.withHeader("Authorization", equalTo("Bearer " + ClientFixtures.API_KEY))
			.withHeader("Content-Type", matching("application/json.*"))
			.withHeader("User-Agent", matching("specora-java/[^ ]+ \\(java/.+\\)"))
			.withHeader("Idempotency-Key", equalTo(request.requestId().toString()))
			.withHeader("X-Specora-Retry-Count", equalTo("0"))
			.withoutHeader("X-Specora-Vendor-Id")
			.withoutHeader("X-Specora-Tenant-Id"));
	}

	@Test
	void vendorModelSendsBothHeaders() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		ClientFixtures.client(authority).vendorId("vendor-1").tenantId("tenant-2").build().enforce(ClientFixtures.dbWrite());
		authority.verify(postRequestedFor(urlEqualTo("/v1/runtime/enforce"))
			.withHeader("X-Specora-Vendor-Id", equalTo("vendor-1"))
			.withHeader("X-Specora-Tenant-Id", equalTo("tenant-2")));
	}

	@Test
	void allowIsParsedWithEveryField() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		EnforcementResult result = ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite());
		assertThat(result.isAllowed()).isTrue();
		assertThat(result.decision()).isEqualTo(Decision.ALLOW);
		assertThat(result.journalId()).isEqualTo("jrn_1");
		assertThat(result.actionType()).isEqualTo("db_write");
		assertThat(result.policyId()).isEqualTo("pol_1");
		assertThat(result.reservationId()).isEqualTo("res_1");
		assertThat(result.source()).isEqualTo(DecisionSource.AUTHORITY);
		assertThat(result.expiresAt()).isEqualTo(Instant.parse("2026-11-21T22:00:00Z"));
		assertThat(result.requiresCompletion()).isTrue();
	}

	@Test
	void blockAndSuspendAreReturnedNotRaised() {
		authority.stubFor(post("/v1/runtime/enforce")
			.withRequestBody(matchingJsonPath("$.action_type", equalTo("drop_table")))
			.willReturn(ClientFixtures.json(200, ClientFixtures.block("destructive DDL"))));
		authority.stubFor(post("/v1/runtime/enforce")
			.withRequestBody(matchingJsonPath("$.action_type", equalTo("config_change")))
			.willReturn(ClientFixtures.json(200, ClientFixtures.suspend())));
		SpecoraClient client = ClientFixtures.client(authority).build();
		EnforcementResult blocked = client.enforce(EnforceRequest.builder("drop_table").scope("db", "prod").build());
		assertThat(blocked.decision()).isEqualTo(Decision.BLOCK);
		assertThat(blocked.blockedReason()).isEqualTo("destructive DDL");
		assertThat(blocked.isAllowed()).isFalse();
		EnforcementResult suspended = client.enforce(EnforceRequest.builder("config_change").scope("env", "prod").build());
		assertThat(suspended.decision()).isEqualTo(Decision.SUSPEND);
		assertThat(suspended.approvalSource()).isEqualTo("slack:#sec-approvals");
		assertThat(suspended.approvalId()).isEqualTo("apr_7");
	}

	@Test
	void theSameRequestIdReturnsTheSameJournalEntry() {
		EnforceRequest request = ClientFixtures.dbWrite();
		authority.stubFor(post("/v1/runtime/enforce")
			.withRequestBody(matchingJsonPath("$.request_id", equalTo(request.requestId().toString())))
			.willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_same"))));
		SpecoraClient client = ClientFixtures.client(authority).build();
		EnforcementResult first = client.enforce(request);
		EnforcementResult second = client.enforce(request);
		assertThat(first.journalId()).isEqualTo(second.journalId()).isEqualTo("jrn_same");
		List<LoggedRequest> sent = authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce")));
		assertThat(sent).extracting((r) -> r.getHeader("Idempotency-Key"))
			.containsOnly(request.requestId().toString());
	}

	@Test
	void simulateReturnsBlockWithoutRaising() {
		authority.stubFor(post("/v1/runtime/simulate").willReturn(ClientFixtures.json(200, """
				{"decision": "block", "journal_id": null, "reservation_id": null, "blocked_reason": "too big",
				 "source": "simulation"}
				""")));
		EnforcementResult result = ClientFixtures.client(authority).build().simulate(ClientFixtures.dbWrite());
		assertThat(result.decision()).isEqualTo(Decision.BLOCK);
		assertThat(result.source()).isEqualTo(DecisionSource.SIMULATION);
		assertThat(result.journalId()).isNull();
		assertThat(result.requiresCompletion()).isFalse();
	}

	@Test
	void completeSendsTheCompletionBody() {
		authority.stubFor(post("/v1/runtime/complete").willReturn(ClientFixtures.json(200,
				ClientFixtures.completed("jrn_1", "success"))));
		UUID requestId = UUID.randomUUID();
		Completion completion = Completion.builder(CompletionStatus.SUCCESS)
			.requestId(requestId)
			.costActual(new BigDecimal("0.008"))
			.volumeActual(1L)
			.duration(Duration.ofMillis(412))
			.build();
		CompletionResult result = ClientFixtures.client(authority).build().complete("jrn_1", completion);
		assertThat(result).isEqualTo(new CompletionResult("jrn_1", CompletionStatus.SUCCESS, true));
		authority.verify(postRequestedFor(urlEqualTo("/v1/runtime/complete"))
			.withHeader("Idempotency-Key", equalTo(requestId.toString()))
			.withRequestBody(equalToJson("""
					{"request_id": "%s", "journal_id": "jrn_1", "status": "success", "cost_actual": 0.008,
					 "volume_actual": 1, "duration_ms": 412, "error": null}
					""".formatted(requestId))));
	}

	@Test
	void journalIsReadAndParsed() {
		authority.stubFor(get("/v1/runtime/journal/jrn_9").willReturn(ClientFixtures.json(200, """
				{"journal_id": "jrn_9", "decision": "suspend", "status": "pending", "approval_state": "approved",
				 "approval_id": "apr_7", "completed_status": null, "cost_actual": null,
				 "created_at": "2026-11-21T21:00:00Z", "updated_at": "2026-11-21T21:05:00Z"}
				""")));
		JournalEntry entry = ClientFixtures.client(authority).build().journal("jrn_9");
		assertThat(entry.journalId()).isEqualTo("jrn_9");
		assertThat(entry.decision()).isEqualTo(Decision.SUSPEND);
		assertThat(entry.status()).isEqualTo(JournalStatus.PENDING);
		assertThat(entry.approvalState()).isEqualTo(ApprovalState.APPROVED);
		assertThat(entry.updatedAt()).isEqualTo(Instant.parse("2026-11-21T21:05:00Z"));
		authority.verify(getRequestedFor(urlEqualTo("/v1/runtime/journal/jrn_9")).withoutHeader("Idempotency-Key"));
	}

	@Test
	void journalIdsAreEncodedIntoThePath() {
		authority.stubFor(get(urlEqualTo("/v1/runtime/journal/a%2Fb%20c")).willReturn(ClientFixtures.json(200, """
				{"journal_id": "a/b c", "decision": "allow", "status": "completed"}
				""")));
		assertThat(ClientFixtures.client(authority).build().journal("a/b c").journalId()).isEqualTo("a/b c");
	}

	@Test
	void healthIsReadWithOneAttempt() {
		authority.stubFor(get("/v1/health").willReturn(ClientFixtures.json(200, """
				{"status": "ok", "version": "1.3"}
				""")));
		HealthStatus health = ClientFixtures.client(authority).build().health();
		assertThat(health.isOk()).isTrue();
		assertThat(health.version()).isEqualTo("1.3");
	}

	@Test
	void onDecisionIsCalledOncePerDecision() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		List<EnforcementResult> decisions = new ArrayList<>();
		List<SpecoraException> errors = new ArrayList<>();
		SpecoraClient client = ClientFixtures.client(authority).onDecision(decisions::add).onError(errors::add).build();
		client.enforce(ClientFixtures.dbWrite());
		client.enforce(ClientFixtures.dbWrite());
		assertThat(decisions).hasSize(2).allSatisfy((d) -> assertThat(d.journalId()).isEqualTo("jrn_1"));
		assertThat(errors).isEmpty();
	}

	@Test
	void callbacksThatThrowDoNotBreakTheCall() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		SpecoraClient client = ClientFixtures.client(authority).onDecision((d) -> {
			throw new IllegalStateException("metrics backend down");
		}).build();
		assertThat(client.enforce(ClientFixtures.dbWrite()).isAllowed()).isTrue();
	}

	@Test
	void callbacksAddUpAndOneThatThrowsDoesNotStopTheNext() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		List<String> calls = new ArrayList<>();
		SpecoraClient client = ClientFixtures.client(authority).onDecision((d) -> {
			calls.add("first");
			throw new IllegalStateException("metrics backend down");
		}).onDecision((d) -> calls.add("second")).build();
		client.enforce(ClientFixtures.dbWrite());
		assertThat(calls).containsExactly("first", "second");
	}

	@Test
	void errorCallbacksAddUp() {
		authority.stubFor(post("/v1/runtime/enforce")
			.willReturn(ClientFixtures.json(422, ClientFixtures.error("validation_error", "bad action"))));
		List<SpecoraException> first = new ArrayList<>();
		List<SpecoraException> second = new ArrayList<>();
		SpecoraClient client = ClientFixtures.client(authority).onError(first::add).onError(second::add).build();
		assertThatThrownBy(() -> client.enforce(ClientFixtures.dbWrite())).isInstanceOf(ValidationException.class);
		assertThat(first).hasSize(1).first().isInstanceOf(ValidationException.class);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void reactiveFormGivesTheSameResultWithoutBlocking() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_r"))));
		ReactiveSpecoraClient reactive = ClientFixtures.client(authority).build().reactive();
		StepVerifier.create(reactive.enforce(ClientFixtures.dbWrite()))
			.assertNext((result) -> assertThat(result.journalId()).isEqualTo("jrn_r"))
			.verifyComplete();
	}

	@Test
	void reactiveCallsAreLazy() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_r"))));
		ClientFixtures.client(authority).build().reactive().enforce(ClientFixtures.dbWrite());
		assertThat(authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce")))).isEmpty();
	}

	@Test
	void unknownDecisionSourcesAreKeptAsOther() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, """
				{"decision": "allow", "journal_id": "jrn_1", "source": "cache"}
				""")));
		assertThat(ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()).source())
			.isEqualTo(DecisionSource.OTHER);
	}

}
