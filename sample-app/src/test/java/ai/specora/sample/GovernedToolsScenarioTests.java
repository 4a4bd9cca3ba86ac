package ai.specora.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ai.specora.client.ApprovalState;
import ai.specora.client.CompletionStatus;
import ai.specora.client.JournalEntry;
import ai.specora.client.JournalStatus;
import ai.specora.client.SpecoraClient;
import ai.specora.client.evidence.CheckStatus;
import ai.specora.client.evidence.EvidenceCheck;
import ai.specora.client.platform.BudgetValidationRequest;
import ai.specora.client.platform.EnforcementState;
import ai.specora.client.platform.Provider;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.PendingApproval;
import ai.specora.sample.HttpTestClient.Reply;
import ai.specora.sample.demo.DemoConsole;
import ai.specora.sample.demo.PlatformDemoSteps;
import ai.specora.sample.governance.GovernanceLog;
import ai.specora.sample.governance.GovernedCallRecord;
import ai.specora.sample.tools.ProductionConfigTools;
import ai.specora.sample.webhook.BudgetBreach;
import ai.specora.sample.webhook.GovernanceWebhookListener;
import ai.specora.spring.webhook.ApprovalResolvedEvent;
import ai.specora.spring.webhook.BudgetBreachEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's scenario, end to end over real HTTP, against the embedded local authority
 * and its shipped policies: every step asserted on the responses, the decisions, the
 * webhooks received and the state left behind.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "specora.retries=0", "specora.timeout=30s", "specora.deadline=60s",
				"specora.enforcement.completion.mode=sync" })
@DirtiesContext
class GovernedToolsScenarioTests {

	private static final Duration WAIT = Duration.ofSeconds(120);

	@LocalServerPort
	private int port;

	@Autowired
	private LocalAuthority authority;

	@Autowired
	private GovernanceWebhookListener webhooks;

	@Autowired
	private GovernanceLog governanceLog;

	@Autowired
	private ProductionConfigTools config;

	@Autowired
	private SpecoraClient specora;

	@Test
	void allowBlockSuspendBudgetApprovalAndFailClosed() throws Exception {
		HttpTestClient client = new HttpTestClient(this.port);

		// allow: a read
		Reply lookup = client.get("/api/customers/cus_1001");
		assertThat(lookup.status()).isEqualTo(200);
		assertThat(lookup.field("name")).isEqualTo("Ada Lovelace");
		assertThat(lastRecord("customer_lookup").decision()).isEqualTo("allow");
		assertThat(lastRecord("customer_lookup").journalId()).startsWith("jrn_");

		// block: dropping a table never runs
		Reply drop = client.delete("/api/production/tables/customers");
		assertThat(drop.status()).isEqualTo(403);
		assertThat(drop.contentType()).startsWith("application/problem+json");
		assertThat(drop.field("decision")).isEqualTo("block");
		assertThat(drop.field("reason")).isEqualTo("dropping tables is never allowed for the support agent");
		assertThat(drop.field("policyId")).isEqualTo("pol_no-table-drops");
		assertThat(drop.field("journalId")).startsWith("jrn_");

		// suspend and throw: a large refund is not paid out, the agent is told to wait
		Reply large = client.post("/api/payments/pay_7001/refunds", "{\"amount\": 250.00, \"reason\": \"duplicate\"}");
		assertThat(large.status()).isEqualTo(202);
		assertThat(large.field("decision")).isEqualTo("suspend");
		assertThat(large.field("approvalSource")).isEqualTo("slack:#finance-approvals");
		assertThat(large.field("approvalId")).isNotBlank();
		assertThat(this.authority.pendingApprovals()).extracting(PendingApproval::approvalId)
			.contains(large.field("approvalId"));

		// approve, then retry: the refund's own id is the request id, so the retry after the
		// approval is allowed on the same journal entry and the refund is paid out once
		String retried = "/api/payments/pay_7010/refunds/re_7010";
		String refundBody = "{\"amount\": 250.00, \"reason\": \"duplicate\"}";
		Reply suspended = put(client, retried, refundBody);
		assertThat(suspended.status()).isEqualTo(202);
		assertThat(put(client, retried, refundBody).field("journalId")).as("retried while pending: the same entry")
			.isEqualTo(suspended.field("journalId"));
		this.authority.approve(suspended.field("approvalId"), "alice");
		Reply refunded = put(client, retried, refundBody);
		assertThat(refunded.status()).isEqualTo(201);
		assertThat(refunded.field("refundId")).isEqualTo("re_7010");
		assertThat(lastRecord("payment_refund").decision()).isEqualTo("allow");
		assertThat(lastRecord("payment_refund").journalId()).isEqualTo(suspended.field("journalId"));
		JournalEntry entry = this.specora.journal(suspended.field("journalId"));
		assertThat(entry.approvalState()).isEqualTo(ApprovalState.APPROVED);
		assertThat(entry.status()).isEqualTo(JournalStatus.COMPLETED);
		assertThat(entry.completedStatus()).isEqualTo(CompletionStatus.SUCCESS);
		assertThat(entry.costActual()).isEqualByComparingTo("250.00");
		Reply otherAmount = put(client, retried, "{\"amount\": 300.00}");
		assertThat(otherAmount.status()).as("the same refund id with another amount").isEqualTo(409);

		// budget: 40 + 40 fit in 100, the third 40 does not
		assertThat(client.post("/api/payments/pay_7002/refunds", "{\"amount\": 40.00}").status()).isEqualTo(201);
		Reply second = client.post("/api/payments/pay_7003/refunds", "{\"amount\": 40.00}");
		assertThat(second.status()).isEqualTo(201);
		assertThat(new BigDecimal(second.field("amount"))).isEqualByComparingTo("40.00");
		Reply third = client.post("/api/payments/pay_7004/refunds", "{\"amount\": 40.00}");
		assertThat(third.status()).isEqualTo(403);
		assertThat(third.field("reason")).contains("budget 'refunds-daily' exhausted");
		BudgetBreach breach = this.webhooks.await(BudgetBreachEvent.class, (event) -> true, WAIT)
			.orElseThrow()
			.dataAs(BudgetBreach.class);
		assertThat(breach.budgetName()).isEqualTo("refunds-daily");
		assertThat(breach.budgetTotal()).isEqualByComparingTo("100");
		assertThat(breach.journalId()).isEqualTo(third.field("journalId"));
		assertThat(client.post("/api/payments/pay_7005/refunds", "{\"amount\": 10.00}").status())
			.as("the budget still has 20 USD").isEqualTo(201);
		assertThat(client.post("/api/payments/pay_7006/refunds", "{\"amount\": 30.00}").status())
			.as("the budget no longer allows 30 USD").isEqualTo(403);

		// suspend and wait (a Mono): approved, webhook received, the change is applied
		CompletableFuture<Reply> change = client.send("PUT", "/api/production/config/checkout.rate-limit",
				"{\"value\": \"250\"}");
		PendingApproval approval = await().atMost(WAIT)
			.until(() -> this.authority.pendingApprovals()
				.stream()
				.filter((pending) -> pending.actionType().equals("config_change"))
				.findFirst()
				.orElse(null), (pending) -> pending != null);
		assertThat(approval.approvalSource()).isEqualTo("slack:#prod-changes");
		assertThat(approval.scope()).containsEntry("key", "checkout.rate-limit");
		assertThat(this.config.currentValue("checkout.rate-limit")).as("not applied before approval").isEqualTo("100");
		this.authority.approve(approval.approvalId(), "alice");
		ApprovalResolvedEvent resolved = this.webhooks
			.await(ApprovalResolvedEvent.class, (event) -> event.approvalId().equals(approval.approvalId()), WAIT)
			.orElseThrow();
		assertThat(resolved.approved()).isTrue();
		assertThat(resolved.resolvedBy()).isEqualTo("alice");
		assertThat(resolved.journalId()).isEqualTo(approval.journalId());
		Reply changed = change.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.field("previousValue")).isEqualTo("100");
		assertThat(changed.field("value")).isEqualTo("250");
		assertThat(this.config.currentValue("checkout.rate-limit")).isEqualTo("250");
		assertThat(lastRecord("config_change").decision()).isEqualTo("allow");
		assertThat(lastRecord("config_change").journalId()).isEqualTo(approval.journalId());

		// fail-closed: without the authority nothing runs
		this.authority.close();
		Reply unavailable = client.get("/api/customers/cus_1002");
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.field("decision")).isEqualTo("none");
		assertThat(unavailable.field("failMode")).isEqualTo("closed");
		assertThat(lastRecord("customer_lookup").decision()).isEqualTo("no_decision");
		assertThat(lastRecord("customer_lookup").detail()).isEqualTo("FailClosedException");
	}

	@Test
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void platformStepsCheckTheBudgetRouteTheModelRecordTheExecutionAndProveIt() throws IOException {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		DemoConsole console = new DemoConsole(new PrintStream(printed, true, StandardCharsets.UTF_8));

		PlatformDemoSteps.Outcome outcome = new PlatformDemoSteps(this.specora, this.authority, console).run(7);

		// budget check: the tenant's llm-daily platform budget of specora-policies.yml
		assertThat(outcome.budget().budgetTotal()).isEqualByComparingTo("5");
		assertThat(outcome.budget().enforcementState()).isEqualTo(EnforcementState.NORMAL);
		// pre-authorization: asked for anthropic, routed by the support agent's model assignment
		assertThat(outcome.authorization().authorized()).isTrue();
		assertThat(outcome.authorization().selectedProvider()).isEqualTo(Provider.DEEPSEEK);
		assertThat(outcome.authorization().selectedModel()).isEqualTo("deepseek-chat");
		// the recorded execution, with the token counts of the prompt and the draft
		Map<String, byte[]> entries = zipEntries(this.authority.evidenceBundle(outcome.evidence().bundleId())
			.orElseThrow());
		JsonMapper json = JsonMapper.builder().build();
		JsonNode bundle = json.readTree(entries.get("manifest.json"));
		JsonNode execution = json.readTree(new String(entries.get("trace.jsonl"), StandardCharsets.UTF_8).lines()
			.filter((line) -> line.contains("\"kind\":\"execution\""))
			.findFirst()
			.orElseThrow()).get("record");
		assertThat(execution.get("execution_id").asString()).isEqualTo(outcome.execution().executionId());
		assertThat(execution.get("provider").asString()).isEqualTo("deepseek");
		long input = execution.get("input_tokens").asLong();
		long output = execution.get("output_tokens").asLong();
		assertThat(input).isGreaterThan(20);
		assertThat(output).isGreaterThan(20);
		long cost = execution.get("cost_micros").asLong();
		assertThat(cost).isEqualTo(input * 3 + output * 15);
		assertThat(outcome.execution().budgetRemainingMicros()).isEqualTo(5_000_000 - cost);
		assertThat(this.specora.platform()
			.validateBudget(BudgetValidationRequest.scoped(Map.of("action_type", "llm_call")))
			.budgetRemaining()).isEqualByComparingTo(new BigDecimal(5_000_000 - cost).movePointLeft(6));
		// the evidence bundle: Model B ids, the run, and a hash the step verified
		assertThat(bundle.get("vendor_id").asString()).isEqualTo("00000000-0000-4000-8000-0000000000a1");
		assertThat(bundle.get("tenant_id").asString()).isEqualTo("00000000-0000-4000-8000-0000000000b1");
		assertThat(bundle.get("run_id").asString()).isEqualTo(execution.get("external_run_id").asString());
		assertThat(outcome.evidence().bundleHash()).matches("sha256:[0-9a-f]{64}");
		// verified offline with the published key; a tampered copy fails
		assertThat(outcome.verification().passed()).as(outcome.verification().report()).isTrue();
		assertThat(outcome.verification().bundleHash()).isEqualTo(outcome.evidence().bundleHash());
		assertThat(outcome.verification().keyId()).isEqualTo(this.authority.evidenceSigningKey().keyId());
		assertThat(outcome.tampered().failed()).isTrue();
		assertThat(outcome.tampered().check(EvidenceCheck.ARTIFACTS).status()).isEqualTo(CheckStatus.FAIL);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[7] Check the tenant's LLM budget",
				"[8] Pre-authorize the reply draft",
				"-> 200 AUTHORIZED: asked for anthropic/claude-sonnet-4, runs on deepseek/deepseek-chat",
				"[9] Draft the reply", "input + ", "[10] Generate the run's evidence bundle",
				"verified offline with the published key", "verified against its", "changed: FAIL");
	}

	private static Map<String, byte[]> zipEntries(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	private static Reply put(HttpTestClient client, String path, String body) throws Exception {
		return client.send("PUT", path, body).get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	private GovernedCallRecord lastRecord(String actionType) {
		List<GovernedCallRecord> records = this.governanceLog.records()
			.stream()
			.filter((record) -> record.actionType().equals(actionType))
			.toList();
		assertThat(records).isNotEmpty();
		return records.get(records.size() - 1);
	}

}
