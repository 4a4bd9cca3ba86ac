package ai.specora.spring.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.EventListener;

/**
 * Collects the webhook events published in a test application; throws on every
 * {@link SlaBreachEvent} to show that a failing listener does not change the response.
 */
class EventCollector {

	final List<SpecoraWebhookEvent> events = new CopyOnWriteArrayList<>();

	final List<BudgetBreachEvent> budgetBreaches = new CopyOnWriteArrayList<>();

	final AtomicInteger failures = new AtomicInteger();

	@EventListener
	void on(SpecoraWebhookEvent event) {
		this.events.add(event);
	}

	@EventListener
	void on(BudgetBreachEvent event) {
		this.budgetBreaches.add(event);
	}

	@EventListener
	void on(SlaBreachEvent event) {
		this.failures.incrementAndGet();
		throw new IllegalStateException("listener failure on purpose");
	}

	SpecoraWebhookEvent find(String eventId) {
		return this.events.stream().filter((event) -> event.eventId().equals(eventId)).findFirst().orElse(null);
	}

}
