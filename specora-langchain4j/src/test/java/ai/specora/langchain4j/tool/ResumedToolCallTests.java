package ai.specora.langchain4j.tool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;
import ai.specora.client.JournalEntry;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.langchain4j.Assistant;
import ai.specora.langchain4j.ScriptedChatModel;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.langchain4j.SupportTools;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.LocalAuthoritySettings;
import ai.specora.localauthority.PolicyRule;
import ai.specora.runtime.GovernanceEngine;
import ai.specora.runtime.GovernanceListener;
import ai.specora.runtime.GovernedCall;
import dev.langchain4j.service.AiServices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A conversation suspended for an approval and resumed once approved: the same tool call
 * (same id, same arguments) is asked again with the same request id, and the authority
 * answers with its journal entry, now approved, so the tool runs and completes that
 * entry. Against the local authority.
 */
class ResumedToolCallTests {

	@Test
	void resumedToolCallReusesItsJournalEntry() {
		LocalAuthoritySettings settings = LocalAuthoritySettings.builder()
			.apiKey("sk_local")
			.orgId("org_local")
			.policy(PolicyRule.suspend("refunds", "issue_refund", "slack:#refunds"))
			.build();
		try (LocalAuthority authority = LocalAuthority.start(settings);
				SpecoraClient client = SpecoraClient.builder()
					.baseUrl(authority.baseUrl())
					.apiKey("sk_local")
					.orgId("org_local")
					.retries(0)
					.build()) {
			List<EnforcementResult> decisions = new CopyOnWriteArrayList<>();
			GovernanceListener listener = new GovernanceListener() {
				@Override
				public void onDecision(GovernedCall call, EnforcementResult result) {
					decisions.add(result);
				}
			};
			SpecoraLangChain4j specora = SpecoraLangChain4j
				.builder(GovernanceEngine.builder(client.reactive()).listener(listener).build())
				.build();
			SupportTools tools = new SupportTools();

			SpecoraSuspendedException suspended = catchThrowableOfType(SpecoraSuspendedException.class,
					() -> agent(specora, tools).chat("Refund 250 on A-1"));
			assertThat(suspended).isNotNull();
			assertThat(tools.refunds()).hasValue(0);

			authority.approve(suspended.getApprovalId(), "alice");
			String answer = agent(specora, tools).chat("Refund 250 on A-1");

			assertThat(answer).isEqualTo("I saw: issue_refund=refunded 250 on A-1");
			assertThat(tools.refunds()).hasValue(1);
			assertThat(decisions).hasSize(2);
			assertThat(decisions.get(1).journalId()).isEqualTo(suspended.getJournalId());
			assertThat(decisions.get(1).requestId()).isEqualTo(decisions.get(0).requestId());
			JournalEntry entry = client.journal(suspended.getJournalId());
			assertThat(entry.completedStatus()).isEqualTo(CompletionStatus.SUCCESS);
		}
	}

	private static Assistant agent(SpecoraLangChain4j specora, SupportTools tools) {
		ScriptedChatModel model = new ScriptedChatModel().thenCall("call_7", "issue_refund",
				"{\"orderId\": \"A-1\", \"amount\": 250}");
		return AiServices.builder(Assistant.class)
			.chatModel(model)
			.tools(specora.tools(tools))
			.toolExecutionErrorHandler(specora.toolExecutionErrorHandler())
			.build();
	}

}
