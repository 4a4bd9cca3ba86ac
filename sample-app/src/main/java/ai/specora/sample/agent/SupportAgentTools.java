package ai.specora.sample.agent;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.sample.tools.Customer;
import ai.specora.sample.tools.CustomerTools;
import ai.specora.sample.tools.PaymentTools;
import ai.specora.sample.tools.Refund;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * The tools the support agent's model may call. None of them carries
 * {@code @Enforced}: every call the model asks for is governed by the
 * {@code specora-spring-ai} module (see {@code specora.ai.tools} in application.yml for
 * their action types). The customer and refund tools use the application's
 * {@code @Enforced} services, which ask for their own decisions: a refund the agent
 * makes meets the refund policies and the refund budget like any other.
 */
@Component
public class SupportAgentTools {

	private final CustomerTools customers;

	private final PaymentTools payments;

	private final AtomicInteger droppedTables = new AtomicInteger();

	/**
	 * Creates the tools.
	 * @param customers the customer service
	 * @param payments the payment service
	 */
	public SupportAgentTools(CustomerTools customers, PaymentTools payments) {
		this.customers = customers;
		this.payments = payments;
	}

	/**
	 * Looks a customer up.
	 * @param customerId the customer's id
	 * @return the customer
	 */
	@Tool(name = "look_up_customer", description = "Looks a customer up by id, e.g. cus_1001")
	public Customer lookUpCustomer(@ToolParam(description = "the customer's id") String customerId) {
		return this.customers.lookUp(customerId);
	}

	/**
	 * Refunds (part of) a payment.
	 * @param paymentId the payment to refund
	 * @param amount the amount in USD
	 * @param reason why the customer is refunded
	 * @return the refund
	 */
	@Tool(name = "refund_payment", description = "Refunds (part of) a payment, e.g. pay_7001, in USD")
	public Refund refundPayment(@ToolParam(description = "the payment's id") String paymentId,
			@ToolParam(description = "the amount in USD") BigDecimal amount,
			@ToolParam(description = "why the customer is refunded") String reason) {
		return this.payments.refund(paymentId, amount, reason);
	}

	/**
	 * Drops a database table: the tool an agent must never be able to use.
	 * @param table the table
	 * @return what was done
	 */
	@Tool(name = "drop_table", description = "Drops a database table")
	public String dropTable(@ToolParam(description = "the table's name") String table) {
		this.droppedTables.incrementAndGet();
		return "table " + table + " dropped";
	}

	/**
	 * How many times a table was really dropped (never, under the shipped policies).
	 * @return the count
	 */
	public int droppedTables() {
		return this.droppedTables.get();
	}

}
