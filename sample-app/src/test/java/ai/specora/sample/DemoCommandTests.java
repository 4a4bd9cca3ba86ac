package ai.specora.sample;

import ai.specora.sample.demo.DemoRunner;
import ai.specora.sample.demo.DemoScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo command: the application started with the {@code demo} profile, as
 * {@code spring-boot:run -Dspring-boot.run.profiles=demo} starts it, prints every step
 * and asks to exit with 0; a step that misbehaves makes it ask for 1.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoCommandTests {

	@Test
	void demoPrintsEveryStepAndExitsWithZero(CapturedOutput output) {
		int exitCode = runDemo();
		assertThat(output.getOut()).contains(
				"Specora sample: an AI support agent's tools under runtime governance",
				"[1] Look up a customer", "-> 200 ALLOW: Ada Lovelace <ada@example.com>, plan pro (journal jrn_",
				"[2] Drop a production table",
				"-> 403 BLOCK: dropping tables is never allowed for the support agent (policy pol_no-table-drops, journal jrn_",
				"[3] Refund 250.00 USD", "-> 202 SUSPEND: approval ", "from slack:#finance-approvals",
				"[4] Refund 40.00 USD at a time", "-> 201 ALLOW: refund re_", "of 40.00 USD",
				"-> 403 BLOCK: budget 'refunds-daily' exhausted",
				".. webhook platform.budget_breach received: budget 'refunds-daily'",
				"[5] Change a production setting (a Mono)", ".. suspended: approval ", "from slack:#prod-changes",
				".. approved by alice", ".. webhook runtime.approval_resolved received: approved by alice",
				"-> 200 ALLOW: checkout.rate-limit changed from 100 to 250 (same journal entry jrn_",
				"[6] Refund 250.00 USD as re_7001: suspended, approved, retried with the same id",
				"-> 202 SUSPEND: approval ", ".. approved by carol (finance) through the local authority",
				"-> 201 ALLOW: refund re_7001 of 250.00 USD, paid out once (same journal entry jrn_",
				"[7] Check the tenant's LLM budget before the agent calls a model (Model B)",
				"-> 200 NORMAL: 5 of 5 USD left", "[8] Pre-authorize the reply draft",
				"-> 200 AUTHORIZED: asked for anthropic/claude-sonnet-4, runs on deepseek/deepseek-chat (routed by the "
						+ "model assignment of agent 'support-agent' (purpose 'draft-reply')), authorization auth_",
				"[9] Draft the reply with the selected model and record the execution's real token counts",
				".. draft: Hello Ada,", "-> 200 NORMAL: execution exe_", "[10] Generate the run's evidence bundle",
				"-> 200 EVIDENCE: bundle evb_", "at local://evidence/evb_",
				".. verified offline with the published key spk-",
				"manifest PASS, artifacts PASS, signature PASS, key PASS", ".. bundle_hash sha256:",
				".. a copy with one byte of trace.jsonl changed: FAIL (trace.jsonl: sha256 ",
				"[11] The agent (Spring AI ChatClient) looks a customer up",
				"-> 200 ALLOW: Done with look_up_customer:", "Grace Hopper",
				"[12] The agent tries to drop a table", "-> 200 BLOCK: I could not use drop_table.",
				"dropping tables is never allowed for the support agent",
				"[13] The agent refunds 80.00 USD", ".. approved by bob (finance)",
				".. the payment service the tool calls asks for its own decision",
				"-> 200 BLOCK: I could not use refund_payment.", "budget 'refunds-daily' exhausted",
				"[14] An outside MCP client calls drop_table", "-> 200 BLOCK: isError: true, The tool 'drop_table' was not run",
				"[15] The authority goes away", ".. local authority stopped",
				"-> 503 NO DECISION: The governance authority could not be reached; fail-closed: the action was not run",
				"Demo complete: " + DemoScenario.STEPS + " of " + DemoScenario.STEPS + " steps behaved as expected.");
		assertThat(output.getOut()).doesNotContain("FAILED");
		assertThat(output).contains("Webhook platform.budget_breach: budget 'refunds-daily'",
				"Webhook runtime.approval_resolved: approval");
		assertThat(exitCode).isZero();
	}

	@Test
	void demoReportsAStepThatDoesNotBehaveAndExitsWithOne(CapturedOutput output) {
		int exitCode = runDemo("--specora.local-authority.default-effect=block");
		assertThat(output.getOut()).contains("[1] Look up a customer", "!! FAILED: expected HTTP 200 but got 403",
				"Demo failed: a step did not behave as expected.");
		assertThat(output.getOut()).doesNotContain("[2] Drop a production table");
		assertThat(exitCode).isEqualTo(1);
	}

	private static int runDemo(String... args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class).profiles("demo")
			.properties(DemoRunner.STEP_TIMEOUT_PROPERTY + "=120s")
			.run(args);
		return SpringApplication.exit(context);
	}

}
