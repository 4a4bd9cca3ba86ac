package ai.specora.spring.enforcement;

import java.util.Objects;

import ai.specora.client.EnforcementResult;

/**
 * Marks the current thread as running a call that is already governed by a decision,
 * so that the {@link ai.specora.spring.Enforced @Enforced} method it reaches first does
 * not ask the authority a second time, nor completes a second time.
 * <p>
 * Integrations that enforce a call themselves (a Spring AI tool call, for example) open
 * a scope around the governed code, with the allow decision they obtained:
 * <pre class="code">
 * try (GovernedCallScope scope = GovernedCallScope.open(decision)) {
 *     return tool.call(input);
 * }
 * </pre>
 * The first {@code @Enforced} method entered on that thread while the scope is open
 * {@linkplain #claim() claims} it and runs without a decision of its own; any
 * {@code @Enforced} method it calls in turn is governed as usual. Closing the scope
 * restores the one that was open before.
 * <p>
 * The scope is bound to the thread that opened it (like Spring's own transaction and
 * request holders): code that the governed call hands to another thread is not covered
 * by it and is governed on its own.
 */
public final class GovernedCallScope implements AutoCloseable {

	private static final ThreadLocal<GovernedCallScope> CURRENT = new ThreadLocal<>();

	private final EnforcementResult decision;

	private final GovernedCallScope previous;

	private final Thread owner;

	private boolean claimed;

	private GovernedCallScope(EnforcementResult decision, GovernedCallScope previous) {
		this.decision = decision;
		this.previous = previous;
		this.owner = Thread.currentThread();
	}

	/**
	 * Opens a scope on the current thread.
	 * @param decision the decision that governs the call, never {@code null}
	 * @return the scope, to be closed on the same thread
	 */
	public static GovernedCallScope open(EnforcementResult decision) {
		Objects.requireNonNull(decision, "decision must not be null");
		GovernedCallScope scope = new GovernedCallScope(decision, CURRENT.get());
		CURRENT.set(scope);
		return scope;
	}

	/**
	 * Claims the scope open on the current thread, once: the caller's call is covered by
	 * the scope's decision and must not be governed again.
	 * @return {@code true} for the first claim of an open scope, {@code false} when no
	 * scope is open or it was claimed already
	 */
	public static boolean claim() {
		GovernedCallScope scope = CURRENT.get();
		if (scope == null || scope.claimed) {
			return false;
		}
		scope.claimed = true;
		return true;
	}

	/**
	 * The decision that governs the call on the current thread.
	 * @return the decision of the open scope, or {@code null} when none is open
	 */
	public static EnforcementResult currentDecision() {
		GovernedCallScope scope = CURRENT.get();
		return (scope != null) ? scope.decision : null;
	}

	/**
	 * Whether an {@code @Enforced} method claimed this scope.
	 * @return {@code true} once claimed
	 */
	public boolean isClaimed() {
		return this.claimed;
	}

	/**
	 * Closes the scope and restores the one open before it.
	 * @throws IllegalStateException when called on another thread than the one that
	 * opened it
	 */
	@Override
	public void close() {
		if (Thread.currentThread() != this.owner) {
			throw new IllegalStateException("A GovernedCallScope must be closed on the thread that opened it");
		}
		if (this.previous != null) {
			CURRENT.set(this.previous);
		}
		else {
			CURRENT.remove();
		}
	}

	@Override
	public String toString() {
		return "GovernedCallScope[journal " + this.decision.journalId() + ", claimed=" + this.claimed + "]";
	}

}
