package ai.specora.sample.tools;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import ai.specora.spring.Enforced;
import ai.specora.spring.OnSuspend;

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

	/**
	 * Refunds (part of) a payment under a refund id the caller chose, so that the
	 * refund can be retried: the id is the enforcement's request id, so a retry is
	 * answered from the same journal entry. Suspended for approval, the call raises at
	 * once ({@code onSuspend = THROW}); retried after the approval, it is allowed on
	 * the same entry and the refund is paid out.
	 * @param refundId the caller's id of this refund, e.g. {@code re_7001}
	 * @param paymentId the payment to refund
	 * @param amount the amount in USD, positive
	 * @param reason why the customer is refunded
	 * @return the refund
	 * @throws IllegalArgumentException if the amount is not positive
	 */
	@Enforced(actionType = "payment_refund",
			scope = "{'service': 'payments', 'payment': #paymentId, 'size': #amount > 100 ? 'large' : 'standard'}",
			args = "{'refund': #refundId, 'amount': #amount, 'reason': #reason}",
			estimatedCost = "#amount",
			costActual = "#result.amount()",
			requestId = "#refundId",
			onSuspend = OnSuspend.THROW,
			writeOp = true)
	public Refund refundOnce(String refundId, String paymentId, BigDecimal amount, String reason) {
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("The amount to refund must be positive");
		}
		return new Refund(refundId, paymentId, amount, reason, this.clock.instant());
	}

}
