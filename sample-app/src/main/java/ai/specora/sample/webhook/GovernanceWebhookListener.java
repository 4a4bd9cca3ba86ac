package ai.specora.sample.webhook;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import ai.specora.spring.webhook.ApprovalResolvedEvent;
import ai.specora.spring.webhook.BudgetBreachEvent;
import ai.specora.spring.webhook.SpecoraWebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the authority's webhooks: logs resolved approvals and budget breaches,
 * and keeps the most recent events so that they can be looked at (and waited for).
 */
@Component
public class GovernanceWebhookListener {

	private static final Logger logger = LoggerFactory.getLogger(GovernanceWebhookListener.class);

	private static final int CAPACITY = 100;

	private final Deque<SpecoraWebhookEvent> received = new ArrayDeque<>();

	/**
	 * Logs a resolved approval.
	 * @param event the event
	 */
	@EventListener
	public void onApprovalResolved(ApprovalResolvedEvent event) {
		logger.info("Webhook {}: approval {} of journal entry {} {} by {}", event.eventType(), event.approvalId(),
				event.journalId(), event.approved() ? "approved" : "denied", event.resolvedBy());
		remember(event);
	}

	/**
	 * Logs a budget breach.
	 * @param event the event
	 */
	@EventListener
	public void onBudgetBreach(BudgetBreachEvent event) {
		BudgetBreach breach = event.dataAs(BudgetBreach.class);
		logger.info("Webhook {}: budget '{}' breached by {} (journal entry {}): {} of {} USD used, {} requested",
				event.eventType(), breach.budgetName(), breach.actionType(), breach.journalId(), breach.budgetUsed(),
				breach.budgetTotal(), breach.requested());
		remember(event);
	}

	private void remember(SpecoraWebhookEvent event) {
		synchronized (this.received) {
			if (this.received.size() == CAPACITY) {
				this.received.removeFirst();
			}
			this.received.addLast(event);
			this.received.notifyAll();
		}
	}

	/**
	 * The events received, oldest first.
	 * @return a snapshot of the events
	 */
	public List<SpecoraWebhookEvent> received() {
		synchronized (this.received) {
			return new ArrayList<>(this.received);
		}
	}

	/**
	 * Waits for an event of a type matching a condition, received before or during the
	 * wait.
	 * @param <E> the event type
	 * @param type the event type
	 * @param condition the condition
	 * @param timeout how long to wait at most
	 * @return the first matching event, or empty when none came in time
	 * @throws InterruptedException if the waiting thread is interrupted
	 */
	public <E extends SpecoraWebhookEvent> Optional<E> await(Class<E> type, Predicate<? super E> condition,
			Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.received) {
			while (true) {
				for (SpecoraWebhookEvent event : this.received) {
					if (type.isInstance(event) && condition.test(type.cast(event))) {
						return Optional.of(type.cast(event));
					}
				}
				long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
				if (remainingMillis <= 0) {
					return Optional.empty();
				}
				this.received.wait(remainingMillis);
			}
		}
	}

}
