package ai.specora.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context of one allowed enforcement run by {@link SpecoraClient#enforced}:
 * completes it exactly once, explicitly or automatically.
 * <p>
 * The action already ran when its completion is sent, so an interrupted thread does
 * not cancel the delivery: the wait for it ignores the interrupt (it is bounded by the
 * client's deadline) and the thread's interrupt flag is set again afterwards.
 */
final class DefaultEnforcementContext implements EnforcementContext {

	private static final Logger logger = LoggerFactory.getLogger(DefaultEnforcementContext.class);

	private final ReactiveSpecoraClient client;

	private final EnforcementResult result;

	private final long startNanos = System.nanoTime();

	private final AtomicBoolean completed = new AtomicBoolean();

	DefaultEnforcementContext(ReactiveSpecoraClient client, EnforcementResult result) {
		this.client = client;
		this.result = result;
	}

	@Override
	public EnforcementResult result() {
		return this.result;
	}

	@Override
	public void complete(Completion completion) {
		if (!this.completed.compareAndSet(false, true)) {
			throw new IllegalStateException("Enforcement " + this.result.journalId() + " is already completed");
		}
		if (this.result.requiresCompletion()) {
			awaitUninterruptibly(this.client.complete(this.result.journalId(), completion).toFuture());
		}
	}

	private static void awaitUninterruptibly(CompletableFuture<?> delivery) {
		boolean interrupted = Thread.interrupted();
		try {
			while (true) {
				try {
					delivery.get();
					return;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					Throwable cause = ex.getCause();
					if (cause instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (cause instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(cause);
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isCompleted() {
		return this.completed.get();
	}

	/**
	 * Completes the enforcement unless the action already did; a failure to deliver is
	 * logged (the onError callback has seen it) and never raised.
	 */
	void completeAutomatically(CompletionStatus status, String error) {
		if (this.completed.get()) {
			return;
		}
		Completion completion = Completion.builder(status)
			.duration(Duration.ofNanos(System.nanoTime() - this.startNanos))
			.error(error)
			.build();
		try {
			complete(completion);
		}
		catch (RuntimeException ex) {
			logger.error("Specora completion {} of journal entry {} could not be delivered: {}", status,
					this.result.journalId(), (ex instanceof SpecoraException) ? ex.getMessage() : ex.toString());
		}
	}

}
