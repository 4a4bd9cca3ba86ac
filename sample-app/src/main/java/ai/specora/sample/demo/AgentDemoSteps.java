package ai.specora.sample.demo;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.PendingApproval;
import ai.specora.sample.demo.DemoHttp.Reply;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import tools.jackson.databind.JsonNode;

/**
 * The demo's steps of the support agent built on Spring AI's ChatClient: its model
 * (the scripted stand-in) asks for tool calls, and none of the tools carries
 * {@code @Enforced}.
 * <ol>
 * <li>the agent looks a customer up: the allowed tool call runs;</li>
 * <li>the agent tries to drop a table: the tool never runs and the model is told
 * why;</li>
 * <li>the agent refunds a payment: the tool call waits for a human's approval, then the
 * payment service it calls is held to the refund budget like any refund;</li>
 * <li>an outside MCP client (the MCP Java SDK's, over streamable HTTP) calls the same
 * {@code drop_table} tool on the application's MCP server: it gets an error result with
 * the reason and the journal id, and the tool never runs.</li>
 * </ol>
 */
final class AgentDemoSteps {

	/** The number of steps. */
	static final int STEPS = 4;

	private static final String PATH = "/api/agent/messages";

	private static final String APPROVER = "bob (finance)";

	private final LocalAuthority authority;

	private final DemoConsole console;

	private final DemoHttp http;

	AgentDemoSteps(LocalAuthority authority, DemoConsole console, DemoHttp http) {
		this.authority = Objects.requireNonNull(authority, "authority must not be null");
		this.console = Objects.requireNonNull(console, "console must not be null");
		this.http = Objects.requireNonNull(http, "http must not be null");
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
		outsideMcpClientDropsTable(firstStep + 3);
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
		this.console.step(step, "The agent refunds 80.00 USD: approved by a human, then held to the refund budget");
		CompletableFuture<Reply> pending = send("Refund 80.00 USD of payment pay_7005, please");
		PendingApproval approval = this.http.awaitPendingApproval(this.authority, "agent_refund");
		this.console.note("suspended: approval " + approval.approvalId() + " from " + approval.approvalSource()
				+ " (journal " + approval.journalId() + "); the agent's tool call waits");
		this.authority.approve(approval.approvalId(), APPROVER);
		this.console.note("approved by " + APPROVER);
		this.console.note("the payment service the tool calls asks for its own decision: "
				+ "the 'refunds-daily' budget spent in step 4 has no 80.00 USD left");
		String answer = expectAnswer(this.http.await(pending));
		expectContains(answer, "refunds-daily");
		this.console.outcome(200, "BLOCK", answer);
	}

	private void outsideMcpClientDropsTable(int step) {
		this.console.step(step, "An outside MCP client calls drop_table on the app's MCP server: blocked, never run");
		McpSyncClient client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder(this.http.baseUrl()).build())
			.clientInfo(new McpSchema.Implementation("outside-agent", "1.0.0"))
			.build();
		try {
			client.initialize();
			CallToolResult result = client
				.callTool(new McpSchema.CallToolRequest("drop_table", Map.of("table", "customers")));
			String text = result.content()
				.stream()
				.filter(McpSchema.TextContent.class::isInstance)
				.map((content) -> ((McpSchema.TextContent) content).text())
				.reduce("", String::concat);
			if (!Boolean.TRUE.equals(result.isError())) {
				throw new DemoStepException("expected an error result for drop_table but got: " + text);
			}
			expectContains(text, "was not run");
			this.console.outcome(200, "BLOCK", "isError: true, " + text);
		}
		finally {
			client.closeGracefully();
		}
	}

	private Reply ask(String message) throws InterruptedException {
		return this.http.await(send(message));
	}

	private CompletableFuture<Reply> send(String message) {
		return this.http.send("POST", PATH, this.http.object("message", message));
	}

	private String expectAnswer(Reply reply) {
		if (reply.status() != 200) {
			throw new DemoStepException("expected HTTP 200 but got " + reply.status() + ": " + reply.body());
		}
		JsonNode answer = reply.body().get("answer");
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

}
