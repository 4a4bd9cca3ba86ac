package ai.specora.langchain4j;

import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.agent.tool.Tool;

/**
 * The tools of the test agent; each counts its runs.
 */
public class SupportTools {

	private final AtomicInteger lookups = new AtomicInteger();

	private final AtomicInteger refunds = new AtomicInteger();

	@Tool(name = "lookup_order", value = "Looks an order up")
	public String lookupOrder(String orderId) {
		this.lookups.incrementAndGet();
		return "order " + orderId + ": shipped";
	}

	@Tool(name = "issue_refund", value = "Refunds an order")
	public String issueRefund(String orderId, int amount) {
		this.refunds.incrementAndGet();
		return "refunded " + amount + " on " + orderId;
	}

	@Tool(name = "check_stock", value = "Checks the stock of an article")
	public String checkStock(String sku) {
		throw new IllegalStateException("warehouse offline");
	}

	public AtomicInteger lookups() {
		return this.lookups;
	}

	public AtomicInteger refunds() {
		return this.refunds;
	}

}
