package ai.specora.sample.tools;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import ai.specora.spring.Enforced;

import org.springframework.stereotype.Service;

/**
 * The agent's refund tool: a write whose cost is the amount refunded, so that refunds
 * count against the authority's budgets. Large refunds (over 100 USD) are scoped
 * {@code size: large}, which the shipped policies send for approval.
 */
@Service
public class PaymentTools {

	private final Clock clock;

	/**
	 * Creates the tool.
	 * @param clock the clock refunds are dated with
	 */
	public PaymentTools(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Refunds (part of) a payment.
	 * @param paymentId the payment to refund
	 * @param amount the amount in USD, positive
	 * @param reason why the customer is refunded
	 * @return the refund
	 * @throws IllegalArgumentException if the amount is not positive
	 */
	@Enforced(actionType = "payment_refund",
			scope = "{'service': 'payments', 'payment': #paymentId, 'size': #amount > 100 ? 'large' : 'standard'}",
			args = "{'amount': #amount, 'reason': #reason}",
			estimatedCost = "#amount",
			costActual = "#result.amount()",
			writeOp = true)
	public Refund refund(String paymentId, BigDecimal amount, String reason) {
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("The amount to refund must be positive");
		}
		return new Refund("re_" + UUID.randomUUID().toString().substring(0, 8), paymentId, amount, reason,
				this.clock.instant());
	}

}
