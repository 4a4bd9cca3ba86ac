package ai.specora.sample.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ai.specora.client.SpecoraClient;
import ai.specora.client.evidence.BundleVerification;
import ai.specora.client.evidence.CheckResult;
import ai.specora.client.evidence.EvidenceBundleVerifier;
import ai.specora.client.evidence.EvidenceCheck;
import ai.specora.client.evidence.EvidencePublicKey;
import ai.specora.client.platform.BudgetValidationRequest;
import ai.specora.client.platform.BudgetValidationResult;
import ai.specora.client.platform.EnforcementState;
import ai.specora.client.platform.EvidenceBundleRequest;
import ai.specora.client.platform.EvidenceBundleResult;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.ExecutionRecordResult;
import ai.specora.client.platform.PlatformClient;
import ai.specora.client.platform.PreAuthorizationResult;
import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.RoutingHints;
import ai.specora.client.platform.WorkflowType;
import ai.specora.localauthority.LocalAuthority;

/**
 * The demo's Platform API steps: the support agent drafts a reply to a customer with an
 * LLM, governed through {@code client.platform()} against the embedded local authority
 * (Model B: {@code specora.vendor-id} and {@code specora.tenant-id} are set).
 * <ol>
 * <li>the tenant's LLM budget is checked ({@code validateBudget});</li>
 * <li>the call is pre-authorized: it asks for {@value #REQUESTED_MODEL}, names no agent
 * (the client sends {@code specora.workflow-id}), and the model assignment of that
 * workflow in {@code specora-policies.yml} routes it to another provider;</li>
 * <li>the reply is drafted with the selected model and the execution is recorded with
 * the token counts of the actual prompt and reply;</li>
 * <li>an evidence bundle of the run is generated and downloaded, verified offline
 * against the authority's published signing key, and a tampered copy is shown failing
 * the same check.</li>
 * </ol>
 * No real LLM is called: {@link #draft} stands in for the provider's SDK, so the demo
 * runs offline.
 */
public final class PlatformDemoSteps {

	/** The number of steps. */
	public static final int STEPS = 4;

	/**
	 * The workflow identity sent as {@code routing_hints.agent_name}: the sample's
	 * {@code specora.workflow-id}, which the client sends when a call names no agent.
	 */
	public static final String AGENT_NAME = "support-agent";

	/** The purpose sent as {@code routing_hints.purpose}. */
	public static final String PURPOSE = "draft-reply";

	/** The model the agent asks for. */
	public static final String REQUESTED_MODEL = "claude-sonnet-4";

	/** The price of an input token of the stand-in model, in micro-USD. */
	static final long INPUT_MICROS_PER_TOKEN = 3;

	/** The price of an output token of the stand-in model, in micro-USD. */
	static final long OUTPUT_MICROS_PER_TOKEN = 15;

	private static final Pattern TOKEN = Pattern.compile("\\w+|[^\\w\\s]");

	private static final String PROMPT = "Customer Ada Lovelace (plan pro) writes: \"My refund for a late delivery "
			+ "has not arrived yet. When will I get it?\" Draft a short, polite reply from the support team.";

	private final PlatformClient platform;

	private final LocalAuthority authority;

	private final DemoConsole console;

	/**
	 * Creates the steps.
	 * @param client the auto-configured Specora client
	 * @param authority the local authority, whose evidence bundles the last step checks
	 * @param console where to print
	 */
	public PlatformDemoSteps(SpecoraClient client, LocalAuthority authority, DemoConsole console) {
		this.platform = Objects.requireNonNull(client, "client must not be null").platform();
		this.authority = Objects.requireNonNull(authority, "authority must not be null");
		this.console = Objects.requireNonNull(console, "console must not be null");
	}

	/**
	 * Runs the steps.
	 * @param firstStep the number of the first step
	 * @return what the steps did
	 * @throws DemoStepException when a step does not behave as expected
	 */
	public Outcome run(int firstStep) {
		BudgetValidationResult budget = checkBudget(firstStep);
		PreAuthorizationResult authorization = preAuthorize(firstStep + 1);
		String runId = "reply-" + UUID.randomUUID();
		ExecutionRecordResult execution = draftAndRecord(firstStep + 2, authorization, runId);
		Evidence evidence = evidenceBundle(firstStep + 3, runId);
		return new Outcome(budget, authorization, execution, evidence.bundle(), evidence.verification(),
				evidence.tampered());
	}

	private BudgetValidationResult checkBudget(int step) {
		this.console.step(step, "Check the tenant's LLM budget before the agent calls a model (Model B)");
		this.console.line("    client.platform().validateBudget(scope action_type=llm_call)");
		BudgetValidationResult budget = this.platform
			.validateBudget(BudgetValidationRequest.scoped(Map.of("action_type", "llm_call")));
		if (budget.enforcementState() != EnforcementState.NORMAL) {
			throw new DemoStepException("expected a normal LLM budget but it is " + budget.enforcementState());
		}
		this.console.outcome(200, budget.enforcementState().name(), budget.budgetRemaining().toPlainString() + " of "
				+ budget.budgetTotal().toPlainString() + " USD left (" + budget.usagePercent() + " % used)");
		return budget;
	}

	private PreAuthorizationResult preAuthorize(int step) {
		this.console.step(step, "Pre-authorize the reply draft: the authority routes the agent to its assigned model");
		this.console.line("    client.platform().preAuthorize(anthropic/" + REQUESTED_MODEL + ", purpose=" + PURPOSE
				+ "; agent_name " + AGENT_NAME + " from specora.workflow-id)");
		PreAuthorizationResult authorization = this.platform.preAuthorize(
				PreAuthorizeRequest.builder(Provider.ANTHROPIC, REQUESTED_MODEL)
					.estimatedTokens(600)
					.estimatedCostMicros(6_000)
					.routingHints(RoutingHints.builder()
						.purpose(PURPOSE)
						.workflowType(WorkflowType.REVIEW)
						.build())
					.build());
		if (!authorization.authorized()) {
			throw new DemoStepException("expected the reply draft to be authorized: " + authorization.reason());
		}
		if (authorization.selectedProvider() == Provider.ANTHROPIC) {
			throw new DemoStepException("expected the model assignment of '" + AGENT_NAME
					+ "' to override the requested provider, but anthropic was kept");
		}
		this.console.outcome(200, "AUTHORIZED", "asked for anthropic/" + REQUESTED_MODEL + ", runs on "
				+ authorization.selectedProvider().wireName() + "/" + authorization.selectedModel() + " ("
				+ authorization.reason() + "), authorization " + authorization.authorizationId());
		return authorization;
	}

	private ExecutionRecordResult draftAndRecord(int step, PreAuthorizationResult authorization, String runId) {
		this.console.step(step, "Draft the reply with the selected model and record the execution's real token counts");
		long started = System.nanoTime();
		String reply = draft(PROMPT);
		Duration duration = Duration.ofNanos(System.nanoTime() - started);
		long inputTokens = tokens(PROMPT);
		long outputTokens = tokens(reply);
		long costMicros = inputTokens * INPUT_MICROS_PER_TOKEN + outputTokens * OUTPUT_MICROS_PER_TOKEN;
		this.console.note("draft: " + reply);
		this.console.line("    client.platform().recordExecution(" + authorization.selectedProvider().wireName() + "/"
				+ authorization.selectedModel() + ", " + inputTokens + " input + " + outputTokens + " output tokens, "
				+ costMicros + " micro-USD)");
		ExecutionRecordResult execution = this.platform.recordExecution(
				ExecutionRecordRequest.builder(authorization.selectedProvider(), authorization.selectedModel())
					.costMicros(costMicros)
					.tokens(inputTokens, outputTokens)
					.duration(duration)
					.success(true)
					.externalRunId(runId)
					.metadata("customer", "cus_1001")
					.build());
		this.console.outcome(200, execution.enforcementState().name(), "execution " + execution.executionId() + " of run "
				+ runId + "; " + execution.budgetRemainingMicros() + " micro-USD left (" + execution.usagePercent()
				+ " % used)");
		return execution;
	}

	private Evidence evidenceBundle(int step, String runId) {
		this.console.step(step, "Generate the run's evidence bundle, verify it offline, and see a tampered copy fail");
		this.console.line("    client.platform().generateEvidenceBundle(" + runId + ", trace, confidence_report)");
		EvidenceBundleResult bundle = this.platform
			.generateEvidenceBundle(new EvidenceBundleRequest(runId, List.of("trace", "confidence_report"), true));
		this.console.outcome(200, "EVIDENCE", "bundle " + bundle.bundleId() + " at " + bundle.storagePath());
		this.console.line("    client.platform().downloadEvidenceBundle(" + bundle.bundleId() + ") and signingKey()");
		byte[] zip = this.platform.downloadEvidenceBundle(bundle.bundleId());
		EvidencePublicKey key = this.platform.signingKey();
		// pin the key you trust, obtained out of band: here, the embedded authority's own
		if (!key.equals(this.authority.evidenceSigningKey())) {
			throw new DemoStepException("the published signing key " + key.keyId() + " is not the authority's "
					+ this.authority.evidenceSigningKey().keyId());
		}
		EvidenceBundleVerifier verifier = EvidenceBundleVerifier.builder().publicKey(key).build();
		BundleVerification verified = verifier.verify(zip);
		if (!verified.passed() || !bundle.bundleHash().equals(verified.bundleHash())) {
			throw new DemoStepException("the downloaded bundle does not verify with key " + key.keyId() + ":\n"
					+ verified.report());
		}
		this.console.note("verified offline with the published key " + key.keyId() + ": " + checks(verified));
		this.console.note("bundle_hash " + bundle.bundleHash() + " verified against its signed manifest (a "
				+ zip.length + "-byte ZIP)");
		BundleVerification tampered = verifier.verify(tamper(zip, "trace.jsonl"));
		if (!tampered.failed()) {
			throw new DemoStepException("a tampered copy of the bundle was not refused:\n" + tampered.report());
		}
		CheckResult artifacts = tampered.check(EvidenceCheck.ARTIFACTS);
		this.console.note("a copy with one byte of trace.jsonl changed: " + tampered.status() + " ("
				+ artifacts.details().get(0) + ")");
		return new Evidence(bundle, verified, tampered);
	}

	private static String checks(BundleVerification verification) {
		StringBuilder text = new StringBuilder();
		for (CheckResult check : verification.checks()) {
			text.append((text.length() > 0) ? ", " : "").append(check.check().checkName()).append(' ')
				.append(check.status());
		}
		return text.toString();
	}

	/** A copy of a bundle with one byte of an entry changed. */
	static byte[] tamper(byte[] zip, String entryName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream copy = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] bytes = in.readAllBytes();
				if (entry.getName().equals(entryName) && bytes.length > 0) {
					bytes[bytes.length / 2] ^= 1;
				}
				copy.putNextEntry(new ZipEntry(entry.getName()));
				copy.write(bytes);
				copy.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Stands in for the selected provider's completion: a fixed reply, so the demo runs
	 * without an LLM or a network.
	 */
	static String draft(String prompt) {
		String customer = prompt.substring("Customer ".length(), prompt.indexOf(" ("));
		return "Hello " + customer.substring(0, customer.indexOf(' ')) + ", thank you for your patience. "
				+ "Your refund for the late delivery was approved and is on its way: it reaches your account "
				+ "within 3 to 5 business days. Kind regards, the support team";
	}

	/**
	 * Counts the tokens of a text the way a simple word-piece tokenizer does: each word
	 * and each punctuation mark is one token.
	 */
	static long tokens(String text) {
		Matcher matcher = TOKEN.matcher(text);
		long count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	/**
	 * What the Platform API steps did.
	 *
	 * @param budget the budget before the call
	 * @param authorization the pre-authorization, with the selected provider and model
	 * @param execution the recorded execution
	 * @param evidence the evidence bundle of the run
	 * @param verification the offline verification of the downloaded bundle
	 * @param tampered the verification of a copy with one byte of its trace changed
	 */
	public record Outcome(BudgetValidationResult budget, PreAuthorizationResult authorization,
			ExecutionRecordResult execution, EvidenceBundleResult evidence, BundleVerification verification,
			BundleVerification tampered) {
	}

	private record Evidence(EvidenceBundleResult bundle, BundleVerification verification,
			BundleVerification tampered) {
	}

}
