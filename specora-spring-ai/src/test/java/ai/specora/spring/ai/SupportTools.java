package ai.specora.spring.ai;

import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.spring.Enforced;

import org.springframework.ai.tool.annotation.Tool;

/**
 * A support agent's tools for tests; {@code cancel_order} is also {@code @Enforced}.
 */
public class SupportTools {

	final AtomicInteger lookups = new AtomicInteger();

	final AtomicInteger refunds = new AtomicInteger();

	final AtomicInteger cancels = new AtomicInteger();

	/**
	 * Counters are read through methods: the bean is a proxy.
	 */
	public AtomicInteger lookups() {
		return this.lookups;
	}

	public AtomicInteger refunds() {
		return this.refunds;
	}

	public AtomicInteger cancels() {
		return this.cancels;
	}

	@Tool(name = "lookup_order", description = "Looks an order up")
	public String lookupOrder(String orderId) {
		this.lookups.incrementAndGet();
		return "order " + orderId + ": shipped";
	}

	@Tool(name = "issue_refund", description = "Refunds an order")
	public String issueRefund(String orderId) {
		this.refunds.incrementAndGet();
		return "refunded " + orderId;
	}

	@Tool(name = "check_stock", description = "Checks the stock of a product")
	public String checkStock(String sku) {
		throw new IllegalStateException("warehouse offline");
	}

	@Tool(name = "cancel_order", description = "Cancels an order")
	@Enforced(actionType = "order_cancel", scope = "{'order': #orderId}")
	public String cancelOrder(String orderId) {
		this.cancels.incrementAndGet();
		return "cancelled " + orderId;
	}

}

