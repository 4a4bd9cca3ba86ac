package ai.specora.sample;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.PendingApproval;
import ai.specora.sample.HttpTestClient.Reply;
import ai.specora.sample.agent.SupportAgentTools;
import ai.specora.sample.governance.GovernanceLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The support agent on Spring AI's ChatClient, driven by the scripted stand-in model,
 * against the embedded local authority: its tools carry no {@code @Enforced} and every
 * call its model asks for is governed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.agent.scripted-model=true", "specora.ai.chat.provider=vllm", "specora.retries=0",
				"specora.timeout=30s", "specora.deadline=60s", "specora.enforcement.completion.mode=sync" })
@DirtiesContext
class SupportAgentScenarioTests {

	private static final Duration WAIT = Duration.ofSeconds(120);

	@LocalServerPort
	private int port;

	@Autowired
	private LocalAuthority authority;

	@Autowired
	private SupportAgentTools tools;

	@Autowired
	private GovernanceLog governanceLog;

	@Test
	void allowedToolCallAndTheServiceItCallsAreEachDecided() throws Exception {
		Reply reply = new HttpTestClient(this.port).post("/api/agent/messages",
				"{\"message\": \"Who is customer cus_1001?\"}");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.field("answer")).contains("look_up_customer").contains("Ada Lovelace");
		assertThat(this.governanceLog.records()).as("the tool call and the @Enforced lookup it reached")
			.extracting((record) -> record.actionType())
			.contains("customer_lookup");
	}

	@Test
	void blockedToolNeverRunsAndTheModelIsToldWhy() throws Exception {
		Reply reply = new HttpTestClient(this.port).post("/api/agent/messages",
				"{\"message\": \"Please drop table customers\"}");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.field("answer")).contains("I could not use drop_table")
			.contains("dropping tables is never allowed for the support agent");
		assertThat(this.tools.droppedTables()).isZero();
	}

	@Test
	void suspendedToolCallWaitsForTheApprovalThenRuns() throws Exception {
		CompletableFuture<Reply> pending = new HttpTestClient(this.port).send("POST", "/api/agent/messages",
				"{\"message\": \"Refund 80.00 USD of payment pay_7005\"}");
		PendingApproval approval = await().atMost(WAIT)
			.until(() -> this.authority.pendingApprovals()
				.stream()
				.filter((candidate) -> candidate.actionType().equals("agent_refund"))
				.findFirst()
				.orElse(null), (candidate) -> candidate != null);
		assertThat(approval.approvalSource()).isEqualTo("slack:#finance-approvals");
		assertThat(pending).isNotDone();
		this.authority.approve(approval.approvalId(), "bob");
		Reply reply = pending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.field("answer")).contains("refund_payment").contains("pay_7005");
	}

	@Test
	void emptyMessageIsABadRequest() throws Exception {
		assertThat(new HttpTestClient(this.port).post("/api/agent/messages", "{\"message\": \" \"}").status())
			.isEqualTo(400);
	}

}
