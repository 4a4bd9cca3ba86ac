package ai.specora.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@link SpecoraClient#enforced}: the Java form of the Python SDK's context manager.
 */
class SpecoraClientEnforcedTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	private void stubEnforce(String body) {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, body)));
	}

	private void stubComplete() {
		authority.stubFor(post("/v1/runtime/complete").willReturn(ClientFixtures.json(200,
				ClientFixtures.completed("jrn_1", "success"))));
	}

	@Test
	void allowRunsTheBodyAndCompletesSuccess() {
		stubEnforce(ClientFixtures.allow("jrn_1"));
		stubComplete();
		String value = ClientFixtures.client(authority).build().enforced(ClientFixtures.dbWrite(), (ctx) -> {
			assertThat(ctx.journalId()).isEqualTo("jrn_1");
			return "written";
		});
		assertThat(value).isEqualTo("written");
		authority.verify(1, postRequestedFor(urlEqualTo("/v1/runtime/complete"))
			.withRequestBody(matchingJsonPath("$.journal_id", equalTo("jrn_1")))
			.withRequestBody(matchingJsonPath("$.status", equalTo("success")))
			.withRequestBody(matchingJsonPath("$.duration_ms")));
	}

	@Test
	void anExceptionCompletesFailureAndIsRethrownUnchanged() {
		stubEnforce(ClientFixtures.allow("jrn_1"));
		stubComplete();
		IOException failure = new IOException("disk full");
		Throwable thrown = catchThrowable(() -> ClientFixtures.client(authority).build()
			.enforced(ClientFixtures.dbWrite(), (ctx) -> {
				throw failure;
			}));
		assertThat(thrown).isSameAs(failure);
		assertThat(thrown.getSuppressed()).isEmpty();
		authority.verify(1, postRequestedFor(urlEqualTo("/v1/runtime/complete"))
			.withRequestBody(matchingJsonPath("$.status", equalTo("failure")))
			.withRequestBody(matchingJsonPath("$.error", equalTo("java.io.IOException"))));
	}

	@Test
	void blockRaisesAndTheBodyNeverRuns() {
		stubEnforce(ClientFixtures.block("writes to users are frozen"));
		AtomicBoolean ran = new AtomicBoolean();
		assertThatExceptionOfType(SpecoraBlockedException.class)
			.isThrownBy(() -> ClientFixtures.client(authority).build().enforced(ClientFixtures.dbWrite(),
					(ctx) -> ran.getAndSet(true)))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo("writes to users are frozen");
				assertThat(ex.getJournalId()).isEqualTo("jrn_blocked");
				assertThat(ex.getPolicyId()).isEqualTo("pol_deny");
			})
			.withMessageContaining("db_write")
			.withMessageContaining("writes to users are frozen");
		assertThat(ran).isFalse();
		authority.verify(0, postRequestedFor(urlEqualTo("/v1/runtime/complete")));
	}

	@Test
	void suspendRaisesAndTheBodyNeverRuns() {
		stubEnforce(ClientFixtures.suspend());
		AtomicBoolean ran = new AtomicBoolean();
		assertThatExceptionOfType(SpecoraSuspendedException.class)
			.isThrownBy(() -> ClientFixtures.client(authority).build().enforced(ClientFixtures.dbWrite(),
					(ctx) -> ran.getAndSet(true)))
			.satisfies((ex) -> {
				assertThat(ex.getApprovalSource()).isEqualTo("slack:#sec-approvals");
				assertThat(ex.getApprovalId()).isEqualTo("apr_7");
				assertThat(ex.getJournalId()).isEqualTo("jrn_suspended");
			});
		assertThat(ran).isFalse();
	}

	@Test
	void theBodyMayCompleteExplicitlyOnceWithTheRealCost() {
		stubEnforce(ClientFixtures.allow("jrn_1"));
		stubComplete();
		ClientFixtures.client(authority).build().enforced(ClientFixtures.dbWrite(), (ctx) -> {
			ctx.complete(CompletionStatus.SUCCESS, new BigDecimal("0.008"));
			assertThat(ctx.isCompleted()).isTrue();
			assertThatIllegalStateException().isThrownBy(() -> ctx.complete(CompletionStatus.FAILURE))
				.withMessageContaining("already completed");
			return null;
		});
		authority.verify(1, postRequestedFor(urlEqualTo("/v1/runtime/complete"))
			.withRequestBody(matchingJsonPath("$.cost_actual", equalTo("0.008"))));
	}

	@Test
	void anExplicitCompletionIsNotFollowedByAnAutomaticOneWhenTheBodyThrows() {
		stubEnforce(ClientFixtures.allow("jrn_1"));
		stubComplete();
		IllegalStateException failure = new IllegalStateException("after completing");
		Throwable thrown = catchThrowable(() -> ClientFixtures.client(authority).build()
			.enforced(ClientFixtures.dbWrite(), (ctx) -> {
				ctx.complete(CompletionStatus.CANCELLED);
				throw failure;
			}));
		assertThat(thrown).isSameAs(failure);
		authority.verify(1, postRequestedFor(urlEqualTo("/v1/runtime/complete"))
			.withRequestBody(matchingJsonPath("$.status", equalTo("cancelled"))));
	}

	@Test
	void aCompletionThatCannotBeDeliveredDoesNotChangeTheOutcome() {
		stubEnforce(ClientFixtures.allow("jrn_1"));
		authority.stubFor(post("/v1/runtime/complete").willReturn(ClientFixtures.json(503, "")));
		java.util.List<SpecoraException> errors = new java.util.ArrayList<>();
		String value = ClientFixtures.client(authority).onError(errors::add).build()
			.enforced(ClientFixtures.dbWrite(), (ctx) -> "done");
		assertThat(value).isEqualTo("done");
		assertThat(errors).singleElement().isInstanceOf(SpecoraUnavailableException.class);
	}

	@Test
	void aBodyThatInterruptsItsThreadKeepsItsResultTheFlagAndItsCompletion() {
		stubEnforce(ClientFixtures.allow("jrn_1"));
		stubComplete();
		try {
			String value = ClientFixtures.client(authority).build().enforced(ClientFixtures.dbWrite(), (ctx) -> {
				Thread.currentThread().interrupt();
				return "written";
			});
			assertThat(value).isEqualTo("written");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		authority.verify(1, postRequestedFor(urlEqualTo("/v1/runtime/complete"))
			.withRequestBody(matchingJsonPath("$.status", equalTo("success"))));
	}

	@Test
	void aFailingBodyThatInterruptsItsThreadKeepsItsExceptionTheFlagAndItsCompletion() {
		stubEnforce(ClientFixtures.allow("jrn_1"));
		stubComplete();
		IOException failure = new IOException("interrupted write");
		Throwable thrown;
		boolean interrupted;
		try {
			thrown = catchThrowable(() -> ClientFixtures.client(authority).build()
				.enforced(ClientFixtures.dbWrite(), (ctx) -> {
					Thread.currentThread().interrupt();
					throw failure;
				}));
			interrupted = Thread.currentThread().isInterrupted();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(thrown).isSameAs(failure);
		assertThat(interrupted).isTrue();
		authority.verify(1, postRequestedFor(urlEqualTo("/v1/runtime/complete"))
			.withRequestBody(matchingJsonPath("$.status", equalTo("failure"))));
	}

}
