package ai.specora.sample.tools;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund that was paid out.
 *
 * @param refundId the refund's id
 * @param paymentId the payment refunded
 * @param amount the amount refunded, in USD
 * @param reason why it was refunded
 * @param createdAt when it was paid out
 */
public record Refund(String refundId, String paymentId, BigDecimal amount, String reason, Instant createdAt) {

}
