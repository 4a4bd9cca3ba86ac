package ai.specora.sample.web;

import java.math.BigDecimal;

import ai.specora.sample.tools.PaymentTools;
import ai.specora.sample.tools.Refund;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The refund tool over HTTP.
 */
@RestController
@RequestMapping("/api/payments")
public class PaymentController {

	private final PaymentTools payments;

	/**
	 * Creates the controller.
	 * @param payments the governed tool
	 */
	public PaymentController(PaymentTools payments) {
		this.payments = payments;
	}

	/**
	 * Refunds (part of) a payment.
	 * @param paymentId the payment
	 * @param request the amount and the reason
	 * @return the refund
	 */
	@PostMapping("/{paymentId}/refunds")
	@ResponseStatus(HttpStatus.CREATED)
	public Refund refund(@PathVariable String paymentId, @RequestBody RefundRequest request) {
		if (request.amount() == null || request.amount().signum() <= 0) {
			throw new IllegalArgumentException("The amount to refund must be a positive number of USD");
		}
		return this.payments.refund(paymentId, request.amount(), request.reason());
	}

	/**
	 * Refunds (part of) a payment under the caller's refund id: the same request may be
	 * sent again, e.g. after its approval, and is answered from the same journal entry.
	 * @param paymentId the payment
	 * @param refundId the caller's id of the refund
	 * @param request the amount and the reason
	 * @return the refund
	 */
	@PutMapping("/{paymentId}/refunds/{refundId}")
	@ResponseStatus(HttpStatus.CREATED)
	public Refund refundOnce(@PathVariable String paymentId, @PathVariable String refundId,
			@RequestBody RefundRequest request) {
		if (request.amount() == null || request.amount().signum() <= 0) {
			throw new IllegalArgumentException("The amount to refund must be a positive number of USD");
		}
		return this.payments.refundOnce(refundId, paymentId, request.amount(), request.reason());
	}

	/**
	 * The body of a refund request.
	 *
	 * @param amount the amount in USD
	 * @param reason why the customer is refunded
	 */
	public record RefundRequest(BigDecimal amount, String reason) {

	}

}
