package ai.specora.sample.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.PendingApproval;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's steps of the support agent built on Spring AI's ChatClient: its model
 * (the scripted stand-in) asks for tool calls, and none of the tools carries
 * {@code @Enforced}.
 * <ol>
 * <li>the agent looks a customer up: the allowed tool call runs;</li>
 * <li>the agent tries to drop a table: the tool never runs and the model is told
 * why;</li>
 * <li>the agent refunds a payment: the tool call waits for a human's approval, then
 * runs.</li>
 * </ol>
 */
final class AgentDemoSteps {

	/** The number of steps. */
	static final int STEPS = 3;

	private static final String PATH = "/api/agent/messages";

	private static final String APPROVER = "bob (finance)";

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final String baseUrl;

	private final LocalAuthority authority;

	private final DemoConsole console;

	private final Duration timeout;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	AgentDemoSteps(String baseUrl, LocalAuthority authority, DemoConsole console, Duration timeout) {
		this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl must not be null");
		this.authority = Objects.requireNonNull(authority, "authority must not be null");
		this.console = Objects.requireNonNull(console, "console must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/**
	 * Runs the steps.
	 * @param firstStep the number of the first step
	 * @throws DemoStepException when a step does not behave as expected
	 * @throws InterruptedException if interrupted while waiting
	 */
	void run(int firstStep) throws InterruptedException {
		lookUpCustomer(firstStep);
		dropTable(firstStep + 1);
		refund(firstStep + 2);
	}

	private void lookUpCustomer(int step) throws InterruptedException {
		this.console.step(step, "The agent (Spring AI ChatClient) looks a customer up: its tool call is allowed");
		String answer = expectAnswer(ask("Who is customer cus_1002?"));
		expectContains(answer, "Grace Hopper");
		this.console.outcome(200, "ALLOW", answer);
	}

	private void dropTable(int step) throws InterruptedException {
		this.console.step(step, "The agent tries to drop a table: the tool never runs, the model is told why");
		String answer = expectAnswer(ask("Please drop table customers"));
		expectContains(answer, "was not run");
		this.console.outcome(200, "BLOCK", answer);
	}

	private void refund(int step) throws InterruptedException {
		this.console.step(step, "The agent refunds 80.00 USD: its tool call waits for a human's approval");
		CompletableFuture<Reply> pending = send("Refund 80.00 USD of payment pay_7005, please");
		PendingApproval approval = awaitPendingApproval("agent_refund");
		this.console.note("suspended: approval " + approval.approvalId() + " from " + approval.approvalSource()
				+ " (journal " + approval.journalId() + "); the agent's tool call waits");
		this.authority.approve(approval.approvalId(), APPROVER);
		this.console.note("approved by " + APPROVER);
		String answer = expectAnswer(await(pending));
		expectContains(answer, "pay_7005");
		this.console.outcome(200, "ALLOW", answer);
	}

	private Reply ask(String message) throws InterruptedException {
		return await(send(message));
	}

	private CompletableFuture<Reply> send(String message) {
		String body = this.json.createObjectNode().put("message", message).toString();
		this.console.request("POST", PATH, body);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + PATH))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply((response) -> new Reply(response.statusCode(), response.body()));
	}

	private Reply await(CompletableFuture<Reply> reply) throws InterruptedException {
		try {
			return reply.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new DemoStepException("the request failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			reply.cancel(true);
			throw new DemoStepException("no response within " + this.timeout, ex);
		}
	}

	private String expectAnswer(Reply reply) {
		if (reply.status() != 200) {
			throw new DemoStepException("expected HTTP 200 but got " + reply.status() + ": " + reply.body());
		}
		JsonNode answer = this.json.readTree(reply.body()).get("answer");
		if (answer == null || answer.isNull()) {
			throw new DemoStepException("the agent gave no answer: " + reply.body());
		}
		return answer.asString();
	}

	private static void expectContains(String answer, String expected) {
		if (!answer.contains(expected)) {
			throw new DemoStepException("expected the agent's answer to mention '" + expected + "': " + answer);
		}
	}

	private PendingApproval awaitPendingApproval(String actionType) throws InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<PendingApproval> approval = this.authority.pendingApprovals()
				.stream()
				.filter((candidate) -> candidate.actionType().equals(actionType))
				.findFirst();
			if (approval.isPresent()) {
				return approval.get();
			}
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		throw new DemoStepException("no " + actionType + " approval was pending within " + this.timeout);
	}

	private record Reply(int status, String body) {
	}

}
