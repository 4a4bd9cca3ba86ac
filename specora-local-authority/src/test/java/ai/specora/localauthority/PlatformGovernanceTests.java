package ai.specora.localauthority;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.specora.client.contract.OpenApiContract;
import ai.specora.localauthority.AuthorityClient.Reply;
import ai.specora.localauthority.PlatformPolicy.Decision;
import ai.specora.localauthority.PlatformPolicy.Invariant;
import ai.specora.localauthority.PlatformPolicy.OverrideEligibility;
import ai.specora.localauthority.PlatformPolicy.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Model B governance calls: policy checks with invariants and overrides,
 * assumption verdicts and evidence bundles, and the Model B headers they require.
 */
class PlatformGovernanceTests extends AbstractLocalAuthorityTests {

	private static final String SECRET = "whsec-governance";

	@BeforeEach
	void startAuthority() throws Exception {
		startWithWebhooks(SECRET, (settings) -> settings.orgId("6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d")
			.platformPolicy(PlatformPolicy.block("prod-deploys", "deploy", Severity.CRITICAL,
					Invariant.failed("change-window", "deploys to production are frozen"))
				.withInputs(Map.of("environment", "prod"))
				.withOverride(OverrideEligibility.withJustification(3600)))
			.platformPolicy(new PlatformPolicy("big-prs", "pr_run", Map.of("files_changed", "1??"), Decision.WARN,
					Severity.MEDIUM, List.of(Invariant.passed("tests-green"), new Invariant("small-change", "warned",
							"more than 100 files changed")), null)));
	}

	private Reply check(String type, Map<String, Object> inputs) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subject", Map.of("type", type, "id", type + "-1"));
		body.put("inputs", inputs);
		Reply reply = this.client.post("/v1/platform/policy/check", body);
		assertThat(reply.status()).isEqualTo(200);
		return reply;
	}

	@Test
	void aMatchingPolicyAnswersItsDecisionInvariantsAndOverride() throws Exception {
		Reply reply = check("deploy", Map.of("environment", "prod"));
		assertThat(reply.text("decision")).isEqualTo("block");
		assertThat(reply.text("severity")).isEqualTo("critical");
		JsonNode invariant = reply.body().get("invariants").get(0);
		assertThat(invariant.get("id").asString()).isEqualTo("change-window");
		assertThat(invariant.get("status").asString()).isEqualTo("fail");
		assertThat(invariant.get("reason").asString()).isEqualTo("deploys to production are frozen");
		JsonNode override = reply.body().get("override");
		assertThat(override.get("eligible").asBoolean()).isTrue();
		assertThat(override.get("required_justification").asBoolean()).isTrue();
		assertThat(override.get("expires_max_seconds").asLong()).isEqualTo(3600);
		WebhookReceiver.Delivery delivery = this.receiver.next();
		assertThat(delivery.signature()).isEqualTo(delivery.expectedSignature(SECRET));
		OpenApiContract.get().assertValidWebhookEvent(new String(delivery.body(), StandardCharsets.UTF_8));
		JsonNode event = delivery.json();
		assertThat(event.get("event_type").asString()).isEqualTo("platform.invariant_failed");
		assertThat(event.get("data").get("invariant_id").asString()).isEqualTo("change-window");
		assertThat(event.get("data").get("subject_id").asString()).isEqualTo("deploy-1");
	}

	@Test
	void inputsMustMatchAndNoMatchAllows() throws Exception {
		Reply warn = check("pr_run", Map.of("files_changed", 142));
		assertThat(warn.text("decision")).isEqualTo("warn");
		assertThat(warn.text("severity")).isEqualTo("medium");
		assertThat(warn.body().get("invariants")).hasSize(2);
		assertThat(warn.body().get("override").get("eligible").asBoolean()).isFalse();
		Reply staging = check("deploy", Map.of("environment", "staging"));
		assertThat(staging.text("decision")).isEqualTo("allow");
		assertThat(staging.text("severity")).isEqualTo("low");
		assertThat(staging.body().get("invariants")).isEmpty();
		assertThat(check("pr_run", Map.of("files_changed", 12)).text("decision")).isEqualTo("allow");
		assertThat(this.receiver.poll(Duration.ofMillis(300))).as("no invariant failed").isNull();
	}

	@Test
	void assumptionsAreJudgedByImpact() {
		Reply reply = this.client.post("/v1/platform/assumptions/validate", Map.of("run_id", "run-1", "assumptions",
				List.of(Map.of("id", "a1", "description", "No breaking API changes", "impact_level", "critical"),
						Map.of("id", "a2", "description", "Migration is reversible", "impact_level", "high"),
						Map.of("id", "a3", "description", "Docs updated", "impact_level", "low"))));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("severity")).isEqualTo("critical");
		assertThat(reply.body().get("verification_required").asBoolean()).isTrue();
		assertThat(reply.body().get("merge_eligible").asBoolean()).isFalse();
		assertThat(reply.body().get("violations")).hasSize(1);
		assertThat(reply.body().get("violations").get(0).get("assumption_id").asString()).isEqualTo("a1");
		assertThat(reply.body().get("recommendations")).hasSize(2);
		Reply harmless = this.client.post("/v1/platform/assumptions/validate", Map.of("run_id", "run-2",
				"assumptions", List.of(Map.of("id", "a1", "description", "Typo fix", "impact_level", "medium"))));
		assertThat(harmless.text("severity")).isEqualTo("medium");
		assertThat(harmless.body().get("verification_required").asBoolean()).isFalse();
		assertThat(harmless.body().get("merge_eligible").asBoolean()).isTrue();
		assertThat(harmless.body().get("violations")).isEmpty();
	}

	@Test
	void theBundleHoldsTheRunsTraceReportAndProvenanceAndItsHashIsTheManifests() throws Exception {
		this.client.post("/v1/platform/executions", Map.of("provider", "openai", "model", "gpt-4o", "cost_micros",
				5000, "input_tokens", 1000, "output_tokens", 500, "success", true, "external_run_id", "run-7"));
		this.client.post("/v1/platform/executions", Map.of("provider", "openai", "model", "gpt-4o", "cost_micros",
				10, "input_tokens", 1, "output_tokens", 1, "success", true, "external_run_id", "another-run"));
		this.client.enforce("db_write", new BigDecimal("0.25"), Map.of("run_id", "run-7"));
		this.client.enforce("db_write", new BigDecimal("0.25"), Map.of("run_id", "another-run"));
		this.client.post("/v1/platform/assumptions/validate", Map.of("run_id", "run-7", "assumptions",
				List.of(Map.of("id", "a1", "description", "Safe", "impact_level", "low"))));
		Reply reply = this.client.post("/v1/platform/evidence/bundles",
				Map.of("run_id", "run-7", "artifact_types", List.of("confidence_report", "trace"),
						"include_provenance", true));
		assertThat(reply.status()).isEqualTo(200);
		String bundleId = reply.text("bundle_id");
		assertThat(bundleId).startsWith("evb_");
		assertThat(reply.text("storage_path")).isEqualTo("local://evidence/" + bundleId + ".zip");
		byte[] zip = this.authority.evidenceBundle(bundleId).orElseThrow();
		assertThat(this.client.getBytes("/v1/platform/evidence/bundles/" + bundleId)).isEqualTo(zip);
		assertThat(this.client.getBytes("/local/evidence/" + bundleId)).isEqualTo(zip);
		Map<String, byte[]> entries = Bundles.entries(zip);
		assertThat(entries).containsOnlyKeys("manifest.json", "trace.jsonl", "confidence_report.json",
				"provenance.json");
		JsonNode manifest = AuthorityClient.JSON.readTree(entries.get("manifest.json"));
		assertThat(reply.text("bundle_hash"))
			.isEqualTo("sha256:" + manifest.get("signing").get("manifest_sha256").asString());
		assertThat(manifest.get("schema_version").asString()).isEqualTo("1.1.0");
		assertThat(manifest.get("bundle_id").asString()).isEqualTo(bundleId);
		assertThat(manifest.get("run_id").asString()).isEqualTo("run-7");
		assertThat(manifest.get("vendor_id").asString()).isEqualTo(AuthorityClient.VENDOR_ID);
		assertThat(manifest.get("tenant_id").asString()).isEqualTo(AuthorityClient.TENANT_ID);
		assertThat(manifest.get("signing").get("key_id").asString())
			.isEqualTo(this.authority.evidenceSigningKey().keyId());
		for (JsonNode artifact : manifest.get("artifacts")) {
			byte[] bytes = entries.get(artifact.get("name").asString());
			assertThat(artifact.get("size_bytes").asLong()).isEqualTo(bytes.length);
			assertThat(artifact.get("sha256").asString())
				.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		}
		List<JsonNode> trace = Bundles.lines(entries.get("trace.jsonl"));
		assertThat(trace).extracting((line) -> line.get("kind").asString())
			.containsExactly("journal_entry", "execution", "assumptions");
		assertThat(trace.get(0).get("record").get("action_type").asString()).isEqualTo("db_write");
		assertThat(trace.get(1).get("record").get("cost_micros").asLong()).isEqualTo(5000);
		assertThat(trace.get(2).get("record").get("severity").asString()).isEqualTo("low");
		JsonNode report = AuthorityClient.JSON.readTree(entries.get("confidence_report.json"));
		assertThat(report.get("confidence").asString()).isEqualTo("high");
		assertThat(report.get("executions").asInt()).isEqualTo(1);
		assertThat(report.get("journal_entries").asInt()).isEqualTo(1);
		assertThat(AuthorityClient.JSON.readTree(entries.get("provenance.json")).get("generator").asString())
			.isEqualTo("specora-local-authority");
		Reply withoutProvenance = this.client.post("/v1/platform/evidence/bundles",
				Map.of("run_id", "run-7", "artifact_types", List.of("trace")));
		assertThat(Bundles.entries(this.authority.evidenceBundle(withoutProvenance.text("bundle_id")).orElseThrow()))
			.doesNotContainKey("provenance.json");
		assertThat(withoutProvenance.text("bundle_hash")).isNotEqualTo(reply.text("bundle_hash"));
		assertThat(this.authority.evidenceBundle("evb_unknown")).isEmpty();
		assertThat(this.client.get("/v1/platform/evidence/bundles/evb_unknown").status()).isEqualTo(404);
		assertThat(this.client.get("/v1/platform/evidence/bundles/evb_unknown").errorCode()).isEqualTo("not_found");
		assertThat(this.client.get("/local/evidence/evb_unknown").status()).isEqualTo(404);
	}

	@Test
	void modelBOnlyCallsRefuseARequestWithoutTheModelBHeaders() {
		Map<String, Object> bodies = new LinkedHashMap<>();
		bodies.put("/v1/platform/policy/check", Map.of("subject", Map.of("type", "pr_run", "id", "r")));
		bodies.put("/v1/platform/budget/validate", Map.of());
		bodies.put("/v1/platform/executions", Map.of("provider", "openai", "model", "m", "cost_micros", 1,
				"input_tokens", 1, "output_tokens", 1, "success", true));
		bodies.put("/v1/platform/assumptions/validate", Map.of("run_id", "r", "assumptions", List.of()));
		bodies.put("/v1/platform/evidence/bundles", Map.of("run_id", "r", "artifact_types", List.of()));
		AuthorityClient modelA = this.client.modelA();
		bodies.forEach((path, body) -> {
			Reply reply = modelA.post(path, body);
			assertThat(reply.status()).as(path).isEqualTo(400);
			assertThat(reply.errorCode()).isEqualTo("validation_error");
			assertThat(reply.errorMessage()).contains("Model B only").contains("X-Specora-Vendor-Id")
				.contains("X-Specora-Tenant-Id");
			assertThat(this.client.post(path, body).status()).as(path + " in Model B").isEqualTo(200);
		});
		assertThat(modelA.post("/v1/platform/preauthorize", Map.of("provider", "openai", "model", "m")).status())
			.as("Model A may pre-authorize").isEqualTo(200);
		assertThat(modelA.get("/v1/platform/preferences").status()).isEqualTo(200);
		assertThat(modelA.get("/v1/platform/risk-score").status()).isEqualTo(200);
	}

	@Test
	void theModelBHeadersGoTogetherAndMustBeTheConfiguredOnes() {
		Reply half = new AuthorityClient(this.authority).modelA()
			.post("/v1/platform/preauthorize", Map.of("provider", "openai", "model", "m"), "X-Specora-Vendor-Id", "v");
		assertThat(half.status()).isEqualTo(400);
		assertThat(half.errorMessage()).contains("X-Specora-Tenant-Id is missing");
		start((settings) -> settings.modelB("vendor-1", "tenant-1"));
		AuthorityClient wrong = new AuthorityClient(this.authority);
		Reply forbidden = wrong.post("/v1/platform/budget/validate", Map.of());
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.errorCode()).isEqualTo("forbidden");
		Reply right = wrong.modelA()
			.post("/v1/platform/budget/validate", Map.of(), "X-Specora-Vendor-Id", "vendor-1", "X-Specora-Tenant-Id",
					"tenant-1");
		assertThat(right.status()).isEqualTo(200);
	}

	@Test
	void badInputIsRefusedWithTheFieldAtFault() {
		assertField("/v1/platform/policy/check", Map.of("inputs", Map.of()), 422, "subject");
		assertField("/v1/platform/policy/check", Map.of("subject", Map.of("type", "pr_run")), 422, "subject.id");
		assertField("/v1/platform/policy/check", Map.of("subject", "pr_run"), 422, "subject");
		assertField("/v1/platform/executions", Map.of("provider", "openai", "model", "m", "cost_micros", -1,
				"input_tokens", 1, "output_tokens", 1, "success", true), 422, "cost_micros");
		assertField("/v1/platform/executions", Map.of("provider", "openai", "model", "m", "cost_micros", 1.5,
				"input_tokens", 1, "output_tokens", 1, "success", true), 422, "cost_micros");
		assertField("/v1/platform/executions", Map.of("provider", "skynet", "model", "m", "cost_micros", 1,
				"input_tokens", 1, "output_tokens", 1, "success", true), 422, "provider");
		assertField("/v1/platform/executions", Map.of("provider", "openai", "model", "m", "cost_micros", 1,
				"input_tokens", 1, "output_tokens", 1), 422, "success");
		assertField("/v1/platform/assumptions/validate", Map.of("run_id", "r"), 422, "assumptions");
		assertField("/v1/platform/assumptions/validate", Map.of("run_id", "r", "assumptions",
				List.of(Map.of("id", "a1", "description", "d", "impact_level", "huge"))), 422,
				"assumptions[0].impact_level");
		assertField("/v1/platform/assumptions/validate", Map.of("run_id", "r", "assumptions",
				List.of(Map.of("id", "a1", "description", "d", "impact_level", "low"),
						Map.of("id", "a1", "description", "e", "impact_level", "low"))), 422, "assumptions[1].id");
		assertField("/v1/platform/evidence/bundles", Map.of("artifact_types", List.of()), 422, "run_id");
		assertField("/v1/platform/evidence/bundles", Map.of("run_id", "r", "artifact_types", List.of(1)), 422,
				"artifact_types[0]");
		assertField("/v1/platform/preauthorize", Map.of("provider", "openai"), 422, "model");
		assertField("/v1/platform/preauthorize", Map.of("provider", "openai", "model", "m", "routing_hints",
				Map.of("workflow_type", "cooking")), 422, "routing_hints.workflow_type");
		assertField("/v1/platform/preauthorize", Map.of("provider", "openai", "model", "m", "routing_hints",
				Map.of("fallback_allowed", "no")), 422, "routing_hints.fallback_allowed");
		assertField("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "m"), 422, "messages");
		assertField("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "m", "messages", List.of()),
				422, "messages");
		assertField("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "m", "messages",
				List.of(Map.of("role", "user"))), 422, "messages[0].content");
		assertField("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "m", "messages",
				List.of(Map.of("role", "user", "content", "x")), "max_tokens", 0), 422, "max_tokens");
		assertField("/v1/platform/preferences/resolve", Map.of("workflow_type", "codegen"), 422, "capabilities");
		Reply malformed = this.client.post("/v1/platform/executions", "{\"provider\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.errorCode()).isEqualTo("validation_error");
		assertThat(this.client.post("/v1/platform/policy/check", "").status()).isEqualTo(400);
	}

	private void assertField(String path, Map<String, Object> body, int status, String field) {
		Reply reply = this.client.post(path, body);
		assertThat(reply.status()).as(path + " " + body).isEqualTo(status);
		assertThat(reply.errorCode()).isEqualTo("validation_error");
		assertThat(reply.body().get("error").get("details").get("field").asString()).as(path + " " + body)
			.isEqualTo(field);
	}

}
